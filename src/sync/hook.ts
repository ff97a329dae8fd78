// The sync outbox in the dossiers' write path (wired in src/app.ts): every event of a dossier adds
// one sync_outbox row in the event's own transaction (or the one intake statement), so a change is
// never committed without the row that will tell the national portal, and no row exists for a
// change that rolled back.
import { sql, type Transaction } from 'kysely';
import type { DerivedIntake, DossierEvent, DossierHook, DossierRow, IntakeWrite } from '../dossiers/events';
import { syncCode } from '../dossiers/lifecycle';
import type { DB } from '../platform/db/schema';

async function afterEvent(trx: Transaction<DB>, event: DossierEvent, dossier: DossierRow): Promise<void> {
  await trx.insertInto('sync_outbox').values({
    dossier_id: dossier.id, province_code: dossier.province_code, dossier_code: dossier.code, seq: event.seq, action: event.action,
    sync_code: syncCode[dossier.status], event_at: event.at, unit_path: dossier.unit_path, channel: dossier.channel,
  }).execute();
}

/** The intake's row, from the inserted dossier (CTE `d`): nothing is written when the intake does not happen. */
function intakeWrites(event: DossierEvent, dossier: DerivedIntake): readonly IntakeWrite[] {
  return [{
    name: 'sync_outbox_intake',
    statement: sql`INSERT INTO sync_outbox (dossier_id, province_code, dossier_code, seq, action, sync_code, event_at, unit_path, channel)
      SELECT d.id, d.province_code, d.code, ${event.seq}::int, ${event.action}, ${syncCode[dossier.status]}::smallint, ${event.at}::timestamptz, d.unit_path, d.channel FROM d
      RETURNING id`,
  }];
}

export const syncHook: DossierHook = { afterEvent, intakeWrites };
