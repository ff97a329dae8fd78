import { describe, expect, it } from 'vitest';
import { competentBodyFromText, competentBodyProblems, isPlaceTiedField } from './competent-body';
import { seedProcedureRows } from './seed';

describe('competent body from the published agency text', () => {
  it.each([
    ['Công an cấp Xã', { kind: 'commune_police', level: 'commune', functionCode: null }],
    ['Công an tỉnh Đồng Tháp', { kind: 'provincial_police', level: 'province', functionCode: null }],
    ['Ủy ban nhân dân cấp xã', { kind: 'people_committee', level: 'commune', functionCode: null }],
    ['Ủy ban Nhân dân xã, phường, thị trấn.', { kind: 'people_committee', level: 'commune', functionCode: null }],
    ['Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp', { kind: 'provincial_department', level: 'province', functionCode: 'nong-nghiep-moi-truong' }],
    ['Sở Tư pháp', { kind: 'provincial_department', level: 'province', functionCode: 'tu-phap' }],
    ['Bảo hiểm xã hội tỉnh', { kind: 'social_insurance', level: 'province', functionCode: 'bhxh' }],
    ['Cơ quan đại diện có thẩm quyền, Tổ chức hành nghề công chứng, Ủy ban nhân dân cấp xã', { kind: 'people_committee', level: 'commune', functionCode: null }],
  ])('%s', (text, body) => {
    expect(competentBodyFromText(text)).toEqual(body);
  });

  it('gives null — never a default — for a text it cannot read or no text', () => {
    expect(competentBodyFromText('Cơ quan có thẩm quyền')).toBeNull();
    expect(competentBodyFromText(null)).toBeNull();
  });

  it('the 31 demo procedures: police procedures to the commune police, 3.000333 unresolved', () => {
    const rows = new Map(seedProcedureRows().map((r) => [r.code, r]));
    for (const code of ['3.000347', '1.004222', '1.004194', '1.002755', '1.010038', '1.003677', '1.010041']) {
      expect(rows.get(code)?.competentBody).toEqual({ kind: 'commune_police', level: 'commune', functionCode: null });
    }
    expect(rows.get('1.115778')?.competentBody).toMatchObject({ kind: 'provincial_department', functionCode: 'nong-nghiep-moi-truong' });
    expect(rows.get('3.000333')?.competentBody).toBeNull();
    expect(rows.get('3.000333')?.defaultsApplied.find((d) => d.field === 'competentBody')?.reason).toMatch(/chưa định tuyến/);
    expect(rows.get('2.000635')?.competentBody).toMatchObject({ kind: 'people_committee', level: 'commune' });
    expect([...rows.values()].filter((r) => r.placeTied).map((r) => r.code).sort()).toEqual([
      '1.001612', '1.013225', '1.013229', '1.115760', '1.115772', '1.115776', '1.115778', '1.115782', '1.115783', '1.115784',
    ]);
  });
});

describe('competent body in an import row', () => {
  it('names what is wrong', () => {
    expect(competentBodyProblems({ kind: 'court', level: 'commune' })[0]).toMatch(/"kind" phải là một trong/);
    expect(competentBodyProblems({ kind: 'provincial_department', level: 'province' })).toEqual(['"functionCode" bắt buộc với provincial_department (vd. "tu-phap")']);
    expect(competentBodyProblems({ kind: 'commune_police', level: 'commune', functionCode: null })).toEqual([]);
    expect(competentBodyProblems(null)).toEqual([]);
  });

  it('place-tied fields', () => {
    expect(isPlaceTiedField('Đất đai')).toBe(true);
    expect(isPlaceTiedField('Hoạt động xây dựng')).toBe(true);
    expect(isPlaceTiedField('Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)')).toBe(true);
    expect(isPlaceTiedField('Hộ tịch')).toBe(false);
  });
});
