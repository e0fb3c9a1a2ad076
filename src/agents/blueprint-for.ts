import type { Blueprint } from '../blueprints/blueprint.js';
import { blueprintById } from '../blueprints/index.js';
import { compose, skippedWarning } from '../compose/compose.js';
import type { CompanyProfile } from '../domain/profile.js';
import { GENERAL_INDUSTRY, industryById } from '../taxonomy/industries.js';

/**
 * The blueprint the story and model stages present for the company: the curated preset of
 * an industry that has one; for every other industry, a composition of its business-model
 * modules in its own vocabulary with the company's values. An id the taxonomy does not know
 * composes the general business, never another industry's preset. Pure but for `warn`, which
 * hears about modules the composition had to leave out (the model stage publishes it as a `log` event).
 */
export function blueprintFor(profile: CompanyProfile, warn?: (message: string) => void): Blueprint {
  const industry = industryById(profile.industry.id);
  const preset = blueprintById(industry ? (industry.preset ?? '') : profile.industry.id);
  if (preset) return preset;
  const composition = compose(industry ?? GENERAL_INDUSTRY, profile);
  const warning = skippedWarning(composition);
  if (warning) warn?.(warning);
  return composition.blueprint;
}
