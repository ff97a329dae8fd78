// The control slip's rows (form 05/06): the lifecycle's hand-overs beside the hand-offs recorded
// elsewhere. A counter's dossier the post carried to its agency: the post's rows are that hand-over,
// and the lifecycle's forward is not shown a second time beside them (the bug this test pins).
import { describe, expect, it } from 'vitest';
import type { DossierEvent } from './events';
import type { HandoffStep } from './handoffs';
import { controlSlipRows } from './steps';

const vn = (s: string) => new Date(`${s}+07:00`);
const event = (seq: number, action: DossierEvent['action'], at: string, payload: Record<string, unknown> = {}): DossierEvent => ({
  dossierId: 1, dossierCode: 'X-260504-0001', seq, at: vn(at), action, actorId: 7, actorRole: 'clerk', payload, prevHash: '', hash: '', hashVersion: 1,
});
const leg = (kind: 'toAgency' | 'transfer', step: 'requested' | 'collected' | 'handedOver', at: string, from: string, to: string): HandoffStep => ({
  at: vn(at), from, to, action: `postal.${kind}.${step}`, trackingNumber: 'EB123456785VN', handedBy: null, receivedBy: null, note: null,
});
const names = { oneStop: 'Bưu điện xã Một', agency: 'UBND xã Một', applicant: 'Nguyễn Văn A' };
const received = event(1, 'received', '2026-05-04T15:30');

describe('controlSlipRows', () => {
  it('a dossier forwarded by post shows the post\'s hand-over once, not the lifecycle\'s forward beside it', () => {
    const rows = controlSlipRows([received, event(2, 'forward', '2026-05-05T09:20')], names, vn('2026-05-11T15:30').getTime(), [
      leg('toAgency', 'requested', '2026-05-04T16:00', 'Bưu điện xã Một', 'Bưu điện xã Một'),
      leg('toAgency', 'collected', '2026-05-05T07:50', 'Bưu điện xã Một', 'Bưu tá B'),
      leg('toAgency', 'handedOver', '2026-05-05T09:10', 'Bưu tá B', 'UBND xã Một'),
    ]);
    expect(rows.map((r) => r.action)).toEqual(['postal.toAgency.requested', 'postal.toAgency.collected', 'postal.toAgency.handedOver']);
    expect(rows.filter((r) => r.to === 'UBND xã Một').length).toBe(1);
  });

  it('a forward by hand and a later transfer between agencies are two hand-overs: both shown', () => {
    const rows = controlSlipRows([received, event(2, 'forward', '2026-05-05T08:00')], names, null, [
      leg('transfer', 'collected', '2026-05-06T10:00', 'UBND xã Một', 'Bưu tá B'),
      leg('transfer', 'handedOver', '2026-05-06T14:00', 'Bưu tá B', 'Công an xã Một'),
    ]);
    expect(rows.map((r) => r.action)).toEqual(['forward', 'postal.transfer.collected', 'postal.transfer.handedOver']);
  });

  it('a step with its own time is judged by it, not by the dossier\'s due time', () => {
    const rows = controlSlipRows([received], names, vn('2026-06-30T17:00').getTime(), [{
      at: vn('2026-05-05T09:00'), from: 'UBND xã Một', to: 'Công an xã Một', action: 'bundle.step', trackingNumber: null, handedBy: null, receivedBy: null, note: null,
      step: { mode: 'electronic', allotted: { value: 7, unit: 'working_days' }, dueAt: vn('2026-05-14T09:00'), doneAt: vn('2026-05-15T08:00'), result: 'late' },
    }]);
    expect(rows[0]).toMatchObject({ action: 'bundle.step', result: 'late', step: { mode: 'electronic', dueAt: vn('2026-05-14T09:00').toISOString(), doneAt: vn('2026-05-15T08:00').toISOString() } });
  });
});
