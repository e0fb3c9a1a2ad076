import type { Blueprint } from '../blueprints/blueprint.js';
import { blueprintById } from '../blueprints/index.js';
import { InternalError } from '../core/errors.js';
import type { CompanyProfile } from '../domain/profile.js';

/** The blueprint research chose for the company. */
export function blueprintFor(profile: CompanyProfile): Blueprint {
  const bp = blueprintById(profile.industry.id);
  if (!bp) throw new InternalError(`The profile names industry "${profile.industry.id}", which has no blueprint.`);
  return bp;
}
