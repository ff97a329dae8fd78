// The bundle definitions, versioned by effective date (issue 17 §1). Data, checked by
// definitions.test.ts (definitionProblems). Sources: README.md "Sources".
import type { BundleDefinition, BundleMember, SharedPaper } from './model';

/** ND 63/2024/NĐ-CP: a complete bundle is settled within 3 working days (5 where verification is needed) [S]. */
const ND63_LIMIT = {
  value: 3, unit: 'working_days', confidence: 'S',
  source: 'NĐ 63/2024/NĐ-CP, QĐ 296/QĐ-VPCP (cand.com.vn 15/06/2024: "không quá 3 ngày làm việc"; 5 ngày nếu phải xác minh)',
} as const;

const member = (key: string, procedureCode: string, name: string, waitsFor: string | null, feeds: BundleMember['feeds'] = []): BundleMember =>
  ({ key, procedureCode, name, waitsFor, feeds });
/** A shared paper: its name, the members that use it and, by member, the catalogue keys of the papers it is. */
const shared = (name: string, members: readonly string[], papers: SharedPaper['papers'] = {}): SharedPaper => ({ name, members, papers });

/** Both groups of ND 63/2024 (published by QĐ 296/QĐ-VPCP), in force from 01/07/2024 [S]. */
const nd63 = (d: Pick<BundleDefinition, 'code' | 'name' | 'lead' | 'members' | 'sharedPapers' | 'duration'>): BundleDefinition =>
  ({ ...d, effectiveFrom: '2024-07-01', effectiveTo: null, legalBasis: 'NĐ 63/2024/NĐ-CP ngày 10/06/2024; QĐ 296/QĐ-VPCP' });

// ND 301/2026 (effective 01/09/2026) adds the ID card for children under 6 (national code 3.000722) [S]:
// not modelled — its member procedure is not catalogued.
export const bundleDefinitions: readonly BundleDefinition[] = [
  nd63({
    code: '2.002621', name: 'Liên thông: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', lead: 'birth',
    members: [
      member('birth', '1.001193', 'Đăng ký khai sinh', null, [{ output: 'resultNumber', as: 'birthRegistrationNumber', label: 'Số đăng ký khai sinh' }]),
      member('residence', '1.004222', 'Đăng ký thường trú', 'birth'),
      member('healthInsurance', '2.002621.BHYT', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', null),
    ],
    sharedPapers: [
      // 1.001193 p4 "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì …"; the card's catalogue entry lists only its form
      shared('Giấy chứng sinh (hoặc văn bản thay thế)', ['birth', 'healthInsurance'], { birth: ['p4'] }),
      shared('Giấy tờ tùy thân của người đi đăng ký (xuất trình)', ['birth', 'residence', 'healthInsurance']),
    ],
    duration: ND63_LIMIT,
  }),
  nd63({
    code: '2.002622', name: 'Liên thông: đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất', lead: 'death',
    members: [
      member('death', '1.000656', 'Đăng ký khai tử', null, [{ output: 'resultNumber', as: 'deathRegistrationNumber', label: 'Số đăng ký khai tử' }]),
      member('residenceRemoval', '2.002622.XTT', 'Xóa đăng ký thường trú', 'death'),
      member('funeralAllowance', '2.002622.MTP', 'Giải quyết mai táng phí, tử tuất', 'death'),
    ],
    sharedPapers: [
      // 1.000656 p1 "Giấy báo tử hoặc giấy tờ thay Giấy báo tử …"
      shared('Giấy báo tử (hoặc giấy tờ thay thế)', ['death', 'funeralAllowance'], { death: ['p1'] }),
      shared('Giấy tờ tùy thân của người đi đăng ký (xuất trình)', ['death', 'residenceRemoval', 'funeralAllowance']),
    ],
    // the sources give 6–18 working days by case [S], not one limit
    duration: null,
  }),
];
