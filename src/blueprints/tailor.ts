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

/**
 * The company's own values replace a blueprint list position by position, topped up with
 * the blueprint's remaining values so the length (and every planted effect) survives.
 */
export function tailorList(blueprintValues: readonly string[], profileValues: readonly string[]): string[] {
  const own = clean(profileValues);
  if (own.length < MIN_PROFILE_VALUES) return [...blueprintValues];
  const taken = new Set(own.slice(0, blueprintValues.length).map((v) => v.toLowerCase()));
  const out = own.slice(0, blueprintValues.length);
  for (const v of blueprintValues) {
    if (out.length >= blueprintValues.length) break;
    if (!taken.has(v.toLowerCase())) out.push(v);
  }
  return out;
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
