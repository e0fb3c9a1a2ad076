import { anthropicSettingsFrom, capiDataAgent, googleSettingsFrom, loadAnthropicLlm } from '../../app/cloud-clients.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { agentNameFor } from '../../agents/agent/build-context.js';
import { parseJobEnv } from '../../config/env.js';
import { ProvisionError } from '../../core/errors.js';
import type { AgentAnswer, AgentConversation, DataAgentService } from '../../dataagent/data-agent.js';
import { displayValue, LocalDataAgent } from '../../dataagent/local-data-agent.js';
import { AgentContextSchema, ProvisionedDatasetSchema, type ProvisionedDataset } from '../../domain/artifacts.js';
import type { Llm } from '../../llm/llm.js';
import { createLogger, jsonLineSink } from '../../logging/logger.js';
import { chartFor } from '../../semantic/chart.js';
import { datasetNameFor, JobIdSchema } from '../../pipeline/job-spec.js';
import { UsageError } from '../exit-status.js';
import { parseCommand } from '../program.js';
import { printJson, type CliIO } from '../io.js';

/** The job a chat is about, as its manifest (`jobs/<jobId>/job.json`) describes it. */
export interface ChatJob {
  jobId: string;
  warehouse: 'duckdb' | 'bigquery';
  stateDir: string;
}

/**
 * What `chat` is wired with. The composition root (or a test) passes these; the defaults are
 * the embedded ones.
 */
export interface ChatDeps {
  /**
   * The cloud data agent (the Conversational Analytics API) for a job provisioned into
   * BigQuery, e.g. `(job, env) => new CapiDataAgent({ projectId: env.GOOGLE_CLOUD_PROJECT, … })`.
   * The pipeline published that agent as `agentNameFor(jobId)`. Without it, chat refuses
   * BigQuery jobs.
   */
  cloudAgent?: (job: ChatJob, env: NodeJS.ProcessEnv) => DataAgentService | Promise<DataAgentService>;
  /** The model of the local agent. Default: Claude when ANTHROPIC_API_KEY is set; `null` forces example matching. */
  llm?: Llm | null;
}

/** Rows a person sees in the terminal; `--json` has all the answer kept. */
const SHOWN_ROWS = 20;
const CELL_WIDTH = 40;

/** A job that is not there, or not far enough along to chat with: exit 2, said plainly. */
class NotReady extends Error {
  constructor(
    readonly code: 'not_found' | 'not_ready',
    message: string,
  ) {
    super(message);
  }
}

function readJob(stateDir: string, jobId: string): ChatJob {
  const manifest = join(stateDir, 'jobs', jobId, 'job.json');
  if (!existsSync(manifest)) throw new NotReady('not_found', `No job ${jobId} in ${stateDir}.`);
  const spec = JSON.parse(readFileSync(manifest, 'utf8')) as { warehouse?: string };
  return { jobId, stateDir, warehouse: spec.warehouse === 'bigquery' ? 'bigquery' : 'duckdb' };
}

/** The dataset the job provisioned: its checkpoint when there is one, else where the job always puts it. */
function datasetOf(job: ChatJob): ProvisionedDataset {
  const checkpoint = join(job.stateDir, 'jobs', job.jobId, 'checkpoints', 'provision.json');
  if (existsSync(checkpoint)) {
    const parsed = ProvisionedDatasetSchema.safeParse((JSON.parse(readFileSync(checkpoint, 'utf8')) as { output?: unknown }).output);
    if (parsed.success) return parsed.data;
  }
  const name = datasetNameFor(job.jobId);
  return { name, location: join(job.stateDir, 'warehouse', `${name}.duckdb`), warehouse: 'duckdb', tables: [] };
}

/** Claude for text-to-SQL when a key is set; the SDK is imported only then (it takes a third of a second). */
async function defaultLlm(io: CliIO): Promise<Llm | undefined> {
  const settings = anthropicSettingsFrom(parseJobEnv(io.env));
  if (!settings) return undefined;
  return loadAnthropicLlm(settings, createLogger([jsonLineSink((line) => io.stderr.write(line))], { level: 'WARNING' }));
}

