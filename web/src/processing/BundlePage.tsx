// A bundled dossier ("hồ sơ liên thông", issue 17): the parent's state and due time, what holds it
// up, its member dossiers — each a link to its own page when the user may open it — and the return
// of its results (the applicant's choice; a clerk returns every ready member at once) and the
// withdrawal of the whole bundle.
import { useState } from 'react';
import { api } from '../api/client';
import { HeadedPage } from '../ui/PageHeading';
import { DataTable, type Column } from '../ui/DataTable';
import { LoadedView } from '../ui/Loaded';
import { Notice } from '../ui/Notice';
import { Link } from '../ui/router';
import { useLoad } from '../ui/useLoad';
import { useBundleT, type BundleT } from './bundle-i18n';
import { dossierPath } from './DossierPage';
import { useProcessingT, type ProcessingT } from './i18n';
import { formatAt, StatusBadge } from './labels';
import { TransferSlipLink } from './TransferSlipLink';
import type { BundleView } from './api';
import type { User } from '../api/types';
import { choiceText, ReturnPart } from './bundle-return/ReturnPart';
import { WithdrawPart } from './bundle-withdraw/WithdrawPart';
import './processing.css';

type Member = BundleView['members'][number];

/** The parent's statuses once no member is open (src/bundles/aggregate.ts). */
const closedStatuses = ['resultReady', 'returned', 'resultReadyOthersEnded', 'returnedOthersEnded', 'endedWithoutResult', 'withdrawn'] as const satisfies readonly BundleView['state']['status'][];

export function BundlePage({ code, user }: { readonly code: string; readonly user: User }) {
  const b = useBundleT();
  const t = useProcessingT();
  const { loaded, reload } = useLoad((signal) => api.get<BundleView>(`/api/v1/bundles/${encodeURIComponent(code)}`, signal), code);
  // what the clerk just did, said above the reloaded bundle (its parts are remade on reload)
  const [done, setDone] = useState<string | null>(null);
  const after = (message: string) => { setDone(message); reload(); };
  const onWithdrawn = (count: number) => after(b('withdrawn', { count, code }));
  const onReturned = (r: { code: string; count: number }) => after(b('returned', r));
  return (
    <HeadedPage title={b('title', { code })} lead={b('lead')}>
      <Notice tone="success">{done}</Notice>
      <LoadedView loaded={loaded} loadingText={b('loading')}>
        {(bundle) => <><BundleBody bundle={bundle} b={b} t={t} /><ReturnPart bundle={bundle} user={user} onChanged={() => after(b('choiceSaved'))} onReturned={onReturned} /><WithdrawPart bundle={bundle} user={user} onWithdrawn={onWithdrawn} /></>}
      </LoadedView>
    </HeadedPage>
  );
}

function BundleBody({ bundle, b, t }: { readonly bundle: BundleView; readonly b: BundleT; readonly t: ProcessingT }) {
  const nameOf = (key: string) => bundle.members.find((m) => m.key === key)?.name ?? key;
  const ended = (closedStatuses as readonly string[]).includes(bundle.state.status);
  return (
    <>
      <dl className="facts bundle-facts">
        <dt>{b('group')}</dt><dd>{bundle.definition.name} ({bundle.definition.code})</dd>
        <dt>{b('applicant')}</dt><dd>{bundle.applicantName}</dd>
        <dt>{b('receivedAt')}</dt><dd>{formatAt(t, bundle.receivedAt)}</dd>
        <dt>{b('state')}</dt><dd><strong>{b(`state_${bundle.state.status}`)}</strong></dd>
        <dt>{b('dueAt')}</dt><dd>{bundle.state.dueAt ? formatAt(t, bundle.state.dueAt) : b(ended ? 'dueEnded' : 'dueUnknown')}</dd>
        {bundle.statutoryDueAt && <><dt>{b('statutoryDueAt')}</dt><dd>{formatAt(t, bundle.statutoryDueAt)}</dd></>}
        <dt>{b('returnChoice')}</dt><dd>{choiceText(b, bundle.returnChoice)}</dd>
      </dl>
      {bundle.state.issues.length > 0 && bundle.state.status !== 'withdrawn' && (
        <section aria-labelledby="bundle-issues">
          {/* once nothing is open, nothing is held up: the ended members are only listed */}
          <h2 id="bundle-issues">{b(ended ? 'issuesEnded' : 'issues')}</h2>
          {bundle.state.issues.map((i) => (
            <Notice key={i.member} tone="info">
              {i.kind === 'supplement'
                ? b('issue_supplement', { name: nameOf(i.member), items: i.items.join('; ') })
                : b('issue_ended', { name: nameOf(i.member), status: t(`status_${i.status}`) })}
              {!ended && <>{' '}{i.blocks.length > 0 ? b('blocks', { names: i.blocks.map(nameOf).join(', ') }) : b('blocksNothing')}</>}
            </Notice>
          ))}
        </section>
      )}
      <section aria-labelledby="bundle-members">
        <h2 id="bundle-members">{b('members')}</h2>
        <DataTable columns={memberColumns(b, t, nameOf, bundle.code)} rows={bundle.members} rowKey={(m) => m.key} />
      </section>
    </>
  );
}

function memberColumns(b: BundleT, t: ProcessingT, nameOf: (key: string) => string, bundleCode: string): Column<Member>[] {
  return [
    { key: 'member', header: b('colMember'), rowHeader: true, cell: (m) => m.name },
    { key: 'code', header: b('colCode'), noWrap: true, cell: (m) => (m.dossier.visible ? <Link to={dossierPath(m.dossier.code)}>{m.dossier.code}</Link> : m.dossier.code) },
    { key: 'agency', header: b('colAgency'), cell: (m) => m.dossier.competentAgency.name },
    { key: 'status', header: b('colStatus'), cell: (m) => <StatusBadge t={t} status={m.dossier.status} /> },
    { key: 'due', header: b('colDue'), noWrap: true, cell: (m) => formatAt(t, m.dossier.dueAt) },
    { key: 'note', header: b('colNote'), cell: (m) => <MemberNote m={m} b={b} t={t} nameOf={nameOf} /> },
    { key: 'transfer', header: b('colSteps'), cell: (m) => <TransferSlipLink bundleCode={bundleCode} memberKey={m.key} name={m.name} /> },
  ];
}

function MemberNote({ m, b, t, nameOf }: { readonly m: Member; readonly b: BundleT; readonly t: ProcessingT; readonly nameOf: (key: string) => string }) {
  const lines: string[] = [];
  // still registered, not started (a waiting member withdrawn with its bundle waits no more)
  if (m.waitsFor && !m.startedAt && m.dossier.status === 'submitted') lines.push(b('waitsFor', { name: nameOf(m.waitsFor) }));
  if (m.waitsFor && m.startedAt) lines.push(b('startedAt', { at: formatAt(t, m.startedAt) }));
  for (const v of Object.values(m.fed ?? {})) if (typeof v === 'string') lines.push(b('fed', { value: v }));
  if (m.dossier.resultNumber) lines.push(b('resultNumber', { value: m.dossier.resultNumber }));
  return lines.length === 0 ? <>—</> : <>{lines.map((l) => <span key={l} className="bundle-note">{l}</span>)}</>;
}
