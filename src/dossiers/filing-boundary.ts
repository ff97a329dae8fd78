// Where a paper dossier may be filed (DOMAIN §9.2, §9.3.5): procedures on the province's
// "phi địa giới" list (ND 118/2025: "không phụ thuộc vào địa giới hành chính trong phạm vi cấp
// tỉnh", catalogue `filingAnywhere`) are accepted at any counter of the province; the others
// only where their rule says: a commune body's procedure at a counter of the commune it is
// decided for (the applicant's, or the place's for land, works and business locations), a
// province body's at the provincial public-service centre. Online filing (national portal) and
// postal filing (sent to the competent one-stop) are not bound to a counter. Pure.

export interface FilingRule {
  readonly procedureCode: string;
  readonly filingAnywhere: boolean;
  /** the competent body's level (catalogue competentBody.level, else competentLevel) */
  readonly level: 'commune' | 'district' | 'province' | 'central';
}

export interface FilingPoint {
  /** the administrative unit the counter is in */
  readonly unitId: number;
  /** the counter receives for the provincial public-service centre */
  readonly atProvincialCentre: boolean;
}

export interface DecidedFor {
  readonly unitId: number;
  readonly code: string;
  /** decided for the place (place-tied procedure), not the applicant's commune */
  readonly isPlace: boolean;
}

export interface FilingProblem {
  readonly code: 'FILING_OUTSIDE_BOUNDARY';
  readonly path: string;
  readonly message: string;
}

const NOT_ON_LIST = 'Thủ tục {code} không thuộc danh mục tiếp nhận không phụ thuộc vào địa giới hành chính (phi địa giới, NĐ 118/2025)';
const GUIDE = 'Hướng dẫn người nộp đến đúng nơi tiếp nhận, hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.';

/** null when the counter may receive the dossier; else what to tell the clerk. */
export function filingBoundaryProblem(rule: FilingRule, channel: 'counter' | 'postal' | 'online', point: FilingPoint, decided: DecidedFor): FilingProblem | null {
  if (channel !== 'counter' || rule.filingAnywhere) return null;
  const lead = NOT_ON_LIST.replace('{code}', rule.procedureCode);
  if (rule.level === 'commune' || rule.level === 'district') {
    if (point.unitId === decided.unitId) return null;
    const where = decided.isPlace ? 'nơi có đất, công trình, địa điểm kinh doanh' : 'nơi cư trú của người nộp hồ sơ';
    return {
      code: 'FILING_OUTSIDE_BOUNDARY', path: decided.isPlace ? 'placeUnitCode' : 'applicant.unitCode',
      message: `${lead}: chỉ tiếp nhận tại điểm tiếp nhận của xã, phường ${where} (mã ${decided.code}), không phải tại điểm này. ${GUIDE}`,
    };
  }
  if (point.atProvincialCentre) return null;
  return {
    code: 'FILING_OUTSIDE_BOUNDARY', path: 'procedureCode',
    message: `${lead}: chỉ tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh, không phải tại điểm này. ${GUIDE}`,
  };
}
