import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Blueprint, BlueprintTable } from '../blueprints/blueprint.js';
import type { Industry } from '../taxonomy/types.js';
import type { ChatSet } from './evaluate-chat-set.js';

/**
 * Chat test questions written once per business-model module, in placeholders, so every
 * composed industry gets a test set from the modules it is made of (see
 * test/fixtures/chat-sets/modules/README.md).
 */
export const ModuleChatSetSchema = z.object({
  module: z.string(),
  /** Alias -> columns that pick the module's table out of a composition (all must be there). */
  tables: z.record(z.string(), z.array(z.string()).min(1)),
  questions: z.array(z.object({ kind: z.string(), question: z.string(), sql: z.string() })),
  unanswerable: z.array(z.string()).default([]),
});
export type ModuleChatSet = z.infer<typeof ModuleChatSetSchema>;

/** The roles every composition has, found by a column only their table carries. */
const ROLES: Record<string, string[]> = { place: ['size_index'], offering: ['base_price'], customer: ['joined_date', 'segment'], staff: ['hire_date', 'level'] };
const ROLE_WORDS = { place: 'place', offering: 'offering', customer: 'customer', staff: 'staff' } as const;

export function readModuleChatSets(dir: string): ModuleChatSet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ModuleChatSetSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

function tableWith(bp: Blueprint, columns: readonly string[]): BlueprintTable | undefined {
  const found = bp.tables.filter((t) => columns.every((c) => t.columns.some((x) => x.name === c)));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The test set of a composed industry: the questions of every module set whose tables the
 * composition has, with table, key and name placeholders filled from the composition and
 * words from the industry's vocabulary. Questions that read like a golden one are left out.
 * Returns the modules used too. Pure.
 */
export function instantiateChatSet(bp: Blueprint, industry: Industry, sets: readonly ModuleChatSet[]): { set: ChatSet; modules: string[] } {
  const v = industry.vocabulary;
  const subs = new Map<string, string>();
  for (const [role, columns] of Object.entries(ROLES)) {
    const t = tableWith(bp, columns);
    const term = v[ROLE_WORDS[role as keyof typeof ROLE_WORDS]];
    if (t) addTable(subs, role, t, term.singular, term.plural);
  }
  const lists: Record<string, string[]> = { seg: bp.defaults.customerSegments, place: bp.defaults.regions, off: bp.defaults.products };
  for (const [k, values] of Object.entries(lists)) values.forEach((x, i) => subs.set(`${k}${i}`, x));
  const golden = new Set(bp.questions.map((q) => q.question.toLowerCase()));

  const modules: string[] = [];
  const questions: ChatSet['questions'] = [];
  const unanswerable: string[] = [];
  for (const s of sets) {
    const local = new Map(subs);
    let ok = true;
    for (const [alias, columns] of Object.entries(s.tables)) {
      const t = tableWith(bp, columns);
      if (!t) {
        ok = false;
        break;
      }
      addTable(local, alias, t);
    }
    if (!ok) continue;
    const fill = (text: string): string | undefined => {
      let missing = false;
      const out = text.replace(/\{([a-z_]+[0-9]*(?:\.[a-z]+[0-9]*)?)\}/g, (m, key: string) => {
        if (key === 'asOf') return m;
        const x = local.get(key);
        if (x === undefined) missing = true;
        return x ?? m;
      });
      return missing ? undefined : out;
    };
    const mine = s.questions.flatMap((q) => {
      const question = fill(q.question);
      const sql = fill(q.sql);
      return question && sql && !golden.has(question.toLowerCase()) ? [{ kind: `${s.module}:${q.kind}`, question, sql }] : [];
    });
    if (mine.length === 0 && s.questions.length > 0) continue;
    modules.push(s.module);
    questions.push(...mine);
    unanswerable.push(...s.unanswerable.flatMap((u) => fill(u) ?? []));
  }
  return { set: { industry: industry.id, questions, unanswerable }, modules };
}

/** The placeholders of one table: name, key, name column, words, first foreign key. */
function addTable(subs: Map<string, string>, alias: string, t: BlueprintTable, one = t.grain.replace(/^one row per /, ''), many = t.name.replace(/^all_/, '').replace(/_\d+$/, '').replace(/_/g, ' ')): void {
  subs.set(alias, t.name);
  subs.set(`${alias}.key`, t.primaryKey);
  const name = t.columns.find((c) => c.name !== t.primaryKey && /(^|_)name$/.test(c.name) && c.type === 'STRING');
  if (name) subs.set(`${alias}.name`, name.name);
  subs.set(`${alias}.one`, one.toLowerCase());
  subs.set(`${alias}.many`, many.toLowerCase());
  const fk = t.columns.find((c) => c.generator.kind === 'foreignKey');
  if (fk) subs.set(`${alias}.fk0`, fk.name);
}
