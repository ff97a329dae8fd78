// Paper outcomes at the counter (src/counter): the client calls and the texts of the section.
import { api } from '../api/client';
import { defineBundle } from '../i18n/bundle';
// the route's schemas (src/counter/routes.ts; type-only imports: nothing is bundled)
import type { CounterOutcomeRequest, CounterOutcomeResponse } from '../../../src/counter/routes';
import vi from './outcomes.vi.json';
import en from './outcomes.en.json';

type OutcomeInput = CounterOutcomeRequest;
export type OutcomeApplicant = CounterOutcomeRequest['applicant'];
export type OutcomeKind = CounterOutcomeRequest['kind'];
export type CounterOutcome = CounterOutcomeResponse;

export const recordOutcome = (body: OutcomeInput) => api.post<CounterOutcome>('/api/v1/counter-outcomes', body);
export const outcomeSlipUrl = (id: number) => `/api/v1/counter-outcomes/${id}/slip.pdf`;

export const useOutcomeT = defineBundle('counterOutcome', vi, en);
