// The citizen's scope (issue 15 §1): the dossiers of a personal ID only once that ID is verified,
// and always what the account itself filed. Properties over random accounts and dossiers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDossierInScope, type ScopedActor, type ScopedRow } from './scope';

const pid = fc.stringMatching(/^0[0-9]{11}$/);
const row = (personalId: string | null, filedBy: number | null): ScopedRow => ({
  receiving_service_point_id: 1, receiving_agency_id: 2, competent_agency_id: 3, unit_path: '/82/', personal_id: personalId, filed_by_user_id: filedBy,
});
const citizen = (userId: number, verifiedPersonalId: string | null): ScopedActor => ({
  userId, username: `0912${userId}`, fullName: 'Nguyễn Văn An', role: 'citizen', scope: { kind: 'self', personalId: verifiedPersonalId }, servicePointAgencyId: null,
});

describe('a citizen account\'s scope', () => {
  it('unverified: sees exactly the dossiers it filed, whatever their personal ID', () => {
    fc.assert(fc.property(fc.nat(1000), fc.option(fc.nat(1000)), fc.option(pid), (userId, filedBy, personalId) => {
      expect(isDossierInScope(citizen(userId, null), row(personalId, filedBy))).toBe(filedBy === userId);
    }));
  });

  it('verified: also sees every dossier of its personal ID, and never another ID\'s it did not file', () => {
    fc.assert(fc.property(fc.nat(1000), pid, fc.option(fc.nat(1000)), fc.option(pid), (userId, own, filedBy, personalId) => {
      const seen = isDossierInScope(citizen(userId, own), row(personalId, filedBy));
      expect(seen).toBe(personalId === own || filedBy === userId);
    }));
  });

  it('verifying the ID never hides a dossier seen before', () => {
    fc.assert(fc.property(fc.nat(1000), pid, fc.option(fc.nat(1000)), fc.option(pid), (userId, own, filedBy, personalId) => {
      const d = row(personalId, filedBy);
      if (isDossierInScope(citizen(userId, null), d)) expect(isDossierInScope(citizen(userId, own), d)).toBe(true);
    }));
  });

  it('concrete: account 41 registered by phone, personal ID 087090001234 not yet verified', () => {
    const mine = row('087090001234', 41);
    const filedAtCounter = row('087090001234', 7);
    expect(isDossierInScope(citizen(41, null), mine)).toBe(true);
    expect(isDossierInScope(citizen(41, null), filedAtCounter)).toBe(false);
    expect(isDossierInScope(citizen(41, '087090001234'), filedAtCounter)).toBe(true);
  });
});
