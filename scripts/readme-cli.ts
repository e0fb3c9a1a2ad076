// Regenerates the README's command and option tables from src/cli/options.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { regenerateReadme } from '../src/cli/readme-tables.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = regenerateReadme(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'README.md: the CLI tables are current\n' : 'README.md: CLI tables regenerated\n');
