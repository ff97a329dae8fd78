// assign (ND 61 art. 19.1): an officer or approver of the competent agency, by default the acting
// officer; the name is recorded with the id.
import { can } from '../../accounts/policy';
import { assignableStaff } from '../../accounts/references';
import { validationFailed } from '../../platform/errors';
import { inputError, noted, type PayloadArgs, type Payload } from './common';

export async function assignPayload(args: PayloadArgs): Promise<Payload> {
  const { ctx, row, input } = args;
  const base = noted(args);
  // an officer takes the dossier themselves; a leader (who approves) names the officer
  const id = input.officerId ?? (ctx.actor && !can(ctx.actor, 'dossiers.approve') ? ctx.actor.userId : undefined);
  if (id === undefined) throw inputError('officerId', 'Cần chọn cán bộ được phân công xử lý.');
  const officer = (await assignableStaff(ctx.db, row.competent_agency_id)).find((s) => s.userId === id);
  if (!officer) {
    const message = 'Cán bộ được chọn không thuộc cơ quan giải quyết hồ sơ hoặc không còn hoạt động.';
    throw validationFailed('OFFICER_INVALID', message, [{ path: 'officerId', message }]);
  }
  return { ...base, officerId: officer.userId, officerName: officer.fullName };
}
