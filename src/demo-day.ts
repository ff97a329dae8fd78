// `motcua serve --seed-demo` on an empty database: the demo province's last two weeks of work, so
// that each demo role opens a working day, not empty lists. Everything goes through the HTTP API as
// the demo users, on a clock set to the moment of each step (working days before today, Vietnam
// time): the same permissions, transactions, events, roll-ups and national-sync rows as a real day.
// The clerk finds a dossier received this morning to hand on, a result to return and a pickup to
// dispatch; the officer a dossier to appraise and one past its due time; the approver one awaiting
// approval; the police a driving-licence exchange; the supervisor figures on the dashboard.
import { buildApp } from './app';
import { dayNumberOf, isoDateFromDayNumber, vnDateOfInstant, vnInstant, type IsoDate } from './calendar';
import { loadWorkCalendar } from './calendar/store';
import { FixedClock } from './platform/clock';
import type { Config } from './platform/config';
import type { Database } from './platform/db/connect';
import type { HttpApp } from './platform/http/server';
import { DEMO_PASSWORD } from './seed';

const TAN_HONG = '29926';
const ADDRESS = 'Số 12, Ấp 3, Xã Tân Hồng, Đồng Tháp';
const BIRTH = '1.001193'; // 1 working day
const BIRTH_AGAIN = '1.004884'; // re-registration of a birth: 5 working days
const PARENTAGE = '1.001022'; // recognition of a parent or child: 3 working days
const ALLOWANCE = '1.001776'; // monthly social allowance: 5 working days
const BUILDING = '1.013229'; // permit to repair a small building: 10 working days, tied to the land's commune
const LICENCE = '3.000347'; // driving-licence exchange, at the commune police: 5 working days
const MARITAL = '1.004873'; // confirmation of marital status, full online

interface Applicant { readonly personalId: string; readonly name: string; readonly phone: string }

/** The demo's applicants (invented people; personal IDs of Đồng Tháp's old code 087). */
const people: readonly Applicant[] = [
  { personalId: '087190002345', name: 'Lê Thị Mai', phone: '0918234567' },
  { personalId: '087088003456', name: 'Trần Văn Phúc', phone: '0939345678' },
  { personalId: '087192004567', name: 'Phạm Thị Hồng', phone: '0907456789' },
  { personalId: '087085005678', name: 'Võ Minh Trí', phone: '0988567890' },
  { personalId: '087195006789', name: 'Huỳnh Thị Thu', phone: '0976678901' },
  { personalId: '087080007890', name: 'Đỗ Văn Lộc', phone: '0945789012' },
  { personalId: '087193008901', name: 'Nguyễn Thị Kim Ngân', phone: '0968890123' },
];

export interface DemoDayReport {
  readonly dossiers: number;
  readonly pickups: number;
}

/** The story of the demo's last working days; `config` is the server's (its jobs are not started here). */
export async function seedDemoDay(db: Database, config: Config, now: Date = new Date()): Promise<DemoDayReport> {
  const clock = new FixedClock(now);
  const app = await buildApp({ db, clock, config, loginRateLimit: 1_000, trackRateLimit: 1_000 });
  try {
    await app.ready();
    const day = await workingDaysBefore(db, vnDateOfInstant(now.getTime()), 8);
    return await tellTheStory(new DemoSteps(app, clock, now), day);
  } finally {
    await app.close();
  }
}

/** `day(n)`: the n-th working day before today (0 = today, or the last working day when today is not one). */
async function workingDaysBefore(db: Database, today: IsoDate, most: number): Promise<(n: number) => IsoDate> {
  const year = Number(today.slice(0, 4));
  const { calendar } = await loadWorkCalendar(db, { fromYear: year - 1, toYear: year });
  const days: IsoDate[] = [];
  for (let d = dayNumberOf(today); days.length <= most; d--) {
    const date = isoDateFromDayNumber(d);
    if (calendar.isWorkingDay(date)) days.push(date);
  }
  return (n) => days[n] ?? days[days.length - 1] ?? today;
}

