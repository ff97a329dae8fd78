// On a bundle member's page, under its actions: why an action is not offered — another member waits
// for this one (a waiting member says what it waits for with WaitingFor) — and where the applicant's
// withdrawal goes: the whole bundle, on the bundle's page.
import { paths } from '../../routes';
import { Link } from '../../ui/router';
import { useBundleT } from '../bundle-i18n';
import type { BundleMemberLoad } from './useBundleMember';

export const bundlePath = (code: string) => `${paths.processingBundle}/${encodeURIComponent(code)}`;

export function BundleMemberNote({ load }: { readonly load: BundleMemberLoad }) {
  const b = useBundleT();
  if (load.status !== 'ready') return null;
  const { bundle, member } = load;
  const byCode = (code: string) => bundle.members.find((m) => m.dossier.code === code);
  const withdrawWhole = member.refusals.some((r) => r.action === 'withdraw');
  const waiting = member.waitedOnBy.map(byCode).filter((m) => m !== undefined);
  if (!withdrawWhole && waiting.length === 0) return null;
  return (
    <div className="bundle-member-note" data-testid="bundle-member-note">
      {waiting.length > 0 && <p>{b('memberWaitedOnBy', { items: waiting.map((m) => b('codeAndName', { code: m.dossier.code, name: m.name })).join('; ') })}</p>}
      {withdrawWhole && (
        <p>
          {b('memberWithdrawWhole', { code: bundle.code })}{' '}
          <Link to={bundlePath(bundle.code)}>{b('memberWithdrawWholeLink', { code: bundle.code })}</Link>
        </p>
      )}
    </div>
  );
}

/** The procedure name of the member a waiting member waits for ("… (thủ tục …)"), once the bundle is read. */
export function waitedForName(load: BundleMemberLoad): string | undefined {
  if (load.status !== 'ready') return undefined;
  const { bundle, member } = load;
  return bundle.members.find((m) => m.key === member.waitsFor)?.name;
}
