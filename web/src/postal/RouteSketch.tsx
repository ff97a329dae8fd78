// A simple sketch of the day's route (issue 13 §6): the post office (square), the stops numbered in
// route order, the way out and back as one line. Not a map: positions come from the commune's
// centre or the last confirmed address, so the sketch shows order and rough direction only.
import type { DayPlan } from './api';
import { usePostalT } from './i18n';

const W = 320;
const H = 200;
const PAD = 22;

/** Latitude/longitude to the sketch's box (north up; a degree of longitude shrunk by the latitude's cosine). */
export function projectPoints(points: readonly { lat: number; lon: number }[]): { x: number; y: number }[] {
  if (points.length === 0) return [];
  const mid = points.reduce((a, p) => a + p.lat, 0) / points.length;
  const k = Math.cos((mid * Math.PI) / 180);
  const xs = points.map((p) => p.lon * k);
  const ys = points.map((p) => p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min((W - 2 * PAD) / span, (H - 2 * PAD) / span);
  const offX = (W - (maxX - minX) * scale) / 2;
  const offY = (H - (maxY - minY) * scale) / 2;
  return points.map((_, i) => ({ x: offX + ((xs[i] ?? 0) - minX) * scale, y: H - (offY + ((ys[i] ?? 0) - minY) * scale) }));
}

export function RouteSketch({ plan }: { readonly plan: DayPlan }) {
  const t = usePostalT();
  const office = { lat: plan.postOffice.latitude, lon: plan.postOffice.longitude };
  const [home, ...stops] = projectPoints([office, ...plan.stops.map((s) => ({ lat: s.latitude, lon: s.longitude }))]);
  if (!home) return null;
  const line = [home, ...stops, home].map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  return (
    <figure className="route-sketch">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('sketchLabel', { count: plan.stops.length, office: plan.postOffice.name })}>
        <polyline points={line} fill="none" stroke="#1d4f91" strokeWidth="2" strokeDasharray="5 3" />
        <rect x={home.x - 8} y={home.y - 8} width="16" height="16" fill="#b3261e" />
        {stops.map((p, i) => (
          <g key={i}>
            <circle cx={p.x} cy={p.y} r="11" fill="#fff" stroke="#1d4f91" strokeWidth="2" />
            <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize="12" fontWeight="700" fill="#0b1f3a">{i + 1}</text>
          </g>
        ))}
      </svg>
      <figcaption className="field__hint">{t('sketchCaption', { km: plan.lengthKm.toFixed(1), unordered: plan.unorderedLengthKm.toFixed(1) })}</figcaption>
    </figure>
  );
}
