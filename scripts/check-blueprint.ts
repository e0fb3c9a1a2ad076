// Checks industry blueprints: generates their data, loads it into DuckDB, runs every golden
// query and prints what came back.
// Usage: node --import tsx scripts/check-blueprint.ts [id...] [--file src/blueprints/x.ts] [--scale N] [--seed N] [--quiet]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Blueprint } from '../src/blueprints/blueprint.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { verifyBlueprint } from '../src/blueprints/verify-blueprint.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '42' }, quiet: { type: 'boolean', default: false }, file: { type: 'string' } },
});
let chosen: readonly Blueprint[] = positionals.length > 0 ? BLUEPRINTS.filter((b) => positionals.includes(b.id)) : BLUEPRINTS;
if (values.file) {
  // A blueprint not yet registered in the library: every exported Blueprint of the file.
  const mod = (await import(pathToFileURL(resolve(values.file)).href)) as Record<string, unknown>;
  chosen = Object.values(mod).filter((v): v is Blueprint => typeof v === 'object' && v !== null && 'questions' in v && 'tables' in v);
}
let bad = 0;
for (const bp of chosen) {
  const started = performance.now();
  const report = await verifyBlueprint(bp, { scale: Number(values.scale), seed: Number(values.seed) });
  const ms = Math.round(performance.now() - started);
  console.log(`\n== ${bp.id} (${bp.label}) in ${ms} ms: ${report.tables.map((t) => `${t.name}=${t.rows}`).join(' ')}`);
  for (const p of report.problems) console.log(`  PROBLEM ${p}`);
  for (const q of report.queries) {
    console.log(`  ${q.ok ? 'ok  ' : 'FAIL'} ${q.id} ${q.question} -> ${q.rows} rows${q.problem ? ` (${q.problem})` : ''}`);
    if (!values.quiet) for (const r of q.firstRows.slice(0, 4)) console.log(`         ${JSON.stringify(r)}`);
  }
  if (report.problems.length > 0 || report.queries.some((q) => !q.ok)) bad++;
}
console.log(`\n${chosen.length - bad} of ${chosen.length} blueprints pass`);
process.exitCode = bad > 0 ? 1 : 0;
