// Runs the whole pipeline (heuristic strategy, DuckDB) on every real company site in
// ../shared/real-sites and prints, per site, the status, industry, golden queries and claims.
// Run from the project root: node scripts/check-real-sites.mjs [--scale N]
// (../shared/tools/real-sites-research.mjs checks research only; this checks the whole demo.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const sitesDir = path.resolve('..', 'shared', 'real-sites');
const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt > 0 ? process.argv[scaleAt + 1] : undefined;
const expected = JSON.parse(fs.readFileSync(path.join(sitesDir, 'expected.json'), 'utf8'));
const server = spawn(process.execPath, [path.resolve('..', 'shared', 'tools', 'serve-sites.mjs'), sitesDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const urls = await new Promise((resolve, reject) => {
  let buf = '';
  server.stdout.on('data', (d) => {
    buf += d;
    if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]));
  });
  server.once('exit', () => reject(new Error('site server exited')));
});
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-sites-full-'));
let complete = 0;
for (const want of expected) {
  const args = ['bin/provision.js', 'run', urls[want.slug], '--json', '--allow-private-network', '--strategy', 'heuristic', '--state-dir', stateDir, ...(scale ? ['--scale', scale] : [])];
  const out = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ANTHROPIC_API_KEY: '', NO_COLOR: '1' } });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('close', () => resolve(text));
  });
  let doc = null;
  try {
    doc = JSON.parse(out);
  } catch {
    // Printed below as no summary.
  }
  const g = doc?.goldenQueries;
  const ok = doc?.status === 'completed' && g && g.failed === 0 && g.total > 0;
  if (ok) complete++;
  console.log(`${ok ? 'ok  ' : 'MISS'} ${want.slug}: ${doc ? `${doc.status}, ${doc.profile?.industry}, golden ${g?.passed}/${g?.total}, ${doc.claims?.line ?? 'no claims line'}, ${Math.round(doc.durationMs)} ms${doc.error ? ` [${doc.error.code}]` : ''}` : 'no JSON summary'}`);
}
server.kill('SIGTERM');
fs.rmSync(stateDir, { recursive: true, force: true });
console.log(`real sites: ${complete}/${expected.length} complete with every golden query passing`);
