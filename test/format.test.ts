import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSummary } from '../src/cli/format.js';
import { STAGE_IDS } from '../src/core/stage-ids.js';
import type { RunSummary } from '../src/pipeline/summary.js';

const base: RunSummary = {
  jobId: 'acme-123456',
  url: 'https://acme.example/',
  status: 'completed',
  strategy: 'llm',
  warehouse: 'bigquery',
  durationMs: 42_000,
  stages: STAGE_IDS.map((id) => ({ id, status: 'completed', durationMs: 1 })),
  agent: { name: 'provision-acme-123456', remote: 'projects/p/locations/global/dataAgents/provision-acme-123456', accuracy: 12 / 13 },
  llm: { calls: 5, inputTokens: 12_000, outputTokens: 3_100, cacheReadTokens: 2_000, cacheWriteTokens: 600, costUsd: 0.1219 },
};

describe('the run summary for a person', () => {
  it('shows the agent with its accuracy as a percentage, how to ask it, and what Claude cost', () => {
    const text = formatSummary(base);
    assert.match(text, /agent {6}projects\/p\/locations\/global\/dataAgents\/provision-acme-123456 · answered 92% of the golden questions correctly/);
    assert.match(text, /provision chat acme-123456 "<question>"/);
    assert.match(text, /claude {5}5 calls, 3,100 output tokens, ~\$0\.122/);
    assert.doesNotMatch(text, /fallback/);
  });

  it('names the stages that fell back to the heuristic strategy', () => {
    const stages = base.stages.map((s) => (s.id === 'story' ? { ...s, strategy: 'heuristic' as const, fallback: 'llm_unavailable: down' } : s));
    assert.match(formatSummary({ ...base, stages }), /heuristic fallback in story/);
  });
});
