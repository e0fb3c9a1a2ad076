import type { SemanticDimension, SemanticFilter, SemanticMeasure, SemanticTimeDimension } from '../../domain/semantic-model.js';
import { education } from './education.js';
import { financialServices } from './financial-services.js';
import { healthcare } from './healthcare.js';
import { hospitality } from './hospitality.js';
import { logistics } from './logistics.js';
import { manufacturing } from './manufacturing.js';
import { retail } from './retail.js';
import { saas } from './saas.js';
import { travel } from './travel.js';

/**
 * Curated parts of a semantic model laid over the derived one: the industry's KPIs in its own
 * words (revenue over non-cancelled orders, average order value, margin), and extra synonyms
 * for derived measures. Data, not code paths: the engine treats every overlay alike.
 */
export interface SemanticOverlay {
  measures?: SemanticMeasure[];
  dimensions?: SemanticDimension[];
  timeDimensions?: SemanticTimeDimension[];
  filters?: SemanticFilter[];
  /** More names for derived measures, by measure name. */
  measureSynonyms?: Record<string, string[]>;
}

const PRESETS: Record<string, SemanticOverlay> = {
  retail,
  saas,
  financial_services: financialServices,
  healthcare,
  travel,
  logistics,
  education,
  hospitality,
  manufacturing,
};

/** The overlay of a preset blueprint, if it has one. */
export function overlayFor(blueprint: string): SemanticOverlay | undefined {
  return PRESETS[blueprint];
}
