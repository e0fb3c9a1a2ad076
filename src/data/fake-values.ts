import type { Rng } from './prng.js';
import { type LocaleWords } from './word-lists.js';
import * as words from './word-lists.js';

export function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** A fake value; the row number keeps emails unique within a table. */
export function fakeFn(what: string, rng: Rng, locale: LocaleWords): (row: number) => string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T;
  const digits = (format: string): string => {
    let out = '';
    for (const ch of format) out += ch === '#' ? String(Math.floor(rng.next() * 10)) : ch === 'Z' ? String.fromCharCode(65 + Math.floor(rng.next() * 26)) : ch;
    return out;
  };
  const ascii = (s: string): string => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
  const street = (): string => locale.streetFormat.replace('{n}', String(1 + Math.floor(rng.next() * 240))).replace('{s}', pick(locale.streets));
  switch (what) {
    case 'firstName':
      return () => pick(locale.firstNames);
    case 'lastName':
      return () => pick(locale.lastNames);
    case 'person':
      return () => `${pick(locale.firstNames)} ${pick(locale.lastNames)}`;
    case 'company':
      return () => `${pick(words.COMPANY_PREFIXES)}${pick(words.COMPANY_CORES).toLowerCase()} ${pick(locale.companySuffixes)}`;
    case 'email':
      return (row) => `${ascii(pick(locale.firstNames))}.${ascii(pick(locale.lastNames))}${row + 1}@${pick(words.EMAIL_DOMAINS)}`;
    case 'phone':
      return () => digits(locale.phoneFormat);
    case 'city':
      return () => pick(locale.cities);
    case 'street':
      return street;
    case 'postcode':
      return () => digits(locale.postcodeFormat);
    case 'address':
      return () => `${street()}, ${digits(locale.postcodeFormat)} ${pick(locale.cities)}`;
    case 'word':
      return () => pick(words.WORDS);
    default:
      return () => pick(words.SENTENCES);
  }
}
