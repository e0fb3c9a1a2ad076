// Checks industry blueprints: generates their data, loads it into DuckDB, runs every golden
// query and prints what came back.
// Usage: node --import tsx scripts/check-blueprint.ts [id...] [--file src/blueprints/x.ts] [--scale N] [--seed N | --seeds 1..5] [--quiet]
// Every golden question must declare an insight; each is checked on its query's result, for every seed of --seeds.
// Every taxonomy industry without a preset is checked too, as the composition of its modules
// (`composed:<id>`; name an industry id to check only it; --no-compositions skips them).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Blueprint } from '../src/blueprints/blueprint.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { defaultProfile, verifyBlueprint } from '../src/blueprints/verify-blueprint.js';
import { compose } from '../src/compose/compose.js';
import { GENERAL_INDUSTRY, INDUSTRIES } from '../src/taxonomy/industries.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { help: { type: 'boolean', short: 'h', default: false }, scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '42' }, seeds: { type: 'string' }, quiet: { type: 'boolean', default: false }, file: { type: 'string' }, 'no-compositions': { type: 'boolean', default: false } },
});
if (values.help) {
  console.log(`Usage: node --import tsx scripts/check-blueprint.ts [id...] [options]

Generates each blueprint's data (the nine presets, then every taxonomy industry composed from its
modules as composed:<id>), loads it into DuckDB, runs every golden query and checks its insights.

  id...                 only these preset ids or industry ids (e.g. retail government brewery)
  --seeds A..B | A,B,C  seeds to check (default: --seed)
  --seed N              one seed (default 42)
  --scale N             data scale (default 1)
  --quiet               print only failures and the totals
  --no-compositions     presets only
  --file F              every Blueprint exported by F instead of the library

Exits 1 if any run has a problem, a failing query, a broken insight or a question without one.`);
  process.exit(0);
}
let chosen: readonly Blueprint[] = positionals.length > 0 ? BLUEPRINTS.filter((b) => positionals.includes(b.id)) : BLUEPRINTS;
if (values.file) {
  // A blueprint not yet registered in the library: every exported Blueprint of the file.
  const mod = (await import(pathToFileURL(resolve(values.file)).href)) as Record<string, unknown>;
  chosen = Object.values(mod).filter((v): v is Blueprint => typeof v === 'object' && v !== null && 'questions' in v && 'tables' in v);
}
function seedList(): number[] {
  if (!values.seeds) return [Number(values.seed)];
  const range = /^(\d+)\.\.(\d+)$/.exec(values.seeds);
  if (range) {
    const out: number[] = [];
    for (let s = Number(range[1]); s <= Number(range[2]); s++) out.push(s);
    return out;
  }
  return values.seeds.split(',').map(Number);
}
// Industries without a curated preset are composed from their modules, with their typical values.
const composable = [...INDUSTRIES, GENERAL_INDUSTRY].filter((i) => i.preset === undefined && (positionals.length === 0 || positionals.includes(i.id)));
if (!values['no-compositions'] && !values.file) {
  chosen = [
    ...chosen,
    ...composable.map((industry) => {
      const probe = compose(industry, { ...defaultProfile(BLUEPRINTS[0]!), products: [], customerSegments: [], regions: [] }).blueprint;
      return compose(industry, { ...defaultProfile(probe), industry: { id: industry.id, label: industry.label, naics: industry.naics, confidence: 1 } }).blueprint;
    }),
  ];
}
const seeds = seedList();
let bad = 0;
let insights = 0;
for (const bp of chosen) {
  for (const seed of seeds) {
    const started = performance.now();
    const report = await verifyBlueprint(bp, { scale: Number(values.scale), seed });
    const ms = Math.round(performance.now() - started);
    console.log(`\n== ${bp.id} (${bp.label}) seed ${seed} in ${ms} ms: ${report.tables.map((t) => `${t.name}=${t.rows}`).join(' ')}`);
    for (const p of report.problems) console.log(`  PROBLEM ${p}`);
    for (const q of report.queries) {
      console.log(`  ${q.ok ? 'ok  ' : 'FAIL'} ${q.id} ${q.question} -> ${q.rows} rows${q.problem ? ` (${q.problem})` : ''}`);
      for (const c of q.insights ?? []) {
        insights++;
        if (!values.quiet || !c.holds) console.log(`         ${c.holds ? 'holds' : 'BROKEN'}: ${c.claim}; ${c.observed}`);
      }
      if (!values.quiet) for (const r of q.firstRows.slice(0, 4)) console.log(`         ${JSON.stringify(r)}`);
    }
    // Every golden question's insight is a claim the story makes: each must be checkable.
    const unchecked = report.model.goldenSql.filter((g) => (g.insights?.length ?? 0) === 0).map((g) => g.questionId);
    if (unchecked.length > 0) console.log(`  PROBLEM ${unchecked.join(', ')} declare no checkable insight; every golden question needs one`);
    if (report.problems.length > 0 || report.queries.some((q) => !q.ok) || unchecked.length > 0) bad++;
  }
}
console.log(`\n${chosen.length * seeds.length - bad} of ${chosen.length * seeds.length} blueprint runs pass (${chosen.length} blueprints and compositions x ${seeds.length} seeds; ${insights} insight checks)`);
process.exitCode = bad > 0 ? 1 : 0;
