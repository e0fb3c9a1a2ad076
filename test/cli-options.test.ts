import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { main } from '../src/cli/main.js';
import { COMMAND_DEFS, OPTIONS, longFlag, type OptionDef } from '../src/cli/options.js';
import { buildProgram, parseCommand, VERSION } from '../src/cli/program.js';
import { regenerateReadme } from '../src/cli/readme-tables.js';
import { resolveRunOptions } from '../src/cli/run-options.js';
import type { CliIO } from '../src/cli/io.js';
import { parseJobEnv } from '../src/config/env.js';
import { newJobBody } from '../src/dashboard/pages.js';
import { CreateJobSchema } from '../src/server/trigger.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function memoryIO(env: NodeJS.ProcessEnv = {}): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void): NodeJS.WriteStream => ({ write: (s: string) => (append(String(s)), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  return { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), env, signal: new AbortController().signal, out: () => out, err: () => err };
}

/** The flags the README documents for a command, from its generated table. */
function documentedFlags(command: string): string[] {
  const block = new RegExp(`<!-- cli:options:${command} -->\\n([\\s\\S]*?)<!-- /cli:options:${command} -->`).exec(readme)?.[1];
  assert.ok(block, `README documents the options of ${command}`);
  return [...block.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => (m[1] ?? '').split(/[ ,]/)).map((parts) => parts.find((p) => p.startsWith('--')) ?? '').sort();
}

describe('the command line, defined once', () => {
  it('the README tables are the ones generated from the definitions (npm run readme)', () => {
    assert.equal(regenerateReadme(readme), readme);
  });

  it('every command parses exactly the options its README table documents', () => {
    const program = buildProgram(memoryIO());
    for (const def of COMMAND_DEFS) {
      const cmd = program.commands.find((c) => c.name() === def.name);
      assert.ok(cmd, def.name);
      const parsed = [...(cmd.options).map((o) => o.long ?? ''), '--help'].sort();
      assert.deepEqual(documentedFlags(def.name), parsed, def.name);
      assert.ok(readme.includes(`| \`provision ${[def.name, ...def.args].join(' ')}\` |`), `README lists ${def.name}`);
    }
  });

  it("each command's help comes from commander and names every option with its choices and environment variable", async () => {
    for (const def of COMMAND_DEFS) {
      const io = memoryIO();
      assert.equal(await main([def.name, '--help'], io), 0);
      assert.match(io.out(), new RegExp(`^Usage: provision ${def.name} `));
      for (const key of def.options) {
        const option: OptionDef = OPTIONS[key];
        assert.ok(io.out().includes(longFlag(option)), `${def.name} --help shows ${longFlag(option)}`);
        // Commander wraps the help to the terminal's width.
        if (option.env) assert.ok(io.out().replace(/\s+/g, ' ').includes(`env: ${option.env}`), `${def.name} --help names ${option.env}`);
      }
      const viaHelp = memoryIO();
      assert.equal(await main(['help', def.name], viaHelp), 0);
      assert.equal(viaHelp.out(), io.out(), `provision help ${def.name} is ${def.name} --help`);
    }
    const top = memoryIO();
    assert.equal(await main(['--help'], top), 0);
    for (const def of COMMAND_DEFS) assert.match(top.out(), new RegExp(`^  ${def.name}\\b`, 'm'));
    assert.doesNotMatch(top.out() + readme, /not in this build/);
  });

  it('shows llm, bigquery, --no-fallback and --render in run --help, and the version from package.json', async () => {
    const io = memoryIO();
    await main(['run', '--help'], io);
    const help = io.out().replace(/\s+/g, ' ');
    assert.match(help, /choices: heuristic, llm/);
    assert.match(help, /choices: duckdb, bigquery/);
    assert.match(help, /--no-fallback/);
    assert.match(help, /--render <mode> .*\(choices: auto, always, never; default: auto; env: PROVISION_RENDER\)/);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
    const version = memoryIO();
    assert.equal(await main(['--version'], version), 0);
    assert.equal(version.out(), `provision ${pkg.version}\n`);
  });

  it('refuses a value outside the choices, an unknown option and an unknown command with exit status 2 and nothing on stdout', async () => {
    for (const args of [['run', 'https://example.com', '--render', 'sometimes'], ['run', 'https://example.com', '--warehouse', 'oracle'], ['status', '--status', 'lost'], ['chat', '--bogus', 'x'], ['frobnicate'], ['cancel']]) {
      const io = memoryIO();
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.equal(io.out(), '', args.join(' '));
      assert.match(io.err(), /^provision: .+\nRun `provision .*--help` for usage\.\n$/);
    }
  });

  it('parses --render and --no-fallback into the run options, flags over environment over defaults', () => {
    const parsed = parseCommand('run', ['https://example.com', '--render', 'always', '--no-fallback', '--scale', '2'], memoryIO());
    assert.ok(!('exit' in parsed));
    assert.deepEqual(parsed.positionals, ['https://example.com']);
    assert.deepEqual(parsed.values, { render: 'always', 'no-fallback': true, scale: '2' });
    const options = resolveRunOptions(parsed.values, parseJobEnv({ PROVISION_RENDER: 'never' }));
    assert.equal(options.render, 'always');
    assert.equal(options.noFallback, true);
    assert.equal(resolveRunOptions({}, parseJobEnv({ PROVISION_RENDER: 'never' })).render, 'never');
  });

  it('applies the defaults and environment variables that help documents', () => {
    const defaults = resolveRunOptions({}, parseJobEnv({}));
    const byKey: Record<string, unknown> = { render: defaults.render, warehouse: defaults.warehouse, scale: String(defaults.scale), stateDir: defaults.stateDir };
    for (const [key, value] of Object.entries(byKey)) assert.equal(value, (OPTIONS[key as keyof typeof OPTIONS] as OptionDef).default, key);
    const fromEnv = resolveRunOptions({}, parseJobEnv({ PROVISION_RENDER: 'never', PROVISION_SCALE: '3', PROVISION_STATE_DIR: '/tmp/x', JOB_ID: 'env-job', PROVISION_NO_FALLBACK: '1', PROVISION_ALLOW_PRIVATE_NETWORK: '1' }));
    assert.deepEqual([fromEnv.render, fromEnv.scale, fromEnv.stateDir, fromEnv.jobId, fromEnv.noFallback, fromEnv.allowPrivateNetwork], ['never', 3, '/tmp/x', 'env-job', true, true]);
  });
});

describe("the dashboard's new-job form", () => {
  it('offers every strategy and warehouse the trigger accepts, none disabled', () => {
    const form = newJobBody({}).value;
    assert.doesNotMatch(form, /disabled|not in this build/);
    for (const [field, values] of [['strategy', ['heuristic', 'llm']], ['warehouse', ['duckdb', 'bigquery']]] as const) {
      const offered = [...(new RegExp(`<select id="${field}"[^>]*>([\\s\\S]*?)</select>`).exec(form)?.[1] ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(offered, [...values], field);
      for (const value of offered) assert.ok(CreateJobSchema.safeParse({ url: 'https://www.example.com', options: { [field]: value } }).success, `${field}=${String(value)}`);
    }
    assert.match(newJobBody({ warehouse: 'bigquery' }).value, /<option value="bigquery" selected>/);
  });
});
