/**
 * TEST HELPER — an independent Vietnamese lunar calendar used only to cross-check lunar.ts.
 *
 * Differences from lunar.ts on purpose:
 * - new moons from Meeus, Astronomical Algorithms ch. 49 (full periodic and planetary terms),
 *   counted from the 2000-01-06 lunation, and ΔT from the Espenak–Meeus polynomials;
 * - principal solar terms (multiples of 30° of the sun's *apparent* longitude, Meeus ch. 25 with
 *   nutation and aberration) are solved for as instants with Newton steps, instead of sampling a
 *   30° sector at each month start;
 * - the calendar is built forward as a table of lunations: month 11 is the lunation holding the
 *   winter-solstice day, a 13-lunation span gets a leap month at the first lunation with no
 *   principal term, then every day is looked up in that table.
 * Both follow the same rules (UTC+7), so they must agree except where an astronomical event
 * falls so close to local midnight that the two formula sets disagree about its day.
 */
const DEG = Math.PI / 180;
const TZ_DAYS = 7 / 24;

function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

function jdeToUt(jde: number): number {
  const year = 2000 + (jde - 2451545) / 365.25;
  return jde - deltaTSeconds(year) / 86400;
}

const PLANETARY: ReadonlyArray<readonly [number, number, number]> = [
  [325, 299.77, 0.107408], [165, 251.88, 0.016321], [164, 251.83, 26.651886], [126, 349.42, 36.412478],
  [110, 84.66, 18.206239], [62, 141.74, 53.303771], [60, 207.14, 2.453732], [56, 154.84, 7.30686],
  [47, 34.52, 27.261239], [42, 207.19, 0.121824], [40, 291.34, 1.844379], [37, 161.72, 24.198154],
  [35, 239.56, 25.513099], [23, 331.55, 3.592518],
];

/** Meeus ch. 49: JDE of the new moon of lunation k (k = 0 at 2000-01-06). */
export function meeusNewMoonJde(k: number): number {
  const T = k / 1236.85;
  const s = (deg: number): number => Math.sin(deg * DEG);
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3;
  jde +=
    -0.4072 * s(Mp) + 0.17241 * E * s(M) + 0.01608 * s(2 * Mp) + 0.01039 * s(2 * F) +
    0.00739 * E * s(Mp - M) - 0.00514 * E * s(Mp + M) + 0.00208 * E * E * s(2 * M) -
    0.00111 * s(Mp - 2 * F) - 0.00057 * s(Mp + 2 * F) + 0.00056 * E * s(2 * Mp + M) -
    0.00042 * s(3 * Mp) + 0.00042 * E * s(M + 2 * F) + 0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) - 0.00017 * s(Om) - 0.00007 * s(Mp + 2 * M) +
    0.00004 * s(2 * Mp - 2 * F) + 0.00004 * s(3 * M) + 0.00003 * s(Mp + M - 2 * F) +
    0.00003 * s(2 * Mp + 2 * F) - 0.00003 * s(Mp + M + 2 * F) + 0.00003 * s(Mp - M + 2 * F) -
    0.00002 * s(Mp - M - 2 * F) - 0.00002 * s(3 * Mp + M) + 0.00002 * s(4 * Mp);
  for (const [coef, a0, rate] of PLANETARY) {
    const arg = coef === 325 ? a0 + rate * k - 0.009173 * T ** 2 : a0 + rate * k;
    jde += (coef / 1e6) * s(arg);
  }
  return jde;
}

/** Meeus ch. 25: apparent geocentric longitude of the sun, degrees [0, 360). */
function apparentSunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T ** 2;
  const M = (357.52911 + 35999.05029 * T - 0.0001537 * T ** 2) * DEG;
  const C = (1.914602 - 0.004817 * T - 0.000014 * T ** 2) * Math.sin(M) + (0.019993 - 0.000101 * T) * Math.sin(2 * M) + 0.000289 * Math.sin(3 * M);
  const omega = (125.04 - 1934.136 * T) * DEG;
  const lambda = L0 + C - 0.00569 - 0.00478 * Math.sin(omega);
  return ((lambda % 360) + 360) % 360;
}

/** JDE at which the apparent solar longitude equals `angle` degrees, near `guess`. */
export function solarTermJde(angle: number, guess: number): number {
  let jde = guess;
  for (let i = 0; i < 50; i++) {
    const diff = ((angle - apparentSunLongitude(jde) + 540) % 360) - 180;
    const step = diff * (365.2422 / 360);
    jde += step;
    if (Math.abs(step) < 1e-8) break;
  }
  return jde;
}