/**
 * The data agent of a job, published and ready: the cloud one for a BigQuery job (through
 * `deps.cloudAgent`), else the local one over the job's DuckDB file, republished from the
 * job's current agent context so it always answers from what the job last produced.
 */
/** The CAPI agent of a BigQuery job, from the environment (GOOGLE_CLOUD_PROJECT, CAPI_API_ENDPOINT). */
function cloudAgentFromEnv(job: ChatJob, env: NodeJS.ProcessEnv): Promise<DataAgentService> {
  const google = googleSettingsFrom(parseJobEnv(env));
  if (!google) throw new UsageError(`job ${job.jobId} is in BigQuery: chatting with its Conversational Analytics API data agent needs GOOGLE_CLOUD_PROJECT and Google credentials (CAPI_API_ENDPOINT to point elsewhere).`);
  return capiDataAgent(google);
}

export async function agentFor(job: ChatJob, io: CliIO, deps: ChatDeps = {}): Promise<{ service: DataAgentService; agentId: string; name: string; mode: string }> {
  const agentId = agentNameFor(job.jobId);
  if (job.warehouse === 'bigquery') {
    const service = deps.cloudAgent ? await deps.cloudAgent(job, io.env) : await cloudAgentFromEnv(job, io.env);
    return { service, agentId, name: agentId, mode: 'Conversational Analytics API' };
  }
  const contextFile = join(job.stateDir, 'jobs', job.jobId, 'agent', 'agent-context.json');
  if (!existsSync(contextFile)) {
    throw new NotReady('not_ready', `Job ${job.jobId} has no data agent yet: it has not finished its agent stage. Run it to the end first (provision run <url> --job-id ${job.jobId}).`);
  }
  const dataset = datasetOf(job);
  if (!existsSync(dataset.location)) {
    throw new NotReady('not_ready', `The dataset of job ${job.jobId} (${dataset.location}) is gone, torn down perhaps. Run the job again to provision it.`);
  }
  const context = AgentContextSchema.parse(JSON.parse(readFileSync(contextFile, 'utf8')));
  const llm = deps.llm === null ? undefined : (deps.llm ?? (await defaultLlm(io)));
  const service = new LocalDataAgent({ stateDir: job.stateDir, ...(llm ? { llm } : {}) });
  const { name } = await service.publish(agentId, context, dataset);
  return { service, agentId, name, mode: llm ? 'text-to-SQL with Claude' : 'compiling questions through the semantic layer' };
}

function cell(v: unknown, decimals: number): string {
  const text = typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : displayValue(v);
  const line = text.replace(/\s+/g, ' ');
  return line.length > CELL_WIDTH ? `${line.slice(0, CELL_WIDTH - 1)}…` : line;
}

/** Rows as an aligned text table: numbers to the right, at most `limit` rows, then how many more. Pure. */
export function formatTable(columns: string[], rows: unknown[][], limit = SHOWN_ROWS): string {
  if (columns.length === 0) return '';
  const shown = rows.slice(0, limit);
  const numeric = columns.map((_, i) => shown.length > 0 && shown.every((r) => r[i] === null || typeof r[i] === 'number'));
  // One number of decimals per column, so that the points line up.
  const decimals = columns.map((_, i) => Math.min(4, Math.max(0, ...shown.map((r) => (typeof r[i] === 'number' ? (String(r[i]).split('.')[1]?.length ?? 0) : 0)))));
  const texts = shown.map((r) => columns.map((_, i) => cell(r[i], decimals[i] ?? 0)));
  const widths = columns.map((c, i) => Math.max(c.length, ...texts.map((t) => (t[i] ?? '').length)));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...texts.map(line)];
  if (rows.length > shown.length) out.push(`… ${(rows.length - shown.length).toLocaleString('en-US')} more rows`);
  if (rows.length === 0) out.push('(no rows)');
  return out.join('\n');
}

/** An answer for a person: the text, the SQL, the rows, and with `chart` a chart of a ranking or a time series. */
export function formatAnswer(answer: AgentAnswer, options: { chart?: boolean } = {}): string {
  const parts = [answer.text];
  if (answer.sql) parts.push(`SQL:\n${answer.sql.replace(/^/gm, '  ')}`);
  const table = formatTable(answer.columns, answer.rows);
  if (table && !answer.unanswered) parts.push(table);
  const chart = options.chart && !answer.unanswered ? chartFor(answer.columns, answer.rows) : undefined;
  if (chart) parts.push(chart);
  return parts.join('\n\n');
}

