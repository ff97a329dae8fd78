// Working time left on a dossier, as the dossier screens show it. Pure. (Dates and times: ../ui/dates.)
export interface WorkingTimeParts {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** Splits working minutes into working days of 8 hours, hours and minutes (DOMAIN §1.6). */
export function splitWorkingMinutes(total: number, hoursPerDay = 8): WorkingTimeParts {
  const overdue = total < 0;
  const abs = Math.round(Math.abs(total));
  const perDay = hoursPerDay * 60;
  return { overdue, days: Math.floor(abs / perDay), hours: Math.floor((abs % perDay) / 60), minutes: abs % 60 };
}
