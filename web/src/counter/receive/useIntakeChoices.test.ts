import { describe, expect, it } from 'vitest';
import type { ChoicesT } from './choices-i18n';
import { choicesBody, choicesProblems, emptyChoices } from './useIntakeChoices';

const t = ((key: string) => key) as unknown as ChoicesT;
const open = { postalAllowed: true, onlineLevel: 'partial' as const };

describe('who files and how the result goes back, at the counter', () => {
  it('sends nothing for a person and the counter by default', () => {
    expect(choicesProblems(t, emptyChoices, '087090001234', open)).toEqual([]);
    expect(choicesBody(emptyChoices)).toEqual({ delivery: { method: 'counter' } });
  });

  it('checks an organisation\'s tax code with its check digit and sends the organisation', () => {
    const org = { ...emptyChoices, kind: 'organisation' as const, organisationName: 'Công ty TNHH Sen Hồng', taxCode: '0100047517', representative: 'Võ Thị Hoa' };
    expect(choicesProblems(t, org, '087090001234', open).map((p) => p.field)).toEqual(['taxCode']);
    const fixed = { ...org, taxCode: '0100047516' };
    expect(choicesProblems(t, fixed, '087090001234', open)).toEqual([]);
    expect(choicesBody(fixed)).toEqual({
      party: { kind: 'organisation', organisation: { name: 'Công ty TNHH Sen Hồng', taxCode: '0100047516', representative: 'Võ Thị Hoa' } },
      delivery: { method: 'counter' },
    });
  });

  it('asks a proxy for the person filed for and the authorisation, and post for its address', () => {
    const proxy = { ...emptyChoices, kind: 'proxy' as const, principalPersonalId: '087090001234', delivery: 'post' as const };
    expect(choicesProblems(t, proxy, '087090001234', open).map((p) => p.field)).toEqual(['principalName', 'principalPersonalId', 'authorisation', 'deliveryAddress']);
    const ok = { ...proxy, principalName: 'Nguyễn Thị Bé', principalPersonalId: '', authorisation: 'Giấy ủy quyền số 12/UQ', deliveryAddress: 'Số 12, ấp Mỹ Phú' };
    expect(choicesBody(ok)).toEqual({
      party: { kind: 'proxy', principal: { name: 'Nguyễn Thị Bé' }, authorisation: 'Giấy ủy quyền số 12/UQ' },
      delivery: { method: 'post', address: 'Số 12, ấp Mỹ Phú' },
    });
    expect(choicesProblems(t, ok, '087090001234', { postalAllowed: false, onlineLevel: 'none' }).map((p) => p.field)).toEqual(['delivery']);
  });
});
