// `motcua calendar …`: the pure calendar sub-commands (src/calendar/cli.ts) over either the
// official schedules shipped with the code (default: no database, fast, scriptable) or, with
// --from-db, the schedules in force in the configured database.
import { runCalendarCommand } from '../calendar/cli';
import { OFFICIAL_SCHEDULES } from '../calendar/schedules';
import { schedulesInForce } from '../calendar/store';
import type { YearSchedule } from '../calendar/holidays';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/connect';
import { migrate } from '../platform/db/migrate';

const FROM_DB = '--from-db';

async function storedSchedules(): Promise<readonly YearSchedule[]> {
  const connection = await openDatabase(loadConfig(), { command: 'calendar' });
  try {
    await migrate(connection.url);
    return await schedulesInForce(connection.db);
  } finally {
    await connection.close();
  }
}

export async function calendarCommand(argv: string[]): Promise<number> {
  const fromDb = argv.includes(FROM_DB);
  const args = argv.filter((a) => a !== FROM_DB);
  const schedules = fromDb ? await storedSchedules() : OFFICIAL_SCHEDULES;
  const result = runCalendarCommand(args, schedules);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}
