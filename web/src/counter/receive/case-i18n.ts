// Texts of the case, place and terms block of "Tiếp nhận hồ sơ" (catalogue depth, issue 9).
import { defineBundle } from '../../i18n/bundle';

const vi = {
  caseLabel: 'Trường hợp',
  caseHint: 'Thủ tục có nhiều trường hợp với thời hạn khác nhau: chọn đúng trường hợp của hồ sơ.',
  caseGeneral: 'Thời hạn chung của thủ tục ({{duration}})',
  caseOption: '{{name}} — {{duration}}',
  placeLegend: 'Xã, phường nơi có đất, công trình, địa điểm kinh doanh',
  placeHint: 'Thủ tục gắn với địa điểm: hồ sơ do cơ quan của xã, phường nơi có địa điểm giải quyết (không theo nơi cư trú).',
  placeRequired: 'Vui lòng chọn xã, phường nơi có đất, công trình, địa điểm kinh doanh.',
  termsTitle: 'Thời hạn và phí tại quầy',
  termsDuration: 'Thời hạn giải quyết',
  termsCutoff: 'tiếp nhận sau {{cutoff}} tính từ ngày làm việc tiếp theo',
  termsFees: 'Phí, lệ phí (nộp tại quầy)',
  termsFeeFree: 'Không thu',
  termsFeeAmount: '{{amount}} đồng',
  termsBody: 'Cơ quan giải quyết',
  termsFilingAnywhere: 'Nơi tiếp nhận',
  filingAnywhereYes: 'Mọi điểm tiếp nhận trong tỉnh (phi địa giới)',
  filingAnywhereNo: 'Chỉ tại điểm tiếp nhận của xã, phường nơi cư trú (hoặc nơi có địa điểm): hồ sơ của xã, phường khác sẽ bị từ chối',
  filingAnywhereNoProvince: 'Chỉ tại Trung tâm Phục vụ hành chính công tỉnh',
  reviewCase: 'Trường hợp',
  reviewPlace: 'Nơi có địa điểm',
};

// English: exactly the same keys (checked by defineBundle)
const en = {
  caseLabel: 'Case',
  caseHint: 'This procedure has several cases with different time limits: choose the dossier\'s case.',
  caseGeneral: 'The procedure\'s general time limit ({{duration}})',
  caseOption: '{{name}} — {{duration}}',
  placeLegend: 'Commune or ward where the land, works or business is',
  placeHint: 'A procedure tied to a place: it is decided by the commune where the place is (not where the applicant lives).',
  placeRequired: 'Please choose the commune or ward where the land, works or business is.',
  termsTitle: 'Time limit and fees at the counter',
  termsDuration: 'Time limit',
  termsCutoff: 'received after {{cutoff}}: counted from the next working day',
  termsFees: 'Fees (paid at the counter)',
  termsFeeFree: 'None',
  termsFeeAmount: '{{amount}} VND',
  termsBody: 'Deciding body',
  termsFilingAnywhere: 'Where it can be filed',
  filingAnywhereYes: 'Any service point in the province',
  filingAnywhereNo: 'Only at a service point of the applicant\'s (or the place\'s) commune: other communes\' dossiers are refused',
  filingAnywhereNoProvince: 'Only at the provincial public administration service centre',
  reviewCase: 'Case',
  reviewPlace: 'Place in',
};

export const useCaseT = defineBundle('counterCase', vi, en);
export type CaseT = ReturnType<typeof useCaseT>;
