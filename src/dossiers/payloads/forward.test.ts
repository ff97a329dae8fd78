import { describe, expect, it } from 'vitest';
import { forwardPayload } from './forward';
import { argsFor } from './args.test-helper';

describe('forward payload', () => {
  it('names the competent agency and its unit path from the dossier, not from the input', () => {
    expect(forwardPayload(argsFor({ note: 'Chuyển bản giấy' }, { row: { competent_agency_id: 41, unit_path: '/82/28756/' } })))
      .toEqual({ reason: undefined, note: 'Chuyển bản giấy', toAgencyId: 41, unitPath: '/82/28756/' });
  });
});
