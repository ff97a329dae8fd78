import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../platform/errors';
import { checkParty, partyLines, type PartyInput } from './party';

const FILER = '087090001234';
const run = (input: PartyInput | undefined) => {
  const problems: ErrorDetail[] = [];
  return { party: checkParty(input, FILER, problems), problems };
};

describe('who is who at intake', () => {
  it('records a person for themself by default', () => {
    expect(run(undefined)).toEqual({ party: { kind: 'person' }, problems: [] });
    expect(run({ kind: 'person' })).toEqual({ party: { kind: 'person' }, problems: [] });
  });

  it('records an organisation with its tax code and representative, spaces tidied', () => {
    expect(run({ kind: 'organisation', organisation: { name: ' Công ty TNHH  Sen Hồng ', taxCode: '0100047516', representative: 'Võ Thị Hoa' } })).toEqual({
      party: { kind: 'organisation', name: 'Công ty TNHH Sen Hồng', taxCode: '0100047516', representative: 'Võ Thị Hoa' }, problems: [],
    });
  });

  it('records a filing for another person with the authorisation paper', () => {
    expect(run({ kind: 'proxy', principal: { name: 'Nguyễn Thị Bé', personalId: '087190004321' }, authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026' })).toEqual({
      party: { kind: 'proxy', principalName: 'Nguyễn Thị Bé', principalPersonalId: '087190004321', authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026' }, problems: [],
    });
  });

  it.each([
    ['a wrong check digit', { kind: 'organisation', organisation: { name: 'Công ty A', taxCode: '0100047517', representative: 'Võ Thị Hoa' } }, ['party.organisation.taxCode']],
    ['no representative', { kind: 'organisation', organisation: { name: 'Công ty A', taxCode: '0100047516', representative: '' } }, ['party.organisation.representative']],
    ['no organisation at all', { kind: 'organisation' }, ['party.organisation.name', 'party.organisation.taxCode', 'party.organisation.representative']],
    ['a proxy without authorisation', { kind: 'proxy', principal: { name: 'Nguyễn Thị Bé' } }, ['party.authorisation']],
    ['a proxy for oneself', { kind: 'proxy', principal: { name: 'Nguyễn Thị Bé', personalId: FILER }, authorisation: 'Giấy ủy quyền số 1' }, ['party.principal.personalId']],
    ['a principal ID of 11 digits', { kind: 'proxy', principal: { name: 'Nguyễn Thị Bé', personalId: '08719000432' }, authorisation: 'Giấy ủy quyền số 1' }, ['party.principal.personalId']],
    ['organisation details on a person', { kind: 'person', organisation: { name: 'Công ty A', taxCode: '0100047516', representative: 'Võ Thị Hoa' } }, ['party.organisation']],
    ['an authorisation on an organisation', { kind: 'organisation', organisation: { name: 'Công ty A', taxCode: '0100047516', representative: 'Võ Thị Hoa' }, authorisation: 'x' }, ['party.authorisation']],
    ['an unknown kind', { kind: 'company' }, ['party.kind']],
  ])('refuses %s', (_name, input, paths) => {
    const r = run(input as PartyInput);
    expect(r.problems.map((p) => p.path)).toEqual(paths);
    for (const p of r.problems) expect(p.message).toMatch(/[ạảấầậếềểệốồổộờởợủứừữựỹýđ]/);
  });

  it('says who is who on the slips: whose dossier, then the filer in their capacity', () => {
    expect(partyLines({ kind: 'person' }, 'Nguyễn Văn An')).toEqual({ subject: 'Nguyễn Văn An', lines: [] });
    expect(partyLines({ kind: 'organisation', name: 'Công ty TNHH Sen Hồng', taxCode: '0100047516', representative: 'Võ Thị Hoa' }, 'Nguyễn Văn An')).toEqual({
      subject: 'Công ty TNHH Sen Hồng (MST 0100047516)',
      lines: [{ label: 'Người đại diện theo pháp luật', value: 'Võ Thị Hoa' }, { label: 'Người nộp hồ sơ', value: 'Nguyễn Văn An' }],
    });
    expect(partyLines({ kind: 'proxy', principalName: 'Nguyễn Thị Bé', principalPersonalId: null, authorisation: 'Giấy ủy quyền số 12/UQ' }, 'Nguyễn Văn An')).toEqual({
      subject: 'Nguyễn Thị Bé',
      lines: [{ label: 'Người nộp thay', value: 'Nguyễn Văn An' }, { label: 'Theo giấy ủy quyền', value: 'Giấy ủy quyền số 12/UQ' }],
    });
  });
});