function answerJson(jobId: string, agent: string, question: string, answer: AgentAnswer): unknown {
  return { jobId, agent, question, answer: { text: answer.text, sql: answer.sql ?? null, columns: answer.columns, rows: answer.rows, unanswered: answer.unanswered === true } };
}

/** Reads questions a line at a time until exit, quit or the end of input; one conversation throughout. */
async function repl(conversation: AgentConversation, job: ChatJob, agent: { name: string; mode: string }, io: CliIO, json: boolean, chart = false): Promise<number> {
  const input = io.stdin ?? process.stdin;
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, ...(interactive ? { output: io.stdout, prompt: '> ' } : {}), terminal: interactive });
  const onAbort = (): void => rl.close();
  io.signal.addEventListener('abort', onAbort, { once: true });
  // A terminal's Ctrl+C reaches readline, not the process: it ends the chat like exit.
  rl.on('SIGINT', () => {
    io.stdout.write('\n');
    rl.close();
  });
  try {
    if (interactive) {
      io.stderr.write(`Chatting with ${agent.name} about job ${job.jobId} (${agent.mode}). Type exit or quit to leave.\n`);
      rl.prompt();
    }
    for await (const raw of rl) {
      const question = raw.trim();
      if (question === 'exit' || question === 'quit') break;
      if (question) {
        try {
          const answer = await conversation.ask(question, { signal: io.signal });
          if (json) io.stdout.write(`${JSON.stringify(answerJson(job.jobId, agent.name, question, answer))}\n`);
          else io.stdout.write(`${formatAnswer(answer, { chart })}\n\n`);
        } catch (err) {
          // One failed question does not end the conversation.
          if (!(err instanceof ProvisionError) || io.signal.aborted) throw err;
          io.stderr.write(`provision: [${err.code}] ${err.message}\n`);
        }
      }
      if (interactive) rl.prompt();
    }
    return 0;
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    rl.close();
  }
}

/**
 * `provision chat <jobId> [question]`: asks the job's data agent. With a question, prints
 * one answer (text, SQL, rows); without, reads questions from stdin until exit, quit or
 * the end of input. An unanswered question is an answer, not an error: exit 0, and --json
 * says `unanswered: true`.
 */
export async function runChat(args: string[], io: CliIO, deps: ChatDeps = {}): Promise<number> {
  const parsed = parseCommand('chat', args, io);
  if ('exit' in parsed) return parsed.exit;
  const { positionals } = parsed;
  const values = parsed.values as { 'state-dir'?: string; json?: boolean; chart?: boolean };
  const id = JobIdSchema.safeParse(positionals[0]);
  if (!id.success) throw new UsageError('chat takes a job id, then optionally a question: provision chat <jobId> ["question"].');
  const jobId = id.data;
  const question = positionals.slice(1).join(' ').trim();
  const stateDir = resolve(values['state-dir'] ?? parseJobEnv(io.env).PROVISION_STATE_DIR);
  const json = values.json === true;
  const chart = values.chart === true;

  let job: ChatJob;
  let agent: Awaited<ReturnType<typeof agentFor>>;
  try {
    job = readJob(stateDir, jobId);
    agent = await agentFor(job, io, deps);
  } catch (err) {
    if (!(err instanceof NotReady)) throw err;
    if (json) printJson(io, { jobId, error: { code: err.code, message: err.message } });
    else io.stderr.write(`provision: ${err.message}\n`);
    return 2;
  }
  const conversation = await agent.service.converse(agent.agentId, { signal: io.signal });
  if (!question) return repl(conversation, job, agent, io, json, chart);
  const answer = await conversation.ask(question, { signal: io.signal });
  if (json) printJson(io, answerJson(jobId, agent.name, question, answer));
  else io.stdout.write(`${formatAnswer(answer, { chart })}\n`);
  return 0;
}

export function chatCommand(args: string[], io: CliIO): Promise<number> {
  return runChat(args, io);
}
