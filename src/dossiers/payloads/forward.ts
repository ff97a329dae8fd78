// forward (ND 61 art. 18): the dossier goes to its competent agency, named in the event.
import { noted, type PayloadArgs, type Payload } from './common';

export const forwardPayload = (args: PayloadArgs): Payload =>
  ({ ...noted(args), toAgencyId: args.row.competent_agency_id, unitPath: args.row.unit_path });