/** In the order it happened: the throttles and sessions see time move forward only. */
async function tellTheStory(s: DemoSteps, day: (n: number) => IsoDate): Promise<DemoDayReport> {
  const [mai, phuc, hong, tri, thu, loc, ngan] = people as [Applicant, Applicant, Applicant, Applicant, Applicant, Applicant, Applicant];
  // past its due time: a social allowance received 7 working days ago, still with the officer
  const late = await s.receive(day(7), '09:40', ALLOWANCE, phuc);
  await s.act(day(7), '10:30', 'clerk', late, 'forward');
  // returned to the applicant: received 7 working days ago, done in four
  const done = await s.receive(day(7), '10:15', BIRTH_AGAIN, mai);
  await s.act(day(7), '11:00', 'clerk', done, 'forward');
  await s.act(day(6), '09:30', 'officer', done, 'submitForApproval');
  await s.act(day(5), '14:00', 'approver', done, 'approve');
  await s.act(day(5), '15:30', 'officer', done, 'markResultReady');
  await s.act(day(4), '09:00', 'clerk', done, 'return', { channel: 'counter', signature: { name: mai.name, signedAt: s.at(day(4), '09:00') } });
  // its result is ready: the clerk returns it when the applicant comes
  const ready = await s.receive(day(4), '14:20', PARENTAGE, tri);
  await s.act(day(4), '15:00', 'clerk', ready, 'forward');
  // awaiting the leader's approval
  const waiting = await s.receive(day(3), '08:50', BUILDING, hong);
  await s.act(day(3), '10:00', 'clerk', waiting, 'forward');
  await s.act(day(2), '09:00', 'officer', ready, 'submitForApproval');
  // the officer asks, once, for what is missing
  const supplement = await s.receive(day(2), '10:10', BIRTH_AGAIN, thu);
  await s.act(day(2), '11:00', 'clerk', supplement, 'forward');
  // the commune police's driving-licence exchange, handed on yesterday
  const licence = await s.receive(day(1), '08:30', LICENCE, loc);
  await s.act(day(1), '09:00', 'officer', supplement, 'requestSupplement', {
    reason: 'Tờ khai chưa ghi nơi đăng ký khai sinh trước đây.', items: ['Tờ khai đăng ký lại khai sinh ghi đủ nơi đã đăng ký khai sinh trước đây'],
  });
  await s.act(day(1), '09:15', 'clerk', licence, 'forward');
  await s.act(day(1), '10:00', 'approver', ready, 'approve');
  await s.act(day(1), '14:00', 'officer', ready, 'markResultReady');
  await s.act(day(1), '15:00', 'officer', waiting, 'submitForApproval');
  // this morning: a pickup at home asked by phone, an online filing, a dossier still to hand on
  await s.requestPickup(day(0), '07:20', BIRTH, tri);
  await s.fileOnline(day(0), '07:30', MARITAL);
  await s.receive(day(0), '07:45', BIRTH, ngan);
  return { dossiers: 8, pickups: 1 };
}

type DemoUser = 'clerk' | 'officer' | 'approver' | 'citizen';

/** One demo step: the clock set to the step's time, the request as a demo user, any refusal an error. */
class DemoSteps {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly app: HttpApp, private readonly clock: FixedClock, private readonly now: Date) {}

  /** The ISO instant of a Vietnam day and hh:mm — never after the real now (today's steps stop there). */
  at(day: IsoDate, hhmm: string): string {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return new Date(Math.min(vnInstant(day, h * 60 + m), this.now.getTime() - 60_000)).toISOString();
  }

  async receive(day: IsoDate, hhmm: string, procedureCode: string, who: Applicant): Promise<string> {
    const procedure = await this.call<{ requiredPapers: { key: string; requirement: string }[]; placeTied: boolean }>(day, hhmm, null, 'GET', `/api/v1/procedures/${procedureCode}`);
    const { code } = await this.call<{ code: string }>(day, hhmm, 'clerk', 'POST', '/api/v1/dossiers', {
      procedureCode,
      applicant: { ...who, address: ADDRESS, unitCode: TAN_HONG },
      ...(procedure.placeTied ? { placeUnitCode: TAN_HONG } : {}),
      papers: procedure.requiredPapers.filter((p) => p.requirement === 'required').map((p) => ({ key: p.key, source: 'paper', originals: 1 })),
      formData: { fullName: who.name, personalId: who.personalId, address: ADDRESS },
    });
    return code;
  }

  async act(day: IsoDate, hhmm: string, user: DemoUser, code: string, action: string, input: Record<string, unknown> = {}): Promise<void> {
    await this.call(day, hhmm, user, 'POST', `/api/v1/dossiers/${code}/actions/${action}`, input);
  }

  /** The demo citizen files a confirmation of marital status online (full online, no fee). */
  async fileOnline(day: IsoDate, hhmm: string, procedureCode: string): Promise<void> {
    const draft = await this.call<{ id: number }>(day, hhmm, 'citizen', 'POST', '/api/v1/online/drafts', {
      procedureCode, applicant: { phone: '0912345678', unitCode: TAN_HONG }, delivery: { method: 'online' },
      formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', address: ADDRESS },
    });
    await this.call(day, hhmm, 'citizen', 'POST', `/api/v1/online/drafts/${draft.id}/submit`, {});
  }

  /** A pickup at home asked by phone, for today 09:00–11:00 (or the next two hours when later). */
  async requestPickup(day: IsoDate, hhmm: string, procedureCode: string, who: Applicant): Promise<void> {
    const from = Math.max(vnInstant(day, 9 * 60), this.now.getTime() + 3_600_000);
    await this.call(day, hhmm, 'clerk', 'POST', '/api/v1/postal/pickups', {
      procedureCode, origin: 'counter', applicant: { name: who.name, phone: who.phone }, address: 'Số 40, Ấp 2, Xã Tân Hồng',
      communeCode: TAN_HONG, windowFrom: new Date(from).toISOString(), windowTo: new Date(from + 2 * 3_600_000).toISOString(),
    });
  }

  private async call<T = unknown>(day: IsoDate, hhmm: string, user: DemoUser | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
    this.clock.set(new Date(this.at(day, hhmm)));
    const headers: Record<string, string> = user ? { authorization: `Bearer ${await this.tokenOf(user, day)}` } : {};
    const res = await this.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`dữ liệu mẫu: ${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }

  /** A session per user and day: the clock moves by days, and a session lasts hours. */
  private async tokenOf(user: DemoUser, day: IsoDate): Promise<string> {
    const key = `${user}@${day}`;
    const known = this.tokens.get(key);
    if (known) return known;
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`dữ liệu mẫu: đăng nhập ${user} → ${res.statusCode} ${res.body}`);
    const token = (res.json() as { token: string }).token;
    this.tokens.set(key, token);
    return token;
  }
}
