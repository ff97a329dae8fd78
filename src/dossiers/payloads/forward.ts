// forward (ND 61 art. 18), "Chuyển đến <agency>": the dossier goes to its competent agency, named in
// the event with how it was handed over (handover.ts). The agency comes from the dossier, never
// from the input.
import { agencyHandover } from '../../directory/references';
import { notFound } from '../../platform/errors';
import { handoverFacts } from '../handover';
import type { DossierRow } from '../events';
import { noted, type PayloadArgs, type Payload } from './common';

/** The event payload of a hand-over of `row` to its competent agency. */
export async function handoverPayload(db: PayloadArgs['ctx']['db'], row: DossierRow, automatic: boolean): Promise<Payload> {
  const agency = await agencyHandover(db, row.competent_agency_id);
  if (!agency) throw notFound('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan có thẩm quyền giải quyết của hồ sơ.');
  return { ...handoverFacts({ channel: row.channel, unitPath: row.unit_path }, agency, automatic) };
}

export const forwardPayload = async (args: PayloadArgs): Promise<Payload> =>
  ({ ...noted(args), ...(await handoverPayload(args.ctx.db, args.row, false)) });