/** Local (UTC+7) JDN of a UT Julian date, plus how far (in minutes) it is from local midnight. */
export function localDay(jdUt: number): { jdn: number; minutesFromMidnight: number } {
  const local = jdUt + 0.5 + TZ_DAYS;
  const jdn = Math.floor(local);
  const frac = local - jdn;
  return { jdn, minutesFromMidnight: Math.min(frac, 1 - frac) * 1440 };
}

export interface ReferenceMonth {
  readonly startJdn: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
  /** minutes between the new moon and local midnight (how fragile the month start is) */
  readonly newMoonMargin: number;
}

/** Builds the lunar month table covering Gregorian years [fromYear, toYear]. */
export function buildReferenceCalendar(fromYear: number, toYear: number): ReferenceMonth[] {
  // lunations spanning from two years before to one year after the range
  const startK = Math.floor(((fromYear - 2) - 2000) * 12.3685);
  const endK = Math.ceil(((toYear + 2) - 2000) * 12.3685);
  const starts: { jdn: number; margin: number }[] = [];
  for (let k = startK; k <= endK; k++) {
    const day = localDay(jdeToUt(meeusNewMoonJde(k)));
    starts.push({ jdn: day.jdn, margin: day.minutesFromMidnight });
  }
  // principal solar terms, with their local day
  const termDays: { jdn: number; angle: number }[] = [];
  for (let y = fromYear - 2; y <= toYear + 2; y++) {
    for (let i = 0; i < 12; i++) {
      const angle = i * 30;
      // March equinox ≈ y + 0.2; each 30° ≈ 30.44 days
      const guess = 2451545 + (y - 2000) * 365.2422 + 79 + i * 30.44 - 1;
      const jde = solarTermJde(angle, guess);
      termDays.push({ jdn: localDay(jdeToUt(jde)).jdn, angle });
    }
  }
  termDays.sort((a, b) => a.jdn - b.jdn);
  const lunationCount = starts.length - 1;
  const hasTerm: boolean[] = [];
  const holdsSolstice: boolean[] = [];
  for (let i = 0; i < lunationCount; i++) {
    const from = starts[i]?.jdn ?? 0;
    const to = starts[i + 1]?.jdn ?? 0;
    const inside = termDays.filter((t) => t.jdn >= from && t.jdn < to);
    hasTerm.push(inside.length > 0);
    holdsSolstice.push(inside.some((t) => t.angle === 270));
  }
  const month11: number[] = [];
  for (let i = 0; i < lunationCount; i++) if (holdsSolstice[i]) month11.push(i);
  const months: ReferenceMonth[] = [];
  for (let j = 0; j + 1 < month11.length; j++) {
    const a = month11[j] ?? 0;
    const b = month11[j + 1] ?? 0;
    let leapIndex = -1;
    if (b - a === 13) {
      for (let i = a + 1; i < b; i++) {
        if (!hasTerm[i]) {
          leapIndex = i;
          break;
        }
      }
    }
    const numbered: { index: number; number: number; leap: boolean }[] = [];
    let number = 11;
    for (let i = a; i < b; i++) {
      const leap = i === leapIndex;
      if (i > a && !leap) number = number === 12 ? 1 : number + 1;
      numbered.push({ index: i, number, leap });
    }
    // the lunar year is named after the Gregorian year in which its month 1 (Tết) starts
    const tet = numbered.find((m) => m.number === 1 && !m.leap);
    const tetYear = gregorianYearOfJdn(starts[tet?.index ?? a]?.jdn ?? 0);
    let beforeTet = true;
    for (const m of numbered) {
      if (m === tet) beforeTet = false;
      const start = starts[m.index];
      if (!start) continue;
      months.push({ startJdn: start.jdn, month: m.number, year: beforeTet ? tetYear - 1 : tetYear, leap: m.leap, newMoonMargin: start.margin });
    }
  }
  return months;
}

function civilOfJdn(jdn: number): { y: number; m: number } {
  // Fliegel–Van Flandern
  let l = jdn + 68569;
  const n = Math.floor((4 * l) / 146097);
  l = l - Math.floor((146097 * n + 3) / 4);
  const i = Math.floor((4000 * (l + 1)) / 1461001);
  l = l - Math.floor((1461 * i) / 4) + 31;
  const j = Math.floor((80 * l) / 2447);
  l = Math.floor(j / 11);
  return { m: j + 2 - 12 * l, y: 100 * (n - 49) + i + l };
}

function gregorianYearOfJdn(jdn: number): number {
  return civilOfJdn(jdn).y;
}
