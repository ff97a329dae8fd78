/**
 * `motcua` calendar sub-commands: lunar, holidays, due. Pure: takes argv and the loaded
 * schedules, returns what to print and the exit code (the main CLI does the I/O).
 */
import { dayNumberOf, formatVnInstant, isoDateFromDayNumber, parseHhMm, parseInstant, parseIsoDate, weekdayOf, type IsoDate } from './civil-date';
import { computeDueAt, type Duration, type DurationUnit } from './deadlines';
import { holidaysForYear, type YearSchedule } from './holidays';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, solarToLunar, type LunarDate } from './lunar';
import { WorkCalendar } from './work-calendar';

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const HELP = {
  main: [
    'Cách dùng: motcua calendar <lệnh> [tùy chọn]',
    '  lunar DATE                          đổi ngày dương sang âm lịch',
    '  lunar --from DATE --to DATE [--json] mỗi ngày một dòng',
    '  holidays YEAR [--json]              ngày nghỉ và ngày làm bù của năm',
    '  due --received TIME --duration N --unit UNIT [--cutoff HH:MM] [--json]',
    '                                      tính ngày hẹn trả kết quả',
  ],
  lunar: [
    'Cách dùng: motcua calendar lunar DATE',
    '           motcua calendar lunar --from DATE --to DATE [--json]',
    'DATE theo dạng YYYY-MM-DD (năm 1900–2100). --json: mỗi dòng một đối tượng',
    '{"solar":"2025-01-29","day":1,"month":1,"year":2025,"leap":false}',
  ],
  holidays: [
    'Cách dùng: motcua calendar holidays YEAR [--json]',
    'Liệt kê ngày nghỉ, ngày làm bù và lý do; năm chưa có thông báo chính thức được tính',
    'theo Bộ luật Lao động (tạm tính).',
  ],
  due: [
    'Cách dùng: motcua calendar due --received 2025-01-24T10:00+07:00 --duration 5 --unit working_days',
    '           [--cutoff 15:00] [--json]',
    'UNIT: working_days | working_hours | calendar_days. Giờ tiếp nhận không ghi múi giờ được hiểu là giờ Việt Nam.',
    '--cutoff: giờ chốt nhận hồ sơ (mặc định 15:00 với working_hours); "none" để bỏ.',
  ],
} as const satisfies Record<string, readonly string[]>;

type HelpTopic = keyof typeof HELP;

const UNITS = ['working_days', 'working_hours', 'calendar_days'] as const satisfies readonly DurationUnit[];

const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const MAX_LUNAR_RANGE_DAYS = 36_600;

class UsageError extends Error {}

interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
}

function parseArgs(argv: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (flagOptions.includes(name)) {
      flags.add(name);
    } else if (valueOptions.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`thiếu giá trị cho --${name}`);
      options.set(name, value);
    } else {
      throw new UsageError(`tùy chọn không hợp lệ: ${arg}`);
    }
  }
  return { positionals, options, flags };
}

function requireDate(text: string | undefined, what = 'ngày'): IsoDate {
  if (text === undefined) throw new UsageError(`thiếu ${what}`);
  const date = parseIsoDate(text);
  if (!date) throw new UsageError(`ngày không hợp lệ: ${text}`);
  const year = Number(date.slice(0, 4));
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new UsageError(`ngày ngoài phạm vi ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${text}`);
  }
  return date;
}

function lunarText(lunar: LunarDate): string {
  return `ngày ${lunar.day} tháng ${lunar.month}${lunar.leap ? ' nhuận' : ''} năm ${lunar.year} (âm lịch)`;
}

function lunarCommand(argv: readonly string[]): string {
  const args = parseArgs(argv, ['from', 'to'], ['json']);
  const json = args.flags.has('json');
  const line = (date: IsoDate): string => {
    const lunar = solarToLunar(date);
    return json ? JSON.stringify({ solar: date, ...lunar }) : `${date} → ${lunarText(lunar)}`;
  };
  if (args.options.has('from') || args.options.has('to')) {
    if (args.positionals.length > 0) throw new UsageError(`đối số thừa: ${args.positionals[0] ?? ''}`);
    const from = dayNumberOf(requireDate(args.options.get('from'), '--from'));
    const to = dayNumberOf(requireDate(args.options.get('to'), '--to'));
    if (to < from) throw new UsageError('--to phải không trước --from');
    if (to - from >= MAX_LUNAR_RANGE_DAYS) throw new UsageError(`khoảng ngày quá dài (tối đa ${MAX_LUNAR_RANGE_DAYS} ngày)`);
    const lines: string[] = [];
    for (let n = from; n <= to; n++) lines.push(line(isoDateFromDayNumber(n)));
    return lines.join('\n');
  }
  if (args.positionals.length !== 1) throw new UsageError('cần đúng một ngày (YYYY-MM-DD)');
  return line(requireDate(args.positionals[0]));
}

