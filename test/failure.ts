// The domain error a promise fails with (the test fails if it does not fail).
import type { DomainError } from '../src/platform/errors';

export async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a failure');
}
