// TypeBox shapes of the catalogue's answers and of the administrator's edit, shared by the public
// and the admin routes (the web client's types follow them).
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { literals } from '../platform/http/schemas';
import { bodyKinds, bodyLevels } from './competent-body';
import { feeBases, feeChannels } from './fees';
import { competentLevels, durationUnits, onlineLevels, paperRequirements, resultTypes, stepRoles } from './model';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const CivilDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const HHMM = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM' });
const Vnd = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'đồng' });

export const Summary = {
  code: Type.String(), fullCode: Nullable(Type.String()), version: Type.Integer(), name: Type.String(), field: Type.String(),
  competentLevel: literals(competentLevels), competentAgency: Type.String(), durationValue: Type.Number(),
  durationUnit: literals(durationUnits), onlineLevel: literals(onlineLevels), postalAllowed: Type.Boolean(),
  effectiveFrom: Type.String(), effectiveTo: Nullable(Type.String()),
};

const CompetentBody = Type.Object({ kind: literals(bodyKinds), level: literals(bodyLevels), functionCode: Nullable(Type.String({ maxLength: 60 })) }, { additionalProperties: false });
const Case = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 60 }), name: Type.String({ minLength: 1, maxLength: 500 }),
  durationValue: Type.Number({ minimum: 0, maximum: 365 }), durationUnit: literals(durationUnits), cutoff: Nullable(HHMM),
}, { additionalProperties: false });
const Paper = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 60 }), name: Type.String({ minLength: 1, maxLength: 2000 }),
  originals: Type.Integer({ minimum: 0, maximum: 99 }), copies: Type.Integer({ minimum: 0, maximum: 99 }),
  note: Nullable(Type.String({ maxLength: 1000 })), requirement: Type.Optional(literals(paperRequirements)),
}, { additionalProperties: false });
const Fee = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 500 }), amountVnd: Nullable(Vnd), note: Nullable(Type.String({ maxLength: 1000 })),
  channels: Type.Optional(Nullable(Type.Array(literals(feeChannels), { maxItems: 3 }))), caseKey: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  basis: Type.Optional(literals(feeBases)),
  tiers: Type.Optional(Type.Array(Type.Object({ fromPage: Type.Integer({ minimum: 1, maximum: 10_000 }), amountVnd: Vnd }, { additionalProperties: false }), { maxItems: 10 })),
  maxPerCopyVnd: Type.Optional(Nullable(Vnd)),
}, { additionalProperties: false });

export const Procedure = Type.Object({
  ...Summary,
  cutoff: Nullable(Type.String()),
  requiredPapers: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), originals: Type.Integer(), copies: Type.Integer(), note: Nullable(Type.String()), requirement: literals(paperRequirements) })),
  competentBody: Nullable(Type.Object({ kind: literals(bodyKinds), level: literals(bodyLevels), functionCode: Nullable(Type.String()) })),
  placeTied: Type.Boolean({ description: 'gắn với địa điểm (đất, công trình, địa điểm kinh doanh): hỏi xã nơi có địa điểm khi tiếp nhận' }),
  filingAnywhere: Type.Boolean({ description: 'nộp tại bất kỳ điểm tiếp nhận nào trong tỉnh (phi địa giới)' }),
  cases: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), durationValue: Type.Number(), durationUnit: literals(durationUnits), cutoff: Nullable(Type.String()) })),
  fees: Type.Array(Type.Object({
    name: Type.String(), amountVnd: Nullable(Type.Integer()), note: Nullable(Type.String()),
    channels: Type.Optional(Nullable(Type.Array(literals(feeChannels)))), caseKey: Type.Optional(Nullable(Type.String())),
    basis: Type.Optional(literals(feeBases)),
    tiers: Type.Optional(Type.Array(Type.Object({ fromPage: Type.Integer(), amountVnd: Type.Integer() }))),
    maxPerCopyVnd: Type.Optional(Nullable(Type.Integer())),
  })),
  resultType: literals(resultTypes),
  resultDescription: Nullable(Type.String()),
  eformSchema: Type.Record(Type.String(), Type.Unknown()),
  steps: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), role: literals(stepRoles), share: Type.Number() })),
  defaultsApplied: Type.Array(Type.Object({ field: Type.String(), default: Type.Unknown(), reason: Type.String() })),
  source: Nullable(Type.String()),
});

/** The administrator's edit: the whole editable content of the next version, its first day and why. */
export const ProcedureEditBody = Type.Object({
  effectiveFrom: CivilDate,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  name: Type.String({ minLength: 1, maxLength: 500 }),
  field: Type.String({ minLength: 1, maxLength: 200 }),
  competentLevel: literals(competentLevels),
  competentAgency: Type.String({ minLength: 1, maxLength: 500 }),
  competentBody: Nullable(CompetentBody),
  placeTied: Type.Boolean(),
  filingAnywhere: Type.Boolean(),
  cases: Type.Array(Case, { maxItems: 30 }),
  durationValue: Type.Number({ minimum: 0, maximum: 365 }),
  durationUnit: literals(durationUnits),
  cutoff: Nullable(HHMM),
  requiredPapers: Type.Array(Paper, { maxItems: 60 }),
  fees: Type.Array(Fee, { maxItems: 60 }),
  onlineLevel: literals(onlineLevels),
  postalAllowed: Type.Boolean(),
  resultType: literals(resultTypes),
  resultDescription: Nullable(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });

export const FieldChange = Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() });
