// How the applicant will receive the result, chosen at intake (ND 61/2018 art. 16, 20; form 01 item
// 6 "Đăng ký nhận kết quả tại: …"): at the counter, by post (public postal service, to an address
// that is then required) or online. Pure: the rules of the request, no I/O.
import type { ProcedureForIntake } from '../catalog/references';
import type { ErrorDetail } from '../platform/errors';

/** The intake channel (model.ts `Channel`; repeated here so that model.ts may re-export this file's types) */
type Channel = 'counter' | 'online' | 'postal';

export const deliveryMethods = ['counter', 'post', 'online'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export interface DeliveryInput {
  readonly method: DeliveryMethod;
  /** post: where the result is delivered (required then, and only then) */
  readonly address?: string;
}

/** As recorded on the dossier and in the intake event. */
export interface Delivery {
  readonly method: DeliveryMethod;
  readonly address: string | null;
}

export const DELIVERY_ADDRESS_MAX = 300;

/** Without a choice: online submissions get their result online, the others at the counter. */
export const defaultDelivery = (channel: Channel): Delivery => ({ method: channel === 'online' ? 'online' : 'counter', address: null });

/** The delivery as recorded, or the problems of the request (added to `problems`). */
export function chooseDelivery(
  input: DeliveryInput | undefined, channel: Channel, procedure: Pick<ProcedureForIntake, 'postalAllowed' | 'onlineLevel'>, problems: ErrorDetail[],
): Delivery {
  if (input === undefined) return defaultDelivery(channel);
  if (!(deliveryMethods as readonly string[]).includes(input.method)) {
    problems.push({ path: 'delivery.method', message: 'Hình thức nhận kết quả phải là: tại quầy, qua bưu chính hoặc trực tuyến.' });
    return defaultDelivery(channel);
  }
  const address = input.address?.normalize('NFC').trim() ?? '';
  if (input.method === 'post') {
    if (address.length < 5) problems.push({ path: 'delivery.address', message: 'Nhận kết quả qua bưu chính: cần nhập địa chỉ nhận (số nhà, đường, ấp/khu phố, xã/phường).' });
    else if (address.length > DELIVERY_ADDRESS_MAX) problems.push({ path: 'delivery.address', message: `Địa chỉ nhận kết quả dài quá ${DELIVERY_ADDRESS_MAX} ký tự.` });
    if (!procedure.postalAllowed) problems.push({ path: 'delivery.method', message: 'Thủ tục này không trả kết quả qua dịch vụ bưu chính công ích.' });
    return { method: 'post', address };
  }
  if (address !== '') problems.push({ path: 'delivery.address', message: 'Chỉ nhập địa chỉ khi nhận kết quả qua bưu chính.' });
  if (input.method === 'online' && procedure.onlineLevel === 'none') {
    problems.push({ path: 'delivery.method', message: 'Thủ tục này chưa trả kết quả trực tuyến; chọn nhận tại quầy hoặc qua bưu chính.' });
  }
  return { method: input.method, address: null };
}
