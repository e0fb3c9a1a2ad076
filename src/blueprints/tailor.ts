import type { CompanyProfile } from '../domain/profile.js';
import type { Blueprint, ProfileList } from './blueprint.js';

export interface Tailoring {
  /** The lists after tailoring, per profile list a blueprint column draws from. */
  lists: Record<ProfileList, string[]>;
  /** Blueprint value -> the company's value that took its place. */
  valueMap: Map<string, string>;
  /** Resolves `{company}` and `{products.N}`-style placeholders. */
  fill(text: string): string;
}

const PROFILE_LISTS: readonly ProfileList[] = ['products', 'customerSegments', 'regions'];

/** Research found enough of a list to use it instead of the blueprint's defaults. */
const MIN_PROFILE_VALUES = 3;

function clean(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v.replace(/\s+/g, ' ').trim();
    const key = t.toLowerCase();
    if (t.length === 0 || t.length > 60 || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** Abbreviations that name the same thing as their words. */
const ALIASES: Record<string, string[]> = {
  apac: ['asia', 'pacific'],
  emea: ['europe', 'middle', 'east', 'africa'],
  latam: ['latin', 'america'],
  smb: ['small', 'busines'],
  uk: ['united', 'kingdom'],
  us: ['united', 'state'],
  usa: ['united', 'state'],
  vip: ['premium'],
};

/** Lowercase word stems of a label, plural endings dropped: "Mid-market companies" -> mid, market, company. */
function stems(label: string): Set<string> {
  const words = label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !['and', 'the', 'of', 'for', 'our', 'amp'].includes(w))
    .map((w) => w.replace(/ies$/, 'y').replace(/(ses|s)$/, (m) => (m === 'ses' ? 's' : '')));
  return new Set(words.flatMap((w) => [w, ...(ALIASES[w] ?? [])]));
}

function similarity(a: string, b: string): number {
  const x = stems(a);
  const y = stems(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared === 0 ? 0 : shared / Math.min(x.size, y.size);
}

/**
 * The company's own values replace a blueprint list, keeping its length so every planted
 * effect survives. A company value that names the same thing as a blueprint value takes
 * that value's place ("Enterprises" where the blueprint says "Enterprise"), so insights keep
 * their meaning; the others fill the remaining places in order. Blueprint values top up
 * the list when the company has fewer.
 */
export function tailorList(blueprintValues: readonly string[], profileValues: readonly string[]): string[] {
  const own = clean(profileValues);
  if (own.length < MIN_PROFILE_VALUES) return [...blueprintValues];
  const slots: Array<string | undefined> = blueprintValues.map(() => undefined);
  const unplaced = new Set(own.slice(0, blueprintValues.length + 4));
  const pairs = blueprintValues.flatMap((b, i) => [...unplaced].map((o) => ({ i, o, score: similarity(b, o) }))).filter((p) => p.score >= 0.5);
  pairs.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { i, o } of pairs) {
    if (slots[i] !== undefined || !unplaced.has(o)) continue;
    slots[i] = o;
    unplaced.delete(o);
  }
  // The other company values fill the open places in order; then the blueprint's own
  // value stays where it does not repeat one of the company's.
  const rest = [...unplaced];
  const chosen = (): string[] => slots.filter((v): v is string => v !== undefined);
  // "Enterprise" repeats "Enterprises"; "Latin America" does not repeat "North America".
  const fresh = (v: string): boolean => chosen().every((c) => similarity(c, v) < 1);
  blueprintValues.forEach((b, i) => {
    if (slots[i] === undefined && rest.length > 0) slots[i] = rest.shift();
    else if (slots[i] === undefined && fresh(b)) slots[i] = b;
  });
  // Places still open take unused blueprint values, the least repetitive first: the length must hold.
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] !== undefined) continue;
    const unused = blueprintValues.filter((b) => !chosen().includes(b));
    slots[i] = unused.find(fresh) ?? unused[0];
  }
  return slots.filter((v): v is string => v !== undefined);
}

export function tailor(blueprint: Blueprint, profile: CompanyProfile): Tailoring {
  const lists: Record<ProfileList, string[]> = {
    products: clean(profile.products).length >= MIN_PROFILE_VALUES ? clean(profile.products) : blueprint.defaults.products,
    customerSegments: clean(profile.customerSegments).length >= MIN_PROFILE_VALUES ? clean(profile.customerSegments) : blueprint.defaults.customerSegments,
    regions: clean(profile.regions).length >= MIN_PROFILE_VALUES ? clean(profile.regions) : blueprint.defaults.regions,
  };
  const valueMap = new Map<string, string>();
  const firstColumnList = new Set<ProfileList>();
  for (const table of blueprint.tables) {
    for (const col of table.columns) {
      const g = col.generator;
      if (!col.fromProfile || (g.kind !== 'list' && g.kind !== 'category')) continue;
      const tailored = tailorList(g.values, profile[col.fromProfile]);
      g.values.forEach((v, i) => {
        const t = tailored[i];
        if (t !== undefined && t !== v && !valueMap.has(v)) valueMap.set(v, t);
      });
      if (!firstColumnList.has(col.fromProfile)) {
        firstColumnList.add(col.fromProfile);
        lists[col.fromProfile] = tailored;
      }
    }
  }
  const fill = (text: string): string =>
    text.replace(/\{(company|products|customerSegments|regions)(?:\.(\d+))?\}/g, (whole, key: string, n?: string) => {
      if (key === 'company') return profile.name;
      const list = lists[key as ProfileList];
      return list[Number(n ?? 0)] ?? whole;
    });
  for (const key of PROFILE_LISTS) lists[key] = [...lists[key]];
  return { lists, valueMap, fill };
}
