import type { AnyStage } from '../pipeline/stage.js';
import { agentStage } from './agent/index.js';
import { dataStage } from './data/index.js';
import { modelStage } from './model/index.js';
import { provisionStage } from './provision/index.js';
import { researchStage } from './research/index.js';
import { storyStage } from './story/index.js';
import { validateStage } from './validate/index.js';

/** The seven stages in pipeline order, each with its heuristic strategy and, where judgement helps, its Claude strategy. */
export const PIPELINE_STAGES: readonly AnyStage[] = [researchStage, storyStage, modelStage, dataStage, provisionStage, agentStage, validateStage];
