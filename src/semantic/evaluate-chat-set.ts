import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { renderModel } from '../agents/model/render-model.js';
import type { Blueprint } from '../blueprints/blueprint.js';
import { tailor } from '../blueprints/tailor.js';
import { defaultProfile } from '../blueprints/verify-blueprint.js';
import { toCsv } from '../data/csv.js';
import { generateDataset } from '../data/generate.js';
import { compareResults } from '../dataagent/compare-results.js';
import type { CompanyProfile } from '../domain/profile.js';
import type { SemanticModel } from '../domain/semantic-model.js';
import { duckdbDialect } from '../warehouse/sql-dialect.js';
import { DuckdbWarehouse } from '../warehouse/duckdb-warehouse.js';
import { planAnswer } from './answer-question.js';
import { deriveSemanticModel } from './derive.js';

/** A test set of questions with reference SQL (see test/fixtures/chat-sets/README.md). */
export const ChatSetSchema = z.object({
  industry: z.string(),
  questions: z.array(z.object({ kind: z.string(), question: z.string(), sql: z.string() })).min(1),
  unanswerable: z.array(z.string()),
});
export type ChatSet = z.infer<typeof ChatSetSchema>;

export function readChatSet(file: string): ChatSet {
  return ChatSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export type Outcome = 'right' | 'declined' | 'wrong';

export interface QuestionOutcome {
  question: string;
  kind: string;
  outcome: Outcome;
  detail: string;
  sql?: string;
}

export interface ChatSetReport {
  industry: string;
  questions: QuestionOutcome[];
  /** Unanswerable questions and whether each was declined. */
  unanswerable: Array<{ question: string; declined: boolean; detail: string }>;
  semantic: SemanticModel;
}

/**
 * Generates a blueprint's data into a scratch DuckDB file and asks the offline planner every
 * question of the set: right when its result matches the reference SQL's (compared as in
 * validation), declined, or wrong (an answer with other rows, which is worse than declining).
 */
export async function evaluateChatSet(bp: Blueprint, set: ChatSet, options: { asOf?: string; seed?: number; scale?: number; profile?: CompanyProfile } = {}): Promise<ChatSetReport> {
  const asOf = options.asOf ?? '2026-06-15';
  const profile = options.profile ?? defaultProfile(bp);
  const model = renderModel(bp, profile, tailor(bp, profile), duckdbDialect(asOf), asOf);
  const semantic = deriveSemanticModel(model, { goldenQuestions: bp.questions.map((q) => ({ id: q.id, question: q.question, level: q.level, insight: q.insight })) });
  const tables = generateDataset(model, { seed: options.seed ?? 42, scale: options.scale ?? 1 });
  const dir = mkdtempSync(join(tmpdir(), `chat-set-${bp.id.replace(/[^a-z0-9_]/gi, '-')}-`));
  const wh = new DuckdbWarehouse(dir);
  const dialect = duckdbDialect(asOf);
  try {
    await wh.ensureDataset('chat');
    for (const t of model.tables) {
      const gen = tables.find((g) => g.name === t.name);
      if (!gen) continue;
      const file = join(dir, `${t.name}.csv`);
      writeFileSync(file, toCsv(gen));
      await wh.loadTable('chat', t, file);
    }
    const questions: QuestionOutcome[] = [];
    for (const q of set.questions) {
      const reference = await wh.query('chat', q.sql.replaceAll('{asOf}', dialect.asOf));
      const plan = planAnswer(q.question, semantic, asOf, dialect);
      if (plan.kind === 'decline') {
        questions.push({ question: q.question, kind: q.kind, outcome: 'declined', detail: plan.reason });
        continue;
      }
      try {
        const got = await wh.query('chat', plan.sql);
        const cmp = compareResults(reference, got);
        questions.push({ question: q.question, kind: q.kind, outcome: cmp.match ? 'right' : 'wrong', detail: cmp.match ? plan.description : `${plan.description}: ${cmp.reason ?? ''}`, sql: plan.sql });
      } catch (err) {
        questions.push({ question: q.question, kind: q.kind, outcome: 'wrong', detail: `SQL failed: ${(err as Error).message}`, sql: plan.sql });
      }
    }
    const unanswerable = set.unanswerable.map((question) => {
      const plan = planAnswer(question, semantic, asOf, dialect);
      return { question, declined: plan.kind === 'decline', detail: plan.kind === 'decline' ? plan.reason : plan.description };
    });
    return { industry: set.industry, questions, unanswerable, semantic };
  } finally {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
