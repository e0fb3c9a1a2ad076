import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { composedChatCases } from '../src/semantic/composed-chat-sets.js';
import { evaluateChatSet } from '../src/semantic/evaluate-chat-set.js';
import { readModuleChatSets } from '../src/semantic/module-chat-sets.js';

const sets = readModuleChatSets(join(import.meta.dirname, 'fixtures', 'chat-sets', 'modules'));
const cases = composedChatCases(sets);

// Industries composed of the same modules ask the same questions in other words: one of each
// composition runs here against a real DuckDB (small scale, fixed seed); `npm run bench:chat --
// --composed` runs every industry.
const seen = new Set<string>();
const sample = cases.filter((c) => {
  const key = c.modules.join('+');
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});

describe('offline chat on every composed industry, from its modules\' questions', () => {
  it('every composed industry gets at least 20 questions, none of them golden, and unanswerable ones', () => {
    for (const c of cases) {
      assert.ok(c.set.questions.length >= 20, `${c.industry.id}: ${c.set.questions.length} questions (${c.modules.join('+')})`);
      assert.ok(c.set.unanswerable.length >= 5, c.industry.id);
      const golden = new Set(c.blueprint.questions.map((q) => q.question.toLowerCase()));
      assert.ok(c.set.questions.every((q) => !golden.has(q.question.toLowerCase())), c.industry.id);
      assert.ok(c.set.questions.every((q) => !/\{[a-z_0-9.]+\}/.test(q.question) && !/\{(?!asOf\})[a-z_0-9.]+\}/.test(q.sql)), `${c.industry.id}: an unfilled placeholder`);
    }
  });

  it('every module\'s question set applies to some composed industry (a set whose tables match none is never run)', () => {
    const applied = new Set(cases.flatMap((c) => c.modules));
    assert.deepEqual(sets.map((s) => s.module).filter((m) => !applied.has(m)), []);
  });

  for (const c of sample) {
    it(`${c.industry.id} (${c.modules.join('+')}): at least 85% right, none wrong, every unanswerable declined`, async () => {
      const report = await evaluateChatSet(c.blueprint, c.set, { profile: c.profile, scale: 0.1, seed: 42 });
      assert.deepEqual(report.questions.filter((q) => q.outcome === 'wrong').map((q) => `${q.question}: ${q.detail}`), []);
      const right = report.questions.filter((q) => q.outcome === 'right').length;
      assert.ok(right / report.questions.length >= 0.85, `${right}/${report.questions.length}: ${report.questions.filter((q) => q.outcome !== 'right').map((q) => q.question).join('; ')}`);
      assert.deepEqual(report.unanswerable.filter((u) => !u.declined).map((u) => `${u.question}: ${u.detail}`), []);
    });
  }
});