function holidaysCommand(argv: readonly string[], schedules: readonly YearSchedule[]): string {
  const args = parseArgs(argv, [], ['json']);
  const text = args.positionals[0];
  if (args.positionals.length !== 1 || text === undefined) throw new UsageError('cần đúng một năm');
  if (!/^\d{4}$/.test(text)) throw new UsageError(`năm không hợp lệ: ${text}`);
  const year = Number(text);
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) throw new UsageError(`năm ngoài phạm vi ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}: ${text}`);
  const h = holidaysForYear(year, schedules);
  if (args.flags.has('json')) {
    return JSON.stringify({ year: h.year, provisional: h.provisional, source: h.source, sources: h.sources ?? [], daysOff: h.daysOff, makeUpDays: h.makeUpDays });
  }
  const row = (d: { date: IsoDate; reason: string }): string =>
    `  ${d.date} (${WEEKDAY_NAMES[weekdayOf(dayNumberOf(d.date))]})  ${d.reason}`;
  return [
    `Năm ${year}${h.provisional ? ' — TẠM TÍNH (chưa có thông báo chính thức)' : ''}`,
    `Nguồn: ${h.source}`,
    ...(h.sources ?? []).map((s) => `  - ${s.document} (${s.issuer}, ${s.issuedOn}): ${s.covers}`),
    'Ngày nghỉ:',
    ...h.daysOff.map(row),
    'Ngày làm bù:',
    ...(h.makeUpDays.length > 0 ? h.makeUpDays.map(row) : ['  (không có)']),
  ].join('\n');
}

function dueCommand(argv: readonly string[], schedules: readonly YearSchedule[]): { stdout: string; stderr: string } {
  const args = parseArgs(argv, ['received', 'duration', 'unit', 'cutoff'], ['json']);
  if (args.positionals.length > 0) throw new UsageError(`đối số thừa: ${args.positionals[0] ?? ''}`);
  const receivedText = args.options.get('received');
  if (receivedText === undefined) throw new UsageError('thiếu --received');
  const receivedAt = parseInstant(receivedText);
  if (receivedAt === null) throw new UsageError(`thời điểm không hợp lệ: ${receivedText}`);
  const durationText = args.options.get('duration');
  if (durationText === undefined) throw new UsageError('thiếu --duration');
  const value = Number(durationText);
  if (!/^\d+(\.\d+)?$/.test(durationText) || !Number.isFinite(value)) throw new UsageError(`thời hạn không hợp lệ: ${durationText}`);
  const unitText = args.options.get('unit');
  const unit = UNITS.find((u) => u === unitText);
  if (unit === undefined) throw new UsageError(`đơn vị không hợp lệ: ${unitText ?? '(trống)'} (working_days | working_hours | calendar_days)`);
  if (unit === 'calendar_days' && !Number.isInteger(value)) throw new UsageError(`số ngày phải là số nguyên: ${durationText}`);
  const cutoffText = args.options.get('cutoff');
  let cutoff: string | null | undefined;
  if (cutoffText === 'none') cutoff = null;
  else if (cutoffText !== undefined) {
    if (parseHhMm(cutoffText) === null) throw new UsageError(`giờ chốt không hợp lệ: ${cutoffText}`);
    cutoff = cutoffText;
  }
  const duration: Duration = { value, unit };
  const receivedYear = Number(formatVnInstant(receivedAt).slice(0, 4));
  const spanYears = Math.ceil(value / (unit === 'working_hours' ? 1500 : unit === 'working_days' ? 200 : 300)) + 1;
  const toYear = receivedYear + spanYears;
  if (receivedYear < LUNAR_MIN_YEAR || toYear > LUNAR_MAX_YEAR) throw new UsageError(`thời điểm hoặc thời hạn ngoài phạm vi lịch ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  const calendar = new WorkCalendar({ fromYear: receivedYear, toYear, schedules });
  const dueAt = computeDueAt(receivedAt, duration, calendar, cutoff === undefined ? undefined : { cutoff });
  const provisional = calendar.isProvisionalBetween(receivedAt, dueAt);
  if (args.flags.has('json')) {
    return {
      stdout: JSON.stringify({ receivedAt: formatVnInstant(receivedAt), dueAt: formatVnInstant(dueAt), duration, provisional }),
      stderr: '',
    };
  }
  const note = provisional ? 'Lưu ý: lịch nghỉ của năm liên quan chưa có thông báo chính thức; ngày hẹn là tạm tính.' : '';
  return { stdout: formatVnInstant(dueAt), stderr: note };
}

function withNewline(text: string): string {
  return text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
}

export function runCalendarCommand(argv: readonly string[], schedules: readonly YearSchedule[]): CommandResult {
  const [command, ...rest] = argv;
  const topic: HelpTopic = command === 'lunar' || command === 'holidays' || command === 'due' ? command : 'main';
  if (command === undefined || command === '--help' || command === 'help' || rest.includes('--help')) {
    return { stdout: withNewline(HELP[topic].join('\n')), stderr: '', exitCode: 0 };
  }
  try {
    switch (command) {
      case 'lunar':
        return { stdout: withNewline(lunarCommand(rest)), stderr: '', exitCode: 0 };
      case 'holidays':
        return { stdout: withNewline(holidaysCommand(rest, schedules)), stderr: '', exitCode: 0 };
      case 'due': {
        const out = dueCommand(rest, schedules);
        return { stdout: withNewline(out.stdout), stderr: withNewline(out.stderr), exitCode: 0 };
      }
      default:
        throw new UsageError(`lệnh không hợp lệ: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError) {
      return { stdout: '', stderr: `Lỗi: ${error.message}\n`, exitCode: 2 };
    }
    throw error;
  }
}
