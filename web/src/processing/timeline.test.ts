import { describe, expect, it } from 'vitest';
import type { ProcessingT } from './i18n';
import { eventTitle } from './Timeline';

// the keys stand for the texts: what matters is which one is chosen
const t = ((key: string) => key) as unknown as ProcessingT;

describe('an event\'s name in the dossier\'s history', () => {
  it('names a bundle member registered at the counter without a clock for what it is, not an online submission', () => {
    expect(eventTitle(t, { action: 'submitted', payload: { channel: 'counter', bundle: '000.00.30.H20-260504-0001' }, label: '' })).toBe('timelineBundleRegistered');
  });

  it('keeps "submitted online" for an online dossier and the action\'s own name for the others', () => {
    expect(eventTitle(t, { action: 'submitted', payload: { channel: 'online' }, label: '' })).toBe('action_submitted');
    expect(eventTitle(t, { action: 'submitted', payload: {}, label: '' })).toBe('action_submitted'); // a view without the payload
    expect(eventTitle(t, { action: 'received', payload: { channel: 'counter' }, label: '' })).toBe('action_received');
  });
});
