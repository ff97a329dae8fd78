// Paper outcomes at the counter (src/counter): the client calls and the texts of the section.
import { api } from '../api/client';
import { defineBundle } from '../i18n/bundle';
// the server's own shapes (type-only imports: nothing is bundled)
import type { OutcomeApplicant, OutcomeInput, OutcomeKind } from '../../../src/counter/model';
import type { CounterOutcome } from '../../../src/counter/service';
import vi from './outcomes.vi.json';
import en from './outcomes.en.json';

export type { OutcomeApplicant, OutcomeKind };
export type { CounterOutcome };

export const recordOutcome = (body: OutcomeInput) => api.post<CounterOutcome>('/api/v1/counter-outcomes', body);
export const outcomeSlipUrl = (id: number) => `/api/v1/counter-outcomes/${id}/slip.pdf`;

export const useOutcomeT = defineBundle('counterOutcome', vi, en);
