import { blueprintFor } from '../../src/agents/blueprint-for.js';
import { renderModel } from '../../src/agents/model/render-model.js';
import { heuristicStory } from '../../src/agents/story/heuristic.js';
import { tailor } from '../../src/blueprints/tailor.js';
import type { CompanyProfile } from '../../src/domain/profile.js';
import { duckdbDialect } from '../../src/warehouse/sql-dialect.js';

const ASOF = '2026-11-25';

/** Words of retail's catalogue: no demo outside retail may show them. */
export const RETAIL_WORDS = ['SKU', 'footwear', 'return rate', 'apparel', 'basket'];

/** What a prospect could read in a demo, as the heuristic stages would build it for the profile. */
export interface DemoText {
  /** Everything: table and column names, descriptions, category values, questions, insights, glossary. */
  text: string;
  /** Table names, with underscores as spaces too. */
  tables: string[];
  /** Values of list and category columns. */
  values: string[];
  /** The golden questions and their insights. */
  questions: string;
}

export function demoText(profile: CompanyProfile): DemoText {
  const bp = blueprintFor(profile);
  const model = renderModel(bp, profile, tailor(bp, profile), duckdbDialect(ASOF), ASOF);
  const story = heuristicStory(profile, bp);
  const values = model.tables.flatMap((t) => t.columns.flatMap((c) => (c.generator.kind === 'list' || c.generator.kind === 'category' ? c.generator.values : [])));
  const tables = model.tables.flatMap((t) => [t.name, t.name.replace(/_/g, ' ')]);
  const names = model.tables.flatMap((t) => [t.description, ...t.columns.flatMap((c) => [c.name, c.description])]);
  const questions = story.goldenQuestions.map((q) => `${q.question} ${q.insight}`).join('\n');
  return { text: [...tables, ...names, ...values, questions, ...model.glossary.map((g) => `${g.term} ${g.definition}`)].join('\n'), tables, values, questions };
}

/** The word as a word (or a word's start: `patient` finds `patients`), case-insensitive. */
export const has = (text: string, word: string): boolean => new RegExp(`(^|[^a-z])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(text.toLowerCase());

/** The company's own terms the demo uses in its table names, category values or golden questions. */
export function ownTermsUsed(demo: DemoText, own: readonly string[]): string[] {
  const where = [...demo.tables, ...demo.values, demo.questions].join('\n').toLowerCase();
  return [...new Set(own)].filter((w) => w.trim().length > 0 && where.includes(w.toLowerCase()));
}
