// A bundle member's page reads its bundle (GET /api/v1/bundles/{code}) for what the server refuses
// to do to this member by hand (src/bundles/member-actions.ts — the same rule the hook applies):
// the page offers only the actions left, and says why the others are not offered.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { BundleView } from '../api';

export type BundleMember = BundleView['members'][number];

export type BundleMemberLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly bundle: BundleView; readonly member: BundleMember };

/** The member of bundle `bundleCode` whose dossier is `dossierCode`; `reload` bumps after an action. */
export function useBundleMember(bundleCode: string | null, dossierCode: string, reload: number): BundleMemberLoad {
  const [load, setLoad] = useState<BundleMemberLoad>({ status: bundleCode === null ? 'none' : 'loading' });
  useEffect(() => {
    if (bundleCode === null) { setLoad({ status: 'none' }); return; }
    const controller = new AbortController();
    api.get<BundleView>(`/api/v1/bundles/${encodeURIComponent(bundleCode)}`, controller.signal).then(
      (bundle) => {
        const member = bundle.members.find((m) => m.dossier.code === dossierCode);
        setLoad(member ? { status: 'ready', bundle, member } : { status: 'failed' });
      },
      () => { if (!controller.signal.aborted) setLoad({ status: 'failed' }); },
    );
    return () => controller.abort();
  }, [bundleCode, dossierCode, reload]);
  // the render that first knows the bundle's code, before its read starts
  return bundleCode !== null && load.status === 'none' ? { status: 'loading' } : load;
}

/** The actions the bundle's rule leaves: while it loads, none that the rule may refuse; if it cannot be read, the dossier's own (the server still refuses). */
export function actionsLeft<A extends string>(actions: readonly A[], load: BundleMemberLoad): A[] {
  if (load.status === 'none' || load.status === 'failed') return [...actions];
  if (load.status === 'loading') return actions.filter((a) => !guarded.includes(a));
  return actions.filter((a) => !load.member.refusals.some((r) => r.action === a));
}

const guarded: readonly string[] = ['receive', 'refuse', 'requestSupplement', 'withdraw'];
