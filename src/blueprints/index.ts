import type { Blueprint } from './blueprint.js';
import { education } from './education.js';
import { financialServices } from './financial-services.js';
import { healthcare } from './healthcare.js';
import { hospitality } from './hospitality.js';
import { logistics } from './logistics.js';
import { manufacturing } from './manufacturing.js';
import { retail } from './retail.js';
import { saas } from './saas.js';
import { travel } from './travel.js';

/** The curated presets: the industries of the taxonomy (src/taxonomy) that have a hand-made demo. */
export const BLUEPRINTS: readonly Blueprint[] = [retail, saas, financialServices, healthcare, travel, logistics, education, hospitality, manufacturing];

export function blueprintById(id: string): Blueprint | undefined {
  return BLUEPRINTS.find((b) => b.id === id);
}
