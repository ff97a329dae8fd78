// The answers of the bundles' routes as TypeBox schemas (the web reads their Static types).
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { statuses } from '../shared/dossier-labels';
import { bundleStatuses } from './aggregate';
import { guardedActions, refusalCodes } from './member-actions';
import { returnPlaces, returnTimings } from './return-choice';

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

export const ReturnChoiceSchema = Type.Object({
  timing: literals(returnTimings), place: literals(returnPlaces),
  address: Nullable(Type.String({ description: 'Địa chỉ nhận kết quả qua bưu chính' })),
}, { description: 'Cách trả kết quả: together — trả cùng một lần khi mọi hồ sơ có kết quả; asReady — có kết quả nào trả kết quả đó; tại quầy (counter) hoặc qua bưu chính (post)' });

const Returnable = Type.Object({
  now: Type.Array(Type.String(), { description: 'Mã các hồ sơ thành phần trả được ngay' }),
  awaited: Type.Array(Type.String(), { description: 'Trả cùng lúc: mã các hồ sơ còn chờ kết quả' }),
});

const MemberDossier = Type.Object({
  code: Type.String(), status: Status, syncCode: Type.Integer(), procedureCode: Type.String(), competentAgency: Agency,
  receivedAt: Nullable(Instant), dueAt: Nullable(Instant), finishedAt: Nullable(Instant),
  supplementItems: Type.Array(Type.String()), resultNumber: Nullable(Type.String()), visible: Type.Boolean(),
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
  returnChoice: ReturnChoiceSchema,
  returnable: Returnable,
  returnChoiceOpen: Type.Boolean({ description: 'còn kết quả để trả (chưa trả, chưa rút hay kết thúc hết): còn đổi được cách trả kết quả' }),
  backFromPost: Type.Boolean({ description: 'chọn nhận qua bưu chính, bưu tá phát không thành công và đã trả lại cơ quan: trả tại quầy' }),
  members: Type.Array(Type.Object({
    key: Type.String(), name: Type.String(), waitsFor: Nullable(Type.String()), startedAt: Nullable(Instant),
    fed: Nullable(Type.Record(Type.String(), Type.Unknown())),
    dossier: MemberDossier,
    waitedOnBy: Type.Array(Type.String(), { description: 'mã các hồ sơ thành phần chưa bắt đầu, đang chờ kết quả của hồ sơ này' }),
    refusals: Type.Array(Type.Object({
      action: literals(guardedActions), code: literals(refusalCodes), message: Type.String(),
    }), { description: 'thao tác không được làm riêng với hồ sơ thành phần này lúc này, và lý do (máy chủ từ chối 409 với cùng mã)' }),
  })),
});

export const BundlesToReturnSchema = Type.Object({
  items: Type.Array(Type.Object({
    code: Type.String(), definitionName: Type.String(), applicantName: Type.String(), receivedAt: Instant,
    returnChoice: ReturnChoiceSchema, returnable: Returnable,
    backFromPost: Type.Boolean({ description: 'chọn nhận qua bưu chính, bưu tá phát không thành công và đã trả lại cơ quan: trả tại quầy' }),
    members: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), dossier: MemberDossier })),
  })),
  heldCodes: Type.Array(Type.String(), { description: 'Hồ sơ thành phần đã có kết quả nhưng trả cùng cả hồ sơ liên thông (không trả riêng)' }),
});

export const BundleReturnedSchema = Type.Object({
  code: Type.String(),
  returned: Type.Array(Type.Object({ code: Type.String(), status: Status, syncCode: Type.Integer(), version: Type.Integer() })),
});

export const BundleWithdrawnSchema = Type.Object({
  code: Type.String(),
  withdrawn: Type.Array(Type.Object({ code: Type.String(), status: Status, syncCode: Type.Integer(), version: Type.Integer() })),
});

const Json = Type.Record(Type.String(), Type.Unknown());
export const BundleDefinitionsSchema = Type.Object({
  items: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), effectiveFrom: Type.String(), effectiveTo: Nullable(Type.String()), legalBasis: Type.String(), lead: Type.String(),
    members: Type.Array(Type.Object({
      key: Type.String(), procedureCode: Type.String(), name: Type.String(), waitsFor: Nullable(Type.String()),
      feeds: Type.Array(Type.Object({ output: Type.String(), as: Type.String(), label: Type.String() })),
    })),
    sharedPapers: Type.Array(Type.Object({ name: Type.String(), members: Type.Array(Type.String()), papers: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'giấy tờ thành phần mà giấy tờ dùng chung thay cho: mã thủ tục thành phần → khóa giấy tờ trong danh mục; rỗng: chỉ xuất trình' }) })),
    duration: Nullable(Type.Object({ value: Type.Integer(), unit: Type.String(), source: Type.String(), confidence: Type.String() })),
    form: Type.Object({ schema: Json, askedBy: Type.Record(Type.String(), Type.Array(Type.String())) }),
  })),
});

export type BundleViewView = Static<typeof BundleViewSchema>;
export type BundleDefinitionsView = Static<typeof BundleDefinitionsSchema>;
export type BundleReceivedView = Static<typeof BundleReceivedSchema>;
export type BundlesToReturnView = Static<typeof BundlesToReturnSchema>;
export type ReturnChoiceView = Static<typeof ReturnChoiceSchema>;
export type BundleWithdrawnView = Static<typeof BundleWithdrawnSchema>;
