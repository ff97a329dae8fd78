// Dossiers in every state a slip is printed from, on the dossier tests' small province, with the
// acting users present (their names go on the slips) and a provincial UBND (the header).
import { performAction } from '../dossiers/service';
import { receiveDossier } from '../dossiers/service';
import { buildWorld, type World } from '../dossiers/world.test-helper';
import type { Database } from '../platform/db/connect';
import { saveActorAsUser } from '../../test/factories';

export interface Scenario {
  readonly w: World;
  /** received at the counter, nothing else */
  readonly received: string;
  /** forwarded, then the officer asked for a supplement */
  readonly supplement: string;
  /** forwarded, then rejected after appraisal by the approver */
  readonly rejected: string;
  /** online, refused at intake by the commune clerk */
  readonly refused: string;
  /** forwarded, then the approver apologised with a new date */
  readonly apologized: string;
  /** stopped by the clerk */
  readonly stopped: string;
  /** forwarded, result ready, returned at the counter */
  readonly returned: string;
}

export const NAMES = { clerk: 'Trần Thị Thu Hà', officer: 'Nguyễn Minh Khoa', approver: 'Phạm Quốc Bảo', communeClerk: 'Lê Thị Hồng' } as const;

export async function buildScenario(db: Database): Promise<Scenario> {
  const w = await buildWorld(db);
  // officers and approvers are accounts of the world already: only their names change
  for (const who of ['officer', 'approver'] as const) {
    await db.updateTable('users').set({ full_name: NAMES[who] }).where('id', '=', w.actors[who].userId).execute();
  }
  for (const who of ['clerk', 'communeClerk'] as const) await saveActorAsUser(db, w.actors[who], NAMES[who]);
  await db.insertInto('agencies').values({
    identifier: `000.00.00.T${w.province.code}`, name: 'Ủy ban nhân dân tỉnh Đồng Tháp', kind: 'people_committee', level: 'province',
    admin_unit_id: w.province.id, parent_agency_id: null, province_code: w.province.code, valid_from: '2025-07-01', valid_to: null,
  }).execute();

  const at = (iso: string) => w.clock.set(new Date(iso));
  const act = (who: keyof World['actors'], code: string, action: Parameters<typeof performAction>[2], input: Parameters<typeof performAction>[3] = {}) =>
    performAction(w.ctx(w.actors[who]), code, action, input);
  const receive = async () => {
    at('2026-03-02T09:00:00+07:00');
    return (await receiveDossier(w.ctx(w.actors.clerk), { ...w.intake(), applicant: { ...w.intake().applicant, address: 'Số 5, ấp Một, xã Một' } })).code;
  };

  const received = await receive();

  const supplement = await receive();
  await act('clerk', supplement, 'forward');
  at('2026-03-03T10:00:00+07:00');
  await act('officer', supplement, 'requestSupplement', { reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh (bản chính, rõ nét)', 'Tờ khai có chữ ký'] });

  const rejected = await receive();
  await act('clerk', rejected, 'forward');
  at('2026-03-04T15:00:00+07:00');
  await act('approver', rejected, 'reject', { reason: 'Không đủ điều kiện đăng ký' });

  at('2026-03-02T09:00:00+07:00');
  const online = await receiveDossier(w.ctx(w.actors.citizen), w.intake());
  await act('communeClerk', online.code, 'refuse', { reason: 'Không thuộc thẩm quyền' });

  const apologized = await receive();
  await act('clerk', apologized, 'forward');
  at('2026-03-05T09:00:00+07:00');
  await act('approver', apologized, 'apologize', { reason: 'Cần xác minh thêm', newDueAt: '2026-03-13T16:00:00+07:00' });

  const stopped = await receive();
  at('2026-03-03T09:00:00+07:00');
  await act('clerk', stopped, 'stop', { reason: 'Người nộp đề nghị dừng' });

  const returned = await receive();
  await act('clerk', returned, 'forward');
  at('2026-03-04T09:00:00+07:00');
  await act('approver', returned, 'approve');
  at('2026-03-04T10:00:00+07:00');
  await act('officer', returned, 'markResultReady');
  at('2026-03-05T10:00:00+07:00');
  await act('clerk', returned, 'return', { channel: 'counter', signature: { name: 'Nguyễn Văn An', signedAt: '2026-03-05T10:00:00+07:00' } });

  at('2026-03-10T08:00:00+07:00');
  return { w, received, supplement, rejected, refused: online.code, apologized, stopped, returned };
}
