// This database's installation id (migration 0115): a random id made with the schema, kept by
// backup and restore, never changed. Lets files outside the database (the anchor key's record)
// tell one database from another.
import { sql } from 'kysely';
import type { Database } from './connect';

export async function installationId(db: Database): Promise<string> {
  const row = (await sql<{ id: string }>`SELECT id::text AS id FROM installation`.execute(db)).rows[0];
  if (!row) throw new Error('cơ sở dữ liệu không có mã cài đặt (bảng installation trống): hãy chạy "motcua migrate"');
  return row.id;
}
