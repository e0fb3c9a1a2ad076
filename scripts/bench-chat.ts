// Accuracy of the offline chat on the industry test sets: the presets' own sets
// (test/fixtures/chat-sets/<preset>.json) and, with --composed, every composed industry's set
// built from the questions of its modules (test/fixtures/chat-sets/modules). For each,
// questions answered right / declined / wrong against the reference SQL, and whether every
// unanswerable question was declined.
// Usage: node --import tsx scripts/bench-chat.ts [industry...] [--composed | --all] [--verbose]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { composedChatCases } from '../src/semantic/composed-chat-sets.js';
import { evaluateChatSet, readChatSet, type ChatSetReport } from '../src/semantic/evaluate-chat-set.js';
import { readModuleChatSets } from '../src/semantic/module-chat-sets.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', default: false }, composed: { type: 'boolean', default: false }, all: { type: 'boolean', default: false } },
});
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'chat-sets');
const rows: string[][] = [];
let bad = 0;

function record(id: string, report: ChatSetReport, note = ''): void {
  const n = report.questions.length;
  const right = report.questions.filter((q) => q.outcome === 'right').length;
  const declined = report.questions.filter((q) => q.outcome === 'declined').length;
  const wrong = report.questions.filter((q) => q.outcome === 'wrong').length;
  const refused = report.unanswerable.filter((u) => u.declined).length;
  const ok = n >= 20 && right / n >= 0.85 && wrong === 0 && refused === report.unanswerable.length;
  if (!ok) bad++;
  rows.push([id, `${right}/${n} (${Math.round((100 * right) / n)}%)`, String(declined), String(wrong), `${refused}/${report.unanswerable.length}`, ok ? 'ok' : 'BELOW', note]);
  if (values.verbose) {
    for (const q of report.questions) if (q.outcome !== 'right') console.log(`  ${q.outcome.toUpperCase()} [${id}] ${q.question}\n     ${q.detail}${q.sql ? `\n     ${q.sql.replace(/\n/g, ' ')}` : ''}`);
    for (const u of report.unanswerable) if (!u.declined) console.log(`  ANSWERED-UNANSWERABLE [${id}] ${u.question}: ${u.detail}`);
  }
}

if (!values.composed || values.all) {
  for (const bp of BLUEPRINTS) {
    if (positionals.length && !positionals.includes(bp.id)) continue;
    const file = join(dir, `${bp.id}.json`);
    if (!existsSync(file)) {
      rows.push([bp.id, '-', '-', '-', '-', 'no test set', '']);
      continue;
    }
    record(bp.id, await evaluateChatSet(bp, readChatSet(file)));
  }
}
if (values.composed || values.all) {
  for (const c of composedChatCases(readModuleChatSets(join(dir, 'modules')), positionals)) {
    record(c.industry.id, await evaluateChatSet(c.blueprint, c.set, { profile: c.profile, scale: 0.25 }), c.modules.join('+'));
  }
}
const header = ['industry', 'right', 'declined', 'wrong', 'unanswerable declined', '', 'modules'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
process.exitCode = bad > 0 ? 1 : 0;
