// Gap-free registers of a service point (TT 01/2018/TT-VPCP art. 10: a register is opened per year
// and numbered from 01 through the year with no gap). One register per service point, year and
// kind — the receipt ledger of form 01 ('receipt') and the counter outcomes ('guidance',
// 'incomplete', 'refused'). The number is the register row's counter, incremented by the statement
// or transaction that writes the numbered record: concurrent writers queue on the row until the
// holder commits, and a rollback gives the number back.
import { sql, type RawBuilder } from 'kysely';

export interface RegisterKey {
  readonly servicePointId: number;
  /** the year in Vietnam time */
  readonly year: number;
  readonly register: string;
  /** the point's province (the register row's sharding key: it sits on the shard of the rows it numbers) */
  readonly provinceCode: string;
}

/**
 * The statement that takes the next number of a register (`RETURNING last_number`). `after` names
 * a relation of the caller's statement (a CTE): one number is taken per row it yields (none when it
 * is empty), and the register row is locked only after that relation has been computed.
 */
export function nextRegisterNumberSql(key: RegisterKey, after?: string): RawBuilder<{ last_number: number }> {
  const from = after === undefined ? sql`` : sql` FROM ${sql.table(after)}`;
  return sql<{ last_number: number }>`INSERT INTO register_serials (service_point_id, year, register, last_number, province_code)
    SELECT ${key.servicePointId}::bigint, ${key.year}::integer, ${key.register}::text, 1, ${key.provinceCode}::text${from}
    ON CONFLICT (service_point_id, year, register) DO UPDATE SET last_number = register_serials.last_number + 1
    RETURNING last_number`;
}
