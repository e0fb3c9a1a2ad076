#!/usr/bin/env node
// The CLI entry: registers tsx so the TypeScript sources run without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit explicitly: a stray handle must never keep a finished job's container alive.
process.exit(code);
