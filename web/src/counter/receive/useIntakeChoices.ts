// Who files (for themself, for an organisation, for another person) and how the result goes back
// (counter, post with its address, online), as the clerk enters them; the checks mirror the
// server's (src/dossiers/party.ts, delivery.ts; the tax code's check digit is the shared one).
import { useEffect, useState } from 'react';
import { taxCodeProblem, type ApplicantKind } from '../../../../src/shared/applicant-kinds';
import type { ProcedureDetail } from '../api';
import type { ChoicesT } from './choices-i18n';
import type { Problem } from './problems';

export type DeliveryMethod = 'counter' | 'post' | 'online';

export interface IntakeChoices {
  readonly kind: ApplicantKind;
  readonly organisationName: string;
  readonly taxCode: string;
  readonly representative: string;
  readonly principalName: string;
  readonly principalPersonalId: string;
  readonly authorisation: string;
  readonly delivery: DeliveryMethod;
  readonly deliveryAddress: string;
}

export const emptyChoices: IntakeChoices = {
  kind: 'person', organisationName: '', taxCode: '', representative: '', principalName: '', principalPersonalId: '', authorisation: '',
  delivery: 'counter', deliveryAddress: '',
};

type Procedure = Pick<ProcedureDetail, 'postalAllowed' | 'onlineLevel'> | null;

/** What keeps the choices from being sent, each naming its field. Pure. */
export function choicesProblems(t: ChoicesT, c: IntakeChoices, filerPersonalId: string, procedure: Procedure): Problem[] {
  const out: Problem[] = [];
  const blank = (s: string) => s.trim().length < 2;
  if (c.kind === 'organisation') {
    if (blank(c.organisationName)) out.push({ field: 'organisationName', text: t('organisationNameRequired') });
    const tax = taxCodeProblem(c.taxCode);
    if (tax !== null) out.push({ field: 'taxCode', text: tax });
    if (blank(c.representative)) out.push({ field: 'representative', text: t('representativeRequired') });
  }
  if (c.kind === 'proxy') {
    if (blank(c.principalName)) out.push({ field: 'principalName', text: t('principalNameRequired') });
    const pid = c.principalPersonalId.trim();
    if (pid !== '' && !/^\d{12}$/.test(pid)) out.push({ field: 'principalPersonalId', text: t('principalIdInvalid') });
    else if (pid !== '' && pid === filerPersonalId.trim()) out.push({ field: 'principalPersonalId', text: t('principalIsFiler') });
    if (c.authorisation.trim().length < 3) out.push({ field: 'authorisation', text: t('authorisationRequired') });
  }
  if (c.delivery === 'post' && c.deliveryAddress.trim().length < 5) out.push({ field: 'deliveryAddress', text: t('deliveryAddressRequired') });
  if (c.delivery === 'post' && procedure && !procedure.postalAllowed) out.push({ field: 'delivery', text: t('postNotAllowed') });
  if (c.delivery === 'online' && procedure && procedure.onlineLevel === 'none') out.push({ field: 'delivery', text: t('onlineNotAllowed') });
  return out;
}

/** The request's `party` and `delivery`. Pure. */
export function choicesBody(c: IntakeChoices) {
  const party = c.kind === 'organisation'
    ? { kind: c.kind, organisation: { name: c.organisationName.trim(), taxCode: c.taxCode.trim(), representative: c.representative.trim() } }
    : c.kind === 'proxy'
      ? { kind: c.kind, principal: { name: c.principalName.trim(), ...(c.principalPersonalId.trim() ? { personalId: c.principalPersonalId.trim() } : {}) }, authorisation: c.authorisation.trim() }
      : null;
  return {
    ...(party ? { party } : {}),
    delivery: c.delivery === 'post' ? { method: c.delivery, address: c.deliveryAddress.trim() } : { method: c.delivery },
  };
}

export function useIntakeChoices(procedure: Procedure) {
  const [choices, setChoices] = useState<IntakeChoices>(emptyChoices);
  // a procedure that does not return by post or online: back to the counter
  useEffect(() => {
    setChoices((c) => ((c.delivery === 'post' && procedure && !procedure.postalAllowed) || (c.delivery === 'online' && procedure?.onlineLevel === 'none') ? { ...c, delivery: 'counter' } : c));
  }, [procedure]);
  const set = (change: Partial<IntakeChoices>) => setChoices((c) => ({ ...c, ...change }));
  return { choices, set, reset: () => setChoices(emptyChoices) };
}

export type IntakeChoicesState = ReturnType<typeof useIntakeChoices>;
