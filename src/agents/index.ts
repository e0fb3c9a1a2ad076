import type { AnyStage } from '../pipeline/stage.js';
import { agentStage } from './agent/index.js';
import { dataStage } from './data/index.js';
import { modelStage } from './model/index.js';
import { provisionStage } from './provision/index.js';
import { researchStage } from './research/index.js';
import { storyStage } from './story/index.js';
import { validateStage } from './validate/index.js';

/** The seven stages with their heuristic strategy, in pipeline order. */
export const HEURISTIC_STAGES: readonly AnyStage[] = [researchStage, storyStage, modelStage, dataStage, provisionStage, agentStage, validateStage];
