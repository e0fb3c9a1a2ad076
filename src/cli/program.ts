import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import { STAGE_IDS } from '../core/stage-ids.js';
import { UsageError } from './exit-status.js';
import type { CliIO } from './io.js';
import { COMMAND_DEFS, OPTIONS, longFlag, optionFacts, type CommandDef, type OptionDef } from './options.js';

/** The version users see, from package.json rather than a copy that drifts. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What a command's parse yields: its operands, and the options given on the command line, by long flag (`job-id`, `no-fallback`). */
export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

const defsByOption = new WeakMap<Option, OptionDef>();

/**
 * Help from the definitions: choices, default and environment variable after each option. Commander's
 * own `env()` and `default()` are not used because they read `process.env` and fill values in,
 * while the commands read the environment they are given (tests pass their own) through zod.
 */
class DefinedHelp extends Help {
  override optionDescription(option: Option): string {
    const def = defsByOption.get(option);
    if (!def) return super.optionDescription(option);
    const facts = optionFacts(def);
    return facts.length ? `${def.description} (${facts.join('; ')})` : def.description;
  }
}

function configure(cmd: Command, io: CliIO): Command {
  // Commander must neither exit nor print errors itself: only bin/ exits, and main prints
  // usage errors the one way (exit status 2).
  cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  cmd.helpOption('-h, --help', "show this command's help");
  cmd.createHelp = () => Object.assign(new DefinedHelp(), cmd.configureHelp());
  return cmd;
}

/** Paragraphs as single lines: commander wraps them to the terminal's width. */
function unwrap(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s*\n\s*/g, ' '))
    .join('\n\n');
}

function addCommand(program: Command, def: CommandDef, io: CliIO, onParsed: (name: string, parsed: ParsedCommand) => void): void {
  const cmd = new Command(def.name).summary(def.summary).description(unwrap(def.details ?? def.summary));
  configure(cmd, io);
  for (const a of def.args) cmd.argument(a);
  for (const key of def.options) {
    const optionDef: OptionDef = OPTIONS[key];
    const option = new Option(optionDef.flags, optionDef.description);
    if (optionDef.choices) option.choices(optionDef.choices);
    defsByOption.set(option, optionDef);
    cmd.addOption(option);
  }
  if (def.epilog) cmd.addHelpText('after', `\n${def.epilog}`);
  // The commands check their operands themselves, with messages that say what to do.
  cmd.allowExcessArguments(true);
  cmd.action((...args: unknown[]) => {
    const self = args[args.length - 1] as Command;
    const values: ParsedCommand['values'] = {};
    for (const option of self.options) {
      const attribute = option.attributeName();
      if (self.getOptionValueSource(attribute) !== 'cli') continue;
      const value = self.getOptionValue(attribute) as string | boolean | undefined;
      // `--no-fallback` sets fallback=false in commander; the commands read `no-fallback: true`.
      values[longFlag(defsByOption.get(option) ?? { flags: option.flags, description: '' }).slice(2)] = option.negate ? true : value;
    }
    onParsed(def.name, { positionals: [...self.args], values });
  });
  program.addCommand(cmd);
}

/**
 * The whole `provision` program, for parsing and help. `onParsed` receives the command that was
 * parsed; nothing runs inside commander (the commands are async and return exit statuses).
 */
export function buildProgram(io: CliIO, onParsed: (name: string, parsed: ParsedCommand) => void = () => undefined): Command {
  const program = new Command('provision')
    .description(`Turn a company's website into a ready-to-present conversational-analytics demo.\n\nStages: ${STAGE_IDS.join(' → ')}\nState lives in .provision/ (or --state-dir / PROVISION_STATE_DIR).`)
    .version(`provision ${VERSION}`, '-v, --version', 'print the version');
  configure(program, io);
  program.addHelpText('after', '\nEvery command accepts --json (one JSON document on stdout) and --help.');
  program.helpCommand('help [command]', 'show help for a command');
  for (const def of COMMAND_DEFS) addCommand(program, def, io, onParsed);
  return program;
}

/** A commander refusal as our usage error (exit 2), in commander's words without its prefix. */
function usageErrorFrom(err: CommanderError): UsageError {
  return new UsageError(err.message.replace(/^error: /, ''));
}

/**
 * Parses one command's arguments with commander. Returns the parse, or an exit status when
 * commander answered by itself (help: 0). Usage errors throw {@link UsageError}.
 */
export function parseCommand(name: string, args: string[], io: CliIO): ParsedCommand | { exit: number } {
  let parsed: ParsedCommand | undefined;
  const program = buildProgram(io, (_, p) => (parsed = p));
  try {
    program.parse([name, ...args], { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.exitCode === 0) return { exit: 0 };
    throw usageErrorFrom(err);
  }
  return parsed ?? { exit: 0 };
}

/**
 * Runs the program for what is not a command: help, help <command>, --version, and unknown
 * commands (a usage error). Returns the exit status.
 */
export function runProgram(argv: string[], io: CliIO): number {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 0;
  }
  try {
    program.parse(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.exitCode === 0) return 0;
    throw usageErrorFrom(err);
  }
}
