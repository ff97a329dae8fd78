// What a person may do by hand to a bundle's member: a table of cases on the birth bundle 2.002621
// (residence waits for birth; the health-insurance card waits for nobody).
import { describe, expect, it } from 'vitest';
import { memberActionRefusal, type MemberFacts } from './member-actions';

const waiting: MemberFacts = { waiting: true, waitedOnBy: [], wholeBundle: false };
const started: MemberFacts = { waiting: false, waitedOnBy: [], wholeBundle: false };
const waitedOn: MemberFacts = { waiting: false, waitedOnBy: ['000.58.61.H20-260424-0002'], wholeBundle: false };
const B = '000.58.61.H20-260424-0001';

describe('memberActionRefusal', () => {
  it.each([
    // action, member, facts, refusal code (null: allowed)
    ['requestSupplement', 'residence, waiting', waiting, 'BUNDLE_SUPPLEMENT_NOT_STARTED'],
    ['requestSupplement', 'health insurance, started', started, null],
    ['requestSupplement', 'birth, started, waited on', waitedOn, null],
    ['withdraw', 'residence, waiting', waiting, 'BUNDLE_WITHDRAW_WHOLE'],
    ['withdraw', 'birth, residence still waits for it', waitedOn, 'BUNDLE_WITHDRAW_WHOLE'],
    ['withdraw', 'health insurance, nobody waits for it', started, null],
    ['withdraw', 'residence, with the whole bundle', { ...waiting, wholeBundle: true }, null],
    ['withdraw', 'birth, with the whole bundle', { ...waitedOn, wholeBundle: true }, null],
    ['receive', 'residence, waiting', waiting, 'BUNDLE_MEMBER_WAITING'],
    ['refuse', 'residence, waiting', waiting, 'BUNDLE_MEMBER_WAITING'],
    ['receive', 'health insurance, started', started, null],
    ['forward', 'residence, waiting', waiting, null],
  ] as const)('%s on %s → %s', (action, _, facts, code) => {
    expect(memberActionRefusal(action, 'X', B, facts)?.code ?? null).toBe(code);
  });

  it('says in Vietnamese what to do instead, naming the bundle and who waits', () => {
    expect(memberActionRefusal('withdraw', '000.58.61.H20-260424-0003', B, waitedOn)?.message)
      .toBe(`Hồ sơ 000.58.61.H20-260424-0002 đang chờ kết quả của hồ sơ 000.58.61.H20-260424-0003: chỉ rút được cùng cả hồ sơ liên thông ${B} ("Rút cả hồ sơ liên thông").`);
    expect(memberActionRefusal('requestSupplement', 'R', B, waiting)?.message).toContain('chỉ cơ quan đang giải quyết hồ sơ thành phần mới được yêu cầu bổ sung');
  });
});
