// The citizen sends online the supplement their online dossier was asked for (issue 15 §2, ND 61
// arts. 15.3, 19.4), on the real database with concrete dates: at intake the dossier goes back to
// the one-stop's inbox with no clock; in appraisal it goes back to the agency with the clock
// restarted from zero at the arrival (DOMAIN §1.6); a supplement is asked once and sent once.
import { describe, expect, it } from 'vitest';
import { paperFilesCheck } from '../documents/files-intake';
import { getDossier, performAction, receiveDossier } from '../dossiers/service';
import { useWorld } from '../dossiers/world.test-helper';
import { createSmsSimulator } from '../notifications/sms-simulator';
import { createDraft, inbox, submitDraft, type OnlineContext } from './service';
import { sendSupplement, supplementRequestOf } from './supplement';

const { w } = useWorld('2026-12-07T09:00:00+07:00');
const at = (iso: string) => w.clock.set(new Date(iso));

const citizen = (): OnlineContext => ({ ...w.ctx(w.actors.citizen), intakeChecks: [paperFilesCheck], payments: null, sms: createSmsSimulator({ db: w.db, clock: w.clock }) });

let nextFile = 0;
/** A file the given user uploaded (the documents capability's rows, as POST /api/v1/files writes them). */
async function uploadedBy(userId: number): Promise<number> {
  nextFile += 1;
  const sha = nextFile.toString(16).padStart(64, 'a');
  const file = await w.db.insertInto('files').values({ sha256: sha, media_type: 'application/pdf', size_bytes: 1000, page_count: 1, storage_key: `t/${sha}`, created_at: w.clock.now(), created_by: null })
    .returning('id').executeTakeFirstOrThrow();
  await w.db.insertInto('file_uploads').values({ file_id: file.id, user_id: userId, file_name: 'giay-to.pdf', uploaded_at: w.clock.now() }).execute();
  return file.id;
}

async function citizenAccount(): Promise<void> {
  const id = w.actors.citizen.userId;
  const exists = await w.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  if (exists) return;
  await w.db.insertInto('users').values({
    id, username: w.actors.citizen.username, full_name: 'Người dân', role: 'citizen', phone: null, email: null, personal_id: '087090001234',
    personal_id_verified_at: w.clock.now(), personal_id_verified_via: 'counter', password_hash: 'x',
    scope_unit_id: null, scope_agency_id: null, scope_service_point_id: null, scope_code: null, scope_path: null,
  }).execute();
}

async function submitOnline(): Promise<string> {
  await citizenAccount();
  const ctx = citizen();
  const p1 = await uploadedBy(w.actors.citizen.userId);
  const p2 = await uploadedBy(w.actors.citizen.userId);
  const draft = await createDraft(ctx, {
    procedureCode: w.procedureCode,
    applicant: { name: 'Nguyễn Văn An', phone: '0912345678', unitCode: w.commune.code },
    formData: { fullName: 'Nguyễn Văn An', personalId: '087090001234', gender: 'Nam' },
    papers: [{ key: 'p1', source: 'uploaded', fileId: p1 }, { key: 'p2', source: 'uploaded', fileId: p2 }],
    delivery: { method: 'online' },
  });
  return (await submitDraft(ctx, draft.id, {})).code;
}

const items = ['Bản sao giấy chứng sinh', 'Tờ khai có chữ ký'];

