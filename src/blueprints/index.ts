import type { Blueprint } from './blueprint.js';
import { retail } from './retail.js';

/** The industry blueprint library. Order matters only for ties in industry scoring. */
export const BLUEPRINTS: readonly Blueprint[] = [retail];

export function blueprintById(id: string): Blueprint | undefined {
  return BLUEPRINTS.find((b) => b.id === id);
}
