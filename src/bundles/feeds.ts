// What a prerequisite's result feeds the members that wait for it (pure).
import type { OutputFeed } from './model';

/** The fed values from the result event's payload, by the name the waiting member receives them as. */
export function fedFacts(feeds: readonly OutputFeed[], resultPayload: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of feeds) {
    const v = resultPayload[f.output];
    if (typeof v === 'string' && v.length > 0) out[f.as] = v;
  }
  return out;
}
