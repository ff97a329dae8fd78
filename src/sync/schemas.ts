// The answers of the sync routes as TypeBox schemas; their `Static` types are what the web reads.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable } from '../platform/http/schemas';

export const SyncCountsView = Type.Object({
  pending: Type.Integer({ description: 'thay đổi chưa được Cổng DVCQG nhận' }),
  failing: Type.Integer({ description: 'trong số đó: lần gửi gần nhất bị lỗi, sẽ tự gửi lại' }),
  gaveUp: Type.Integer({ description: 'đã ngừng tự gửi lại: cần quản trị viên gửi lại' }),
  sentInPeriod: Type.Integer({ description: 'đã được Cổng DVCQG nhận trong kỳ' }),
  oldestPendingAt: Nullable(Type.String({ description: 'thời điểm của thay đổi cũ nhất chưa gửi được (ISO)' })),
  mayRetry: Type.Boolean({ description: 'người xem được gửi lại bản ghi lỗi' }),
});
export type SyncCountsView = Static<typeof SyncCountsView>;

export const SyncFailureView = Type.Object({
  id: Type.Integer(),
  dossierCode: Type.String(),
  seq: Type.Integer({ description: 'số thứ tự sự kiện của hồ sơ' }),
  action: Type.String(),
  syncCode: Type.Integer({ minimum: 1, maximum: 10, description: 'trạng thái hồ sơ theo Cổng DVCQG (1–10)' }),
  eventAt: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.String(),
  lastErrorAt: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String()),
  gaveUp: Type.Boolean(),
});
export type SyncFailureView = Static<typeof SyncFailureView>;

export const SyncFailuresPage = Type.Object({ items: Type.Array(SyncFailureView), next: Nullable(Type.Integer()) });
export type SyncFailuresPage = Static<typeof SyncFailuresPage>;

export const SyncRetryView = Type.Object({ id: Type.Integer(), dossierCode: Type.String(), seq: Type.Integer() });

export const SyncStatsView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  received: Type.Integer({ description: 'hồ sơ tiếp nhận trong kỳ' }),
  synced: Type.Integer({ description: 'trong số đó: đã đồng bộ lên Cổng DVCQG' }),
  rate: Nullable(Type.Number({ description: 'tỷ lệ đồng bộ 0–1 (chỉ số 1.4)' })),
});
export type SyncStatsView = Static<typeof SyncStatsView>;

export const SyncBackfillView = Type.Object({
  from: Type.String(), to: Type.String(),
  dossiers: Type.Integer({ description: 'hồ sơ có thay đổi trong kỳ' }),
  queued: Type.Integer({ description: 'đã xếp gửi thay đổi mới nhất (chưa từng có bản ghi đồng bộ)' }),
  retried: Type.Integer({ description: 'bản ghi đã ngừng gửi được gửi lại' }),
  pending: Type.Integer({ description: 'đang chờ gửi sẵn' }),
  acknowledged: Type.Integer({ description: 'Cổng đã nhận thay đổi mới nhất' }),
});
export type SyncBackfillView = Static<typeof SyncBackfillView>;
