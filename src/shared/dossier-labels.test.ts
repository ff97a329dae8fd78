import { describe, expect, it } from 'vitest';
import { actionLabels, actions, canBeRated, isAction, isStatus, prefixedLabels, statusLabels, statuses } from './dossier-labels';
import { transitions } from '../dossiers/lifecycle';

describe('the dossier labels (one source for server and web)', () => {
  it('labels every status and action in Vietnamese and English, the two never the same text', () => {
    for (const s of statuses) {
      expect(statusLabels.vi[s].length, s).toBeGreaterThan(0);
      expect(statusLabels.en[s].length, s).toBeGreaterThan(0);
    }
    for (const a of [...actions, 'submitted', 'received'] as const) {
      expect(actionLabels.vi[a].length, a).toBeGreaterThan(0);
      expect(actionLabels.en[a], a).not.toBe(actionLabels.vi[a]);
    }
    expect(statusLabels.vi.awaitingApproval).toBe('Chờ lãnh đạo phê duyệt');
    expect(actionLabels.vi.apologize).toBe('Xin lỗi và hẹn lại ngày trả kết quả');
  });

  it('the rating statuses are the lifecycle\'s rate transition', () => {
    expect([...transitions.rate.from]).toEqual(['resultReady', 'returned', 'rejected']);
    expect(canBeRated('returned')).toBe(true);
    expect(canBeRated('withdrawn')).toBe(false);
    expect(canBeRated('refused')).toBe(false);
  });

  it('tells statuses and actions from other strings', () => {
    expect(isStatus('awaitingPayment')).toBe(true);
    expect(isStatus('receive')).toBe(false);
    expect(isAction('receive')).toBe(true);
    expect(isAction('received')).toBe(false);
  });

  it('prefixes a table as message keys for the web bundles', () => {
    expect(prefixedLabels('status_', { processing: 'Đang xử lý' })).toEqual({ status_processing: 'Đang xử lý' });
  });
});
