import type { Blueprint } from '../blueprints/blueprint.js';
import { blueprintById } from '../blueprints/index.js';
import { InternalError } from '../core/errors.js';
import type { CompanyProfile } from '../domain/profile.js';
import { GENERAL_INDUSTRY, industryById } from '../taxonomy/industries.js';
import { sectorById, UNCLASSIFIED_SECTOR } from '../taxonomy/sectors.js';

/**
 * The curated blueprint that presents the profile's industry, and whether it is only a
 * stand-in: an industry without a preset borrows its sector's fallback preset (taxonomy data)
 * until composition builds its own demo.
 */
export function presetFor(profile: CompanyProfile): { blueprint: Blueprint; standIn: boolean } {
  // Profiles checkpointed before the taxonomy named blueprint ids, which are industry ids too.
  const industry = industryById(profile.industry.id) ?? GENERAL_INDUSTRY;
  const own = industry.preset ? blueprintById(industry.preset) : undefined;
  if (own) return { blueprint: own, standIn: false };
  const sector = sectorById(industry.sector) ?? UNCLASSIFIED_SECTOR;
  const fallback = blueprintById(sector.fallbackPreset ?? UNCLASSIFIED_SECTOR.fallbackPreset ?? '');
  if (!fallback) throw new InternalError(`Industry "${industry.id}" has no preset and its sector ${sector.code} names no fallback preset that exists.`);
  return { blueprint: fallback, standIn: true };
}

/**
 * The blueprint research chose for the company. When it stands in for an industry that has
 * no composition yet, the stage says so: a demo in another industry's template must never
 * pass silently.
 */
export function blueprintFor(profile: CompanyProfile, ctx?: { warn(message: string): void }): Blueprint {
  const { blueprint, standIn } = presetFor(profile);
  if (standIn) ctx?.warn(`The demo uses the ${blueprint.label} template because ${profile.industry.label} has no composition yet; its tables and questions are that template's, named for ${profile.name}.`);
  return blueprint;
}
