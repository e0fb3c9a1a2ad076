/** Stage ids are API: they key checkpoints, events, logs and the dashboard. Never rename one. */
export const STAGE_IDS = ['research', 'story', 'model', 'data', 'provision', 'agent', 'validate'] as const;

export type StageId = (typeof STAGE_IDS)[number];

export function isStageId(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value);
}
