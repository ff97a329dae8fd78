// The answers of the bundles' routes as TypeBox schemas (the web reads their Static types).
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { statuses } from '../shared/dossier-labels';
import { bundleStatuses } from './aggregate';

const Instant = Type.String({ description: 'ISO 8601 (UTC)' });
const Status = literals(statuses);
const Agency = Type.Object({ identifier: Type.String(), name: Type.String() });

export const BundleReceivedSchema = Type.Object({
  code: Type.String({ description: 'Mã hồ sơ liên thông (số thứ tự của cơ quan tiếp nhận)' }),
  statutoryDueAt: Nullable(Instant),
  members: Type.Array(Type.Object({
    key: Type.String(), code: Type.String(), status: Status, syncCode: Type.Integer(),
    dueAt: Nullable(Instant), competentAgency: Type.String(),
  })),
  replayed: Type.Boolean({ description: 'hồ sơ liên thông đã lưu của một yêu cầu trước có cùng Idempotency-Key' }),
});

export const BundleViewSchema = Type.Object({
  code: Type.String(),
  definition: Type.Object({ code: Type.String(), name: Type.String(), effectiveFrom: Type.String(), legalBasis: Type.String(), lead: Type.String() }),
  applicantName: Type.String(),
  receivedAt: Instant,
  statutoryDueAt: Nullable(Instant),
  state: Type.Object({
    status: literals(bundleStatuses),
    dueAt: Nullable(Instant),
    latestKnownDueAt: Nullable(Instant),
    issues: Type.Array(Type.Object({
      member: Type.String(), kind: Type.Union([Type.Literal('supplement'), Type.Literal('ended')]), status: Status,
      items: Type.Array(Type.String()), blocks: Type.Array(Type.String()),
    })),
  }),
  members: Type.Array(Type.Object({
    key: Type.String(), name: Type.String(), waitsFor: Nullable(Type.String()), startedAt: Nullable(Instant),
    fed: Nullable(Type.Record(Type.String(), Type.Unknown())),
    dossier: Type.Object({
      code: Type.String(), status: Status, syncCode: Type.Integer(), procedureCode: Type.String(), competentAgency: Agency,
      receivedAt: Nullable(Instant), dueAt: Nullable(Instant), finishedAt: Nullable(Instant),
      supplementItems: Type.Array(Type.String()), resultNumber: Nullable(Type.String()), visible: Type.Boolean(),
    }),
  })),
});

const Json = Type.Record(Type.String(), Type.Unknown());
export const BundleDefinitionsSchema = Type.Object({
  items: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), effectiveFrom: Type.String(), effectiveTo: Nullable(Type.String()), legalBasis: Type.String(), lead: Type.String(),
    members: Type.Array(Type.Object({
      key: Type.String(), procedureCode: Type.String(), name: Type.String(), waitsFor: Nullable(Type.String()),
      feeds: Type.Array(Type.Object({ output: Type.String(), as: Type.String(), label: Type.String() })),
    })),
    sharedPapers: Type.Array(Type.Object({ name: Type.String(), members: Type.Array(Type.String()) })),
    duration: Nullable(Type.Object({ value: Type.Integer(), unit: Type.String(), source: Type.String(), confidence: Type.String() })),
    form: Type.Object({ schema: Json, askedBy: Type.Record(Type.String(), Type.Array(Type.String())) }),
  })),
});

export type BundleViewView = Static<typeof BundleViewSchema>;
export type BundleDefinitionsView = Static<typeof BundleDefinitionsSchema>;
export type BundleReceivedView = Static<typeof BundleReceivedSchema>;