describe('the citizen sends the supplement online', () => {
  it('at intake: sees every item asked, sends a file for each, and the dossier is back in the one-stop\'s inbox with no clock', async () => {
    at('2026-12-07T09:00:00+07:00');
    const code = await submitOnline();
    at('2026-12-07T10:00:00+07:00');
    await performAction(w.ctx(w.actors.communeClerk), code, 'requestSupplement', { reason: 'Hồ sơ thiếu giấy tờ', items });
    const asked = await supplementRequestOf(citizen(), code);
    expect(asked).toMatchObject({ code, status: 'awaitingSupplement', canSend: true, sentAt: null,
      request: { items, reason: 'Hồ sơ thiếu giấy tờ', dueBy: null, requestedAt: '2026-12-07T03:00:00.000Z' } });

    at('2026-12-09T14:00:00+07:00');
    const [f1, f2] = [await uploadedBy(w.actors.citizen.userId), await uploadedBy(w.actors.citizen.userId)];
    // every item, or nothing is sent
    await expect(sendSupplement(citizen(), code, { papers: [{ item: items[0]!, fileId: f1 }] }))
      .rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID', details: [{ path: 'receivedPapers', message: 'Chưa nhận đủ giấy tờ đã yêu cầu bổ sung; còn thiếu: Tờ khai có chữ ký.' }] });
    // only the citizen's own uploads
    const clerkFile = await uploadedBy(await staffUser());
    await expect(sendSupplement(citizen(), code, { papers: [{ item: items[0]!, fileId: f1 }, { item: items[1]!, fileId: clerkFile }] }))
      .rejects.toMatchObject({ code: 'SUPPLEMENT_INVALID', details: [{ path: 'papers/1/fileId' }] });
    const sent = await sendSupplement(citizen(), code, { papers: [{ item: items[0]!, fileId: f1 }, { item: ` ${items[1]!} `, fileId: f2 }] });
    expect(sent).toMatchObject({ code, status: 'submitted', dueAt: null });

    const d = await getDossier(w.ctx(w.actors.communeClerk), code);
    expect(d.timeline.at(-1)).toMatchObject({ action: 'supplementReceived', actorRole: 'citizen', at: '2026-12-09T07:00:00.000Z',
      payload: { receivedPapers: items, sentOnline: true } });
    expect(d.papers.filter((p) => p.key.startsWith('supplement-'))).toEqual([
      { key: 'supplement-1', name: items[0], originals: 0, copies: 0, source: 'uploaded', digitized: true, fileId: f1 },
      { key: 'supplement-2', name: items[1], originals: 0, copies: 0, source: 'uploaded', digitized: true, fileId: f2 },
    ]);
    expect((await inbox(w.ctx(w.actors.communeClerk))).find((i) => i.code === code)).toMatchObject({ supplementUsed: true });
    const outbox = await w.db.selectFrom('outbox').select('kind').where(({ eb }) => eb(eb.ref('payload', '->>').key('code' as never), '=', code)).orderBy('id').execute();
    expect(outbox.map((o) => o.kind)).toEqual(['dossier.submitted', 'dossier.requestSupplement', 'dossier.supplementReceived']);

    // sent once; asked once
    await expect(sendSupplement(citizen(), code, { papers: [{ item: items[0]!, fileId: f1 }, { item: items[1]!, fileId: f2 }] }))
      .rejects.toMatchObject({ code: 'NOT_AWAITING_SUPPLEMENT' });
    expect(await supplementRequestOf(citizen(), code)).toMatchObject({ canSend: false, sentAt: '2026-12-09T07:00:00.000Z' });
    await expect(performAction(w.ctx(w.actors.communeClerk), code, 'requestSupplement', { reason: 'Lần hai', items: ['Sổ hộ khẩu'] }))
      .rejects.toMatchObject({ code: 'SUPPLEMENT_ALREADY_REQUESTED' });

    // the clock starts at the acceptance: Thu 10/12/2026 08:00 + 5 working days = Thu 17/12/2026 08:00
    at('2026-12-10T08:00:00+07:00');
    const accepted = await performAction(w.ctx(w.actors.communeClerk), code, 'receive');
    expect(accepted.dueAt).toBe(new Date('2026-12-17T08:00:00+07:00').toISOString());
  }, 90_000);

  it('in appraisal: back to the agency, the clock restarted from zero at the arrival', async () => {
    at('2026-12-07T09:00:00+07:00');
    const code = await submitOnline();
    at('2026-12-07T10:00:00+07:00');
    let r = await performAction(w.ctx(w.actors.communeClerk), code, 'receive');
    // received Mon 07/12 10:00: due Mon 14/12/2026 10:00 (5 working days)
    expect(r.dueAt).toBe(new Date('2026-12-14T10:00:00+07:00').toISOString());
    if (r.status === 'received') r = await performAction(w.ctx(w.actors.communeClerk), code, 'forward');
    expect(r.status).toBe('processing');
    at('2026-12-08T10:00:00+07:00');
    await performAction(w.ctx(w.actors.officer), code, 'requestSupplement', { reason: 'Thiếu chữ ký', items: [items[1]!] });
    // sent Fri 11/12 15:00: the new period of 5 working days skips the weekend → Fri 18/12/2026 15:00
    at('2026-12-11T15:00:00+07:00');
    const f = await uploadedBy(w.actors.citizen.userId);
    const sent = await sendSupplement(citizen(), code, { papers: [{ item: items[1]!, fileId: f }], note: 'Đã ký' });
    expect(sent).toMatchObject({ status: 'processing', dueAt: new Date('2026-12-18T15:00:00+07:00').toISOString() });
    const row = await w.db.selectFrom('dossiers').select(['supplement_requested_at', 'supplement_completed_at', 'received_at']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toEqual({
      supplement_requested_at: new Date('2026-12-08T10:00:00+07:00'), supplement_completed_at: new Date('2026-12-11T15:00:00+07:00'),
      received_at: new Date('2026-12-07T10:00:00+07:00'),
    });
    const citizenView = await getDossier(w.ctx(w.actors.citizen), code);
    expect(citizenView.timeline.at(-1)).toMatchObject({ action: 'supplementReceived', payload: { newDueAt: new Date('2026-12-18T15:00:00+07:00').toISOString() } });
  }, 90_000);

  it('refuses a dossier filed at the counter, someone else\'s dossier and staff', async () => {
    at('2026-12-07T09:00:00+07:00');
    await citizenAccount();
    const counter = await receiveDossier(w.ctx(w.actors.communeClerk), w.intake());
    const f = await uploadedBy(w.actors.citizen.userId);
    await expect(sendSupplement(citizen(), counter.code, { papers: [{ item: 'x', fileId: f }] })).rejects.toMatchObject({ code: 'SUPPLEMENT_NOT_ONLINE' });
    const other = await receiveDossier(w.ctx(w.actors.communeClerk), w.intake({ personalId: '087090005678' }));
    await expect(supplementRequestOf(citizen(), other.code)).rejects.toMatchObject({ kind: 'NotFound' });
    await expect(supplementRequestOf(w.ctx(w.actors.communeClerk), counter.code)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  }, 90_000);
});

let staffId: number | null = null;
async function staffUser(): Promise<number> {
  if (staffId !== null) return staffId;
  const row = await w.db.selectFrom('users').select('id').where('role', '=', 'officer').limit(1).executeTakeFirstOrThrow();
  staffId = row.id;
  return row.id;
}
