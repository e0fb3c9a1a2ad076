import type { TimeGrain } from '../domain/semantic-model.js';

/** An inclusive range of days, as ISO dates, with how to say it. */
export interface Period {
  start: string;
  end: string;
  label: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

export function parseDay(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

export function isoDay({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds days to an ISO date. */
export function addDays(iso: string, n: number): string {
  const { y, m, d } = parseDay(iso);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return isoDay({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** Adds months, clamping the day to the month's length (as DuckDB and BigQuery do). */
export function addMonths(iso: string, n: number): string {
  const { y, m, d } = parseDay(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoDay({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** The first day of the grain period holding `iso` (weeks start on Monday). */
export function truncate(iso: string, grain: TimeGrain): string {
  const { y, m } = parseDay(iso);
  switch (grain) {
    case 'day':
      return iso;
    case 'week': {
      const dow = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
      return addDays(iso, -dow);
    }
    case 'month':
      return isoDay({ y, m, d: 1 });
    case 'quarter':
      return isoDay({ y, m: m - ((m - 1) % 3), d: 1 });
    case 'year':
      return isoDay({ y, m: 1, d: 1 });
  }
}

function step(iso: string, grain: TimeGrain, n: number): string {
  switch (grain) {
    case 'day':
      return addDays(iso, n);
    case 'week':
      return addDays(iso, 7 * n);
    case 'month':
      return addMonths(iso, n);
    case 'quarter':
      return addMonths(iso, 3 * n);
    case 'year':
      return addMonths(iso, 12 * n);
  }
}

/** "1–30 Nov 2026", "1 Jan–15 Jun 2026", "16 Jun 2025–15 Jun 2026". */
export function rangeLabel(start: string, end: string): string {
  const a = parseDay(start);
  const b = parseDay(end);
  const day = (x: Ymd, year: boolean): string => `${x.d} ${SHORT[x.m - 1] ?? ''}${year ? ` ${x.y}` : ''}`;
  if (start === end) return day(a, true);
  if (a.y === b.y && a.m === b.m) return `${a.d}–${day(b, true)}`;
  if (a.y === b.y) return `${day(a, false)}–${day(b, true)}`;
  return `${day(a, true)}–${day(b, true)}`;
}

function period(start: string, end: string): Period {
  return { start, end, label: rangeLabel(start, end) };
}

/** The calendar period `offset` periods before the one holding asOf; offset 0 runs to asOf. */
export function calendarPeriod(asOf: string, grain: TimeGrain, offset: number): Period {
  const first = step(truncate(asOf, grain), grain, -offset);
  const last = offset === 0 ? asOf : addDays(step(first, grain, 1), -1);
  return period(first, last);
}

/** The last n grains ending on asOf: "last 12 months" is the day after asOf − 12 months to asOf. */
export function rollingPeriod(asOf: string, grain: TimeGrain, n: number): Period {
  return period(addDays(step(asOf, grain, -n), 1), asOf);
}

/** The period of the same length just before `p` (calendar periods shift by their grain). */
export function previousPeriod(p: Period, grain?: TimeGrain, rolling?: number, sameDays = false): Period {
  if (grain && rolling !== undefined) {
    const end = addDays(p.start, -1);
    return period(addDays(step(end, grain, -rolling), 1), end);
  }
  if (grain) {
    const start = step(p.start, grain, -1);
    // Asked whether a period to date went up (1 Jan–15 Jun), the same days of the one before; the
    // one before named outright ("compared to last year") is all of it.
    const whole = truncate(addDays(p.end, 1), grain) === addDays(p.end, 1);
    return period(start, whole || !sameDays ? addDays(p.start, -1) : step(p.end, grain, -1));
  }
  const { y: ay, m: am, d: ad } = parseDay(p.start);
  const days = Math.round((Date.UTC(parseDay(p.end).y, parseDay(p.end).m - 1, parseDay(p.end).d) - Date.UTC(ay, am - 1, ad)) / 86_400_000) + 1;
  return period(addDays(p.start, -days), addDays(p.start, -1));
}

/** A whole calendar year. */
export function yearPeriod(year: number): Period {
  return period(`${year}-01-01`, `${year}-12-31`);
}

/** A whole month of a year (1..12). */
export function monthPeriod(year: number, month: number): Period {
  return period(isoDay({ y: year, m: month, d: 1 }), isoDay({ y: year, m: month, d: daysInMonth(year, month) }));
}

/** The month index (1..12) of a month name or its three-letter form, if it is one. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w) && w.length <= m.length && (w.length === 3 || m === w)));
  return i >= 0 ? i + 1 : undefined;
}
