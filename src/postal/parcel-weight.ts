// The weighed parcel (issue 13 §2; DOMAIN §5.2 step 13): the weight the courier enters at the door
// (a pickup's draft, checked again at the seal) and when collecting a transfer between agencies.
// One rule and one set of messages for both. Pure.
import { validationFailed } from '../platform/errors';

/** The heaviest parcel the tariff prices (src/postal/tariffs.json: up to 30 kg). */
export const MAX_WEIGHT_GRAMS = 30_000;

export const WEIGHT_MISSING_MESSAGE = 'Chưa cân bưu gửi: nhập khối lượng (gam).';
export const WEIGHT_OUT_OF_RANGE_MESSAGE = 'Khối lượng bưu gửi phải là số gam nguyên, từ 1 đến 30.000 gam.';

/** Whether a weight is one the tariff prices: whole grams, 1 to 30 000. */
export const isParcelWeight = (grams: number): boolean => Number.isInteger(grams) && grams >= 1 && grams <= MAX_WEIGHT_GRAMS;

/** A weight when one is given: 400 `WEIGHT_OUT_OF_RANGE` outside whole grams 1–30 000 (none given passes: a draft is saved as the courier goes). */
export function checkWeight(grams: number | undefined): void {
  if (grams === undefined || isParcelWeight(grams)) return;
  throw validationFailed('WEIGHT_OUT_OF_RANGE', WEIGHT_OUT_OF_RANGE_MESSAGE, [{ path: 'weightGrams', message: WEIGHT_OUT_OF_RANGE_MESSAGE }]);
}

/** A weight that must be there (a transfer's collection): 400 `WEIGHT_MISSING` without one, else as `checkWeight`. */
export function requireWeight(grams: number | undefined): number {
  if (grams === undefined) throw validationFailed('WEIGHT_MISSING', WEIGHT_MISSING_MESSAGE, [{ path: 'weightGrams', message: WEIGHT_MISSING_MESSAGE }]);
  checkWeight(grams);
  return grams;
}
