import type { Table } from '../domain/data-model.js';
import { civilFromDays } from './byte-writer.js';

/** Cell values, calendars and number formats: what a generated cell is and how it prints. */

/** A cell: DATE cells are day numbers since 1970-01-01, TIMESTAMP cells epoch milliseconds. */
export type Value = number | string | boolean | null;

/** A generator spec that cannot work (unknown ref, cycle, bad expression): our model's fault. */
export class SpecError extends Error {
  override name = 'SpecError';
}

export interface GenerateOptions {
  seed: number;
  /** Multiplies the row count of every table that scales. */
  scale: number;
}

export const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Row count at a scale: fixed tables keep theirs, sublinear ones grow with sqrt(scale). */
export function rowCountFor(table: Table, scale: number): number {
  const list = table.columns.find((c) => c.generator.kind === 'list');
  if (list && list.generator.kind === 'list') return list.generator.values.length;
  if (!table.scales) return table.rowCount;
  const factor = table.scaling === 'sublinear' ? Math.sqrt(scale) : scale;
  return Math.max(1, Math.round(table.rowCount * factor));
}

/** Minor-unit digits of ISO 4217 currencies that do not use 2. */
const CURRENCY_DECIMALS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, HUF: 0, TWD: 0, KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3 };
export function currencyDecimals(currency: string | undefined): number {
  return CURRENCY_DECIMALS[(currency ?? 'USD').toUpperCase()] ?? 2;
}

const dateCache = new Map<number, string>();
export function formatDate(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateCache.size < 100_000) dateCache.set(day, s);
  }
  return s;
}

const timeCache: string[] = [];
function formatTime(secondOfDay: number): string {
  let s = timeCache[secondOfDay];
  if (s === undefined) {
    const h = Math.floor(secondOfDay / 3600);
    const m = Math.floor(secondOfDay / 60) % 60;
    const x = secondOfDay % 60;
    s = `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${x < 10 ? '0' : ''}${x}`;
    timeCache[secondOfDay] = s;
  }
  return s;
}

export function formatTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  return `${formatDate(day)} ${formatTime(Math.floor((ms - day * DAY_MS) / 1000))}`;
}

/** Month 0..11 of a day number. */
export function monthOfDay(day: number): number {
  return (Math.floor(civilFromDays(day) / 100) % 100) - 1;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
export function round(v: number, decimals: number): number {
  if (decimals === 0) return Math.round(v);
  const f = POW10[decimals] ?? 10 ** decimals;
  return Math.round(v * f) / f;
}
