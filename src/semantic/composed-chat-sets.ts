import { compose } from '../compose/compose.js';
import type { Blueprint } from '../blueprints/blueprint.js';
import type { CompanyProfile } from '../domain/profile.js';
import { GENERAL_INDUSTRY, INDUSTRIES } from '../taxonomy/industries.js';
import type { Industry } from '../taxonomy/types.js';
import type { ChatSet } from './evaluate-chat-set.js';
import { instantiateChatSet, type ModuleChatSet } from './module-chat-sets.js';

/** A composed industry with its test set, ready for evaluateChatSet. */
export interface ComposedChatCase {
  industry: Industry;
  blueprint: Blueprint;
  profile: CompanyProfile;
  set: ChatSet;
  modules: string[];
}

/** A company in the industry with nothing of its own: the industry's defaults fill the values. */
export function industryProfile(industry: Industry): CompanyProfile {
  return {
    url: 'http://127.0.0.1/',
    name: 'Example Co',
    summary: `Example Co is a ${industry.label.toLowerCase()} business.`,
    industry: { id: industry.id, label: industry.label, naics: industry.naics, confidence: 0.9 },
    businessModel: industry.businessModel,
    products: [],
    customerSegments: [],
    regions: [],
    currency: 'USD',
    kpis: [...industry.kpis],
    keyEntities: [],
    evidence: [],
    pages: [],
  };
}

/** Every industry without a preset (and the general business), composed, with its module questions. Pure. */
export function composedChatCases(sets: readonly ModuleChatSet[], only?: readonly string[]): ComposedChatCase[] {
  return [...INDUSTRIES.filter((i) => !i.preset), GENERAL_INDUSTRY]
    .filter((i) => !only?.length || only.includes(i.id))
    .map((industry) => {
      const profile = industryProfile(industry);
      const blueprint = compose(industry, profile).blueprint;
      const { set, modules } = instantiateChatSet(blueprint, industry, sets);
      return { industry, blueprint, profile: { ...profile, products: blueprint.defaults.products, customerSegments: blueprint.defaults.customerSegments, regions: blueprint.defaults.regions }, set, modules };
    });
}
