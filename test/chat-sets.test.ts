import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { evaluateChatSet, readChatSet } from '../src/semantic/evaluate-chat-set.js';

const dir = join(import.meta.dirname, 'fixtures', 'chat-sets');

// Each preset's test set, written before the parser was tuned, against a real DuckDB generated
// from the blueprint: at least 85% right, none wrong (a wrong answer is worse than a decline),
// every unanswerable question declined. `npm run bench:chat` prints the same figures.
describe('offline chat on the industry test sets', () => {
  for (const bp of BLUEPRINTS) {
    it(`${bp.id}: answers at least 85% of its test set right, none wrong, and declines the unanswerable`, async () => {
      const file = join(dir, `${bp.id}.json`);
      assert.ok(existsSync(file), `no test set for ${bp.id}`);
      const set = readChatSet(file);
      assert.ok(set.questions.length >= 20);
      const golden = new Set(bp.questions.map((q) => q.question.toLowerCase()));
      assert.ok(set.questions.every((q) => !golden.has(q.question.toLowerCase())), 'a golden question in the test set');
      const report = await evaluateChatSet(bp, set);
      const wrong = report.questions.filter((q) => q.outcome === 'wrong');
      assert.deepEqual(wrong.map((q) => `${q.question}: ${q.detail}`), []);
      const right = report.questions.filter((q) => q.outcome === 'right').length;
      assert.ok(right / report.questions.length >= 0.85, `${right}/${report.questions.length}: ${report.questions.filter((q) => q.outcome !== 'right').map((q) => q.question).join('; ')}`);
      assert.deepEqual(report.unanswerable.filter((u) => !u.declined).map((u) => `${u.question}: ${u.detail}`), []);
    });
  }
});
