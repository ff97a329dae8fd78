// The online share of the period's dossiers and the part of it the post office and one-stop staff
// filed for citizens (assisted online filing, issue 15 §3), from GET /api/v1/online/stats in the
// supervisor's scope.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOnlineStats, type OnlineStats } from '../online/api';
import { useOnlineT } from '../online/i18n';
import { errorMessage } from '../ui/errors';
import { Notice } from '../ui/Notice';

const share = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

export function OnlinePanel({ from, to }: { readonly from: string; readonly to: string }) {
  const t = useOnlineT();
  const { t: tApp } = useTranslation();
  const [stats, setStats] = useState<OnlineStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    fetchOnlineStats(from, to, controller.signal).then(setStats, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [from, to]);
  return (
    <section className="online-panel" aria-labelledby="online-panel-title">
      <h2 id="online-panel-title">{t('panelTitle')}</h2>
      <Notice tone="error">{error ? errorMessage(error, tApp) : null}</Notice>
      {stats && (
        <div className="kpis">
          <div className="kpi"><div className="kpi-label">{t('panelFiled')}</div><div className="kpi-value" data-testid="online-total">{stats.total.toLocaleString('vi-VN')}</div></div>
          <div className="kpi">
            <div className="kpi-label">{t('panelOnline')}</div><div className="kpi-value" data-testid="online-online">{stats.online.toLocaleString('vi-VN')}</div>
            <div className="kpi-hint">{t('panelShare', { share: share(stats.online, stats.total) })}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">{t('panelAssisted')}</div><div className="kpi-value" data-testid="online-assisted">{stats.assisted.toLocaleString('vi-VN')}</div>
            <div className="kpi-hint">{t('panelAssistedShare', { share: share(stats.assisted, stats.online) })}</div>
          </div>
        </div>
      )}
    </section>
  );
}
