import { describe, expect, it } from 'vitest';
import { assignPayload } from './assign';
import { argsFor } from './args.test-helper';

describe('assign payload', () => {
  it('needs an officer when the actor is not one to default to', async () => {
    await expect(assignPayload(argsFor({}, { role: 'approver' }))).rejects.toMatchObject({ code: 'ACTION_INPUT_INVALID', details: [{ path: 'officerId' }] });
  });
  // the officer's membership of the competent agency is checked against the accounts' staff
  // list: see "assign" in ../service.test.ts (OFFICER_INVALID)
});
