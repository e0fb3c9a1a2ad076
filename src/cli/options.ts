import { STAGE_IDS } from '../core/stage-ids.js';
import { WAREHOUSE_KINDS } from '../domain/data-model.js';
import { RENDER_MODES, STRATEGIES } from '../pipeline/job-spec.js';
import { SAMPLE_SITES } from '../samples/serve-site.js';

/**
 * The command line, defined once. Commander parses with it and prints help from it; the README
 * tables are generated from it (test/cli-options.test.ts compares them with what commander
 * parses); the dashboard's new-job form takes its choices from it. Defaults and environment
 * fallbacks are applied by the commands' zod schemas (config/env.ts, run-options.ts): here they
 * are what help says, and a test holds the two together.
 */
export interface OptionDef {
  /** Commander flags: `--job-id <id>`, `--no-fallback`, `-h, --help`. */
  flags: string;
  description: string;
  /** The environment variable read when the flag is not given. */
  env?: string;
  /** The default, as a person reads it. */
  default?: string;
  /** The only values accepted; commander refuses others with exit status 2. */
  choices?: readonly string[];
}

/** What each choice means, for help, the README and the dashboard's form. */
export const CHOICE_LABELS: Record<string, Record<string, string>> = {
  strategy: { heuristic: 'rules and an industry blueprint library, offline', llm: 'Claude (needs ANTHROPIC_API_KEY)' },
  warehouse: { duckdb: 'a DuckDB file per dataset', bigquery: 'BigQuery and a Conversational Analytics data agent (needs GOOGLE_CLOUD_PROJECT)' },
};

export const OPTIONS = {
  jobId: { flags: '--job-id <id>', env: 'JOB_ID', default: 'a new id from the host name', description: 'job id (lowercase letters, digits, dashes); reusing one resumes from its checkpoints and replaces its dataset' },
  until: { flags: '--until <stage>', choices: STAGE_IDS, description: 'stop after this stage' },
  strategy: { flags: '--strategy <strategy>', choices: STRATEGIES, env: 'PROVISION_STRATEGY', default: 'llm when ANTHROPIC_API_KEY is set, else heuristic', description: 'how stages think: llm is Claude, heuristic is rules and an industry blueprint library' },
  warehouse: { flags: '--warehouse <warehouse>', choices: WAREHOUSE_KINDS, env: 'PROVISION_WAREHOUSE', default: 'duckdb', description: 'where the dataset goes: a DuckDB file, or BigQuery with a Conversational Analytics data agent (needs GOOGLE_CLOUD_PROJECT)' },
  scale: { flags: '--scale <factor>', env: 'PROVISION_SCALE', default: '1', description: "multiply every table's row count" },
  launchScale: { flags: '--scale <factor>', default: '1', description: 'multiply row counts (at most 100)' },
  stateDir: { flags: '--state-dir <dir>', env: 'PROVISION_STATE_DIR', default: '.provision', description: 'where status, warehouse files and job artifacts go' },
  allowPrivateNetwork: { flags: '--allow-private-network', env: 'PROVISION_ALLOW_PRIVATE_NETWORK', description: 'let the crawler fetch loopback and private addresses, which it refuses otherwise' },
  noFallback: { flags: '--no-fallback', env: 'PROVISION_NO_FALLBACK', description: "with llm: fail a stage whose Claude calls fail for good instead of letting the heuristic strategy produce it" },
  render: { flags: '--render <mode>', choices: RENDER_MODES, env: 'PROVISION_RENDER', default: 'auto', description: 'render pages in headless Chromium: auto (pages that run scripts and show little text), always (every page that runs a script; a page without scripts reads the same either way), or never' },
  callbackUrl: { flags: '--callback-url <url>', description: 'POST a signed JSON notice here when the job ends' },
  urlsFile: { flags: '--urls-file <file>', description: 'batch: one URL a line (or PROVISION_URLS); this task runs its share (CLOUD_RUN_TASK_INDEX of CLOUD_RUN_TASK_COUNT)' },
  site: { flags: '--site <name>', choices: SAMPLE_SITES, default: 'northwind-outfitters', description: 'the bundled sample site: northwind-outfitters (retail) or ledgerly (B2B SaaS)' },
  statusFilter: { flags: '--status <status>', choices: ['queued', 'running', 'completed', 'failed', 'cancelled'], description: 'only jobs in this state' },
  limit: { flags: '--limit <n>', default: '20', description: 'how many jobs to list' },
  host: { flags: '--host <host>', env: 'PROVISION_HOST', default: '127.0.0.1', description: 'interface to listen on' },
  port: { flags: '--port <port>', env: 'PORT', default: '8787', description: 'port to listen on' },
  idempotencyKey: { flags: '--idempotency-key <key>', description: 'the same key always names the same job (one URL only)' },
  chart: { flags: '--chart', description: 'also draw a ranking or a time series as Unicode bars' },
  json: { flags: '--json', description: 'print one machine-readable JSON document on stdout' },
} as const satisfies Record<string, OptionDef>;
export type OptionKey = keyof typeof OPTIONS;

/** One command of `provision`. */
export interface CommandDef {
  name: string;
  /** Commander arguments: `<url>`, `[jobId]`, `<url...>`. */
  args: string[];
  /** One line, for the command list. */
  summary: string;
  /** Paragraphs after the usage line. */
  details?: string;
  options: OptionKey[];
  /** After the options: exit status, environment. */
  epilog?: string;
}

const EXIT_RUN = `Exit status: 0 completed; 1 failed and retrying could help (rerun with the same --job-id to
resume); 2 failed and retrying will not help, or the command line was wrong.`;

export const COMMAND_DEFS: readonly CommandDef[] = [
  {
    name: 'demo',
    args: [],
    summary: 'serve a bundled sample company site on 127.0.0.1 and provision it end to end',
    details: `Serves a bundled sample company website on 127.0.0.1 and provisions it end to end on the
embedded defaults (heuristic strategy, DuckDB, SQLite): no account and no network needed.`,
    options: ['site', 'jobId', 'until', 'strategy', 'warehouse', 'scale', 'stateDir', 'noFallback', 'render', 'callbackUrl', 'json'],
    epilog: EXIT_RUN,
  },
  {
    name: 'run',
    args: ['[url]'],
    summary: 'run the seven-stage pipeline for one company in this process (the job binary)',
    details: `Runs ${STAGE_IDS.join(' → ')} for one company and prints the run summary.
Live progress goes to stderr on a terminal; JSON logs go to stderr otherwise, and always to
<state-dir>/jobs/<jobId>/logs.jsonl.

The URL may also come from CUSTOMER_URL, the job id from JOB_ID; a batch from --urls-file or
PROVISION_URLS (newlines or commas). Inside a Cloud Run task (CLOUD_RUN_EXECUTION set), a
failure that a retry cannot fix exits 0 after reporting job.failed, so the platform retries
only what could succeed; CLOUD_RUN_TASK_ATTEMPT > 0 resumes from the checkpoints.`,
    options: ['jobId', 'until', 'strategy', 'warehouse', 'scale', 'stateDir', 'allowPrivateNetwork', 'noFallback', 'render', 'callbackUrl', 'urlsFile', 'json'],
    epilog: EXIT_RUN,
  },
  {
    name: 'launch',
    args: ['<url...>'],
    summary: 'start jobs through the API (provision serve) and return at once',
    details: `Starts one job per URL through the provision API (POST /jobs on \`provision serve\`, whose
launcher runs it: a local process, or a Cloud Run Job execution) and returns at once with
the job ids. Follow them with \`provision status\` or the dashboard.`,
    options: ['strategy', 'warehouse', 'launchScale', 'callbackUrl', 'idempotencyKey', 'json'],
    epilog: `Unset, --strategy and --warehouse are decided by the environment of the job (jobs.yaml in the cloud).
The API: PROVISION_API_URL (default http://127.0.0.1:8787), PROVISION_API_TOKEN if it needs one.
Exit status: 0 all launched; 1 the API was unavailable or busy; 2 a URL was refused.`,
  },
  {
    name: 'cancel',
    args: ['<jobId>'],
    summary: 'stop a job through the API',
    details: `Asks the provision API to stop a job: SIGTERM to a local job process, cancelExecution for a
Cloud Run execution. The job reports job.cancelled itself; a job that had not started yet is
recorded as cancelled at once. PROVISION_API_URL and PROVISION_API_TOKEN as for launch.`,
    options: ['json'],
  },
  {
    name: 'status',
    args: ['[jobId]'],
    summary: "list jobs, or show one job's stages",
    details: 'Without a job id, lists the most recent jobs; with one, shows its seven stages.',
    options: ['statusFilter', 'limit', 'stateDir', 'json'],
  },
  {
    name: 'chat',
    args: ['<jobId>', '[question...]'],
    summary: "ask a job's data agent a question, or chat with it line by line",
    details: `Asks the job's data agent. With a question, prints the answer, the SQL it ran and up to 20
rows of the result. Without one, reads questions from stdin, one a line, in one conversation
(follow-up questions see the earlier ones) until exit, quit or the end of input; piped input
works too.

The local agent (DuckDB jobs) opens the dataset read-only and runs only single read-only
SELECT queries, at most 1,000 rows an answer. With ANTHROPIC_API_KEY set, Claude writes the
SQL from the agent's context; otherwise a golden question runs its validated SQL, and any
other question is compiled through the semantic layer (measures, dimensions, periods such as
"last month" or "in 2025", filters, top N, shares, trends, comparisons) and the answer says
what it computed; a question it cannot map is declined with what the data holds. BigQuery jobs ask the Conversational Analytics API agent
(GOOGLE_CLOUD_PROJECT, Google credentials; CAPI_API_ENDPOINT to point elsewhere).`,
    options: ['stateDir', 'chart', 'json'],
    epilog: `With --json: one document {jobId, agent, question, answer: {text, sql, columns, rows,
unanswered}}; without a question, one such document a line per question.
Exit status: 0 answered, also when the agent says it cannot answer (--json shows
unanswered: true); 1 the agent or the model failed and retrying may help; 2 no such job,
the job has no agent yet, or the command line was wrong.`,
  },
  {
    name: 'teardown',
    args: ['<jobId>'],
    summary: 'delete what a job provisioned (its data agent, dataset and data files)',
    details: `Deletes what the job provisioned: its data agent (the Conversational Analytics API agent, or
the local one), its dataset (BigQuery, or the DuckDB file) and its generated data files. The
job's status, logs and checkpoints stay, so its history remains and running it again with the
same --job-id provisions it again. BigQuery jobs need GOOGLE_CLOUD_PROJECT and Google
credentials (BIGQUERY_API_ENDPOINT and CAPI_API_ENDPOINT point elsewhere).`,
    options: ['stateDir', 'json'],
  },
  {
    name: 'serve',
    args: [],
    summary: 'the API and dashboard: trigger (POST /jobs), push subscriber, live status pages',
    details: `Runs until interrupted: the dashboard (GET /), the trigger API (POST /jobs, GET /jobs,
GET /jobs/:id, POST /jobs/:id/cancel), POST /pubsub/push (the Pub/Sub push subscriber,
which applies phase events to the status store idempotently) and GET /healthz. Job
processes reach it with PROVISION_PUSH_URL=<url>/pubsub/push (the local publisher, which
keeps events in an on-disk outbox while the service is down); on start it also delivers
what earlier jobs left in their outboxes.`,
    options: ['host', 'port', 'stateDir', 'json'],
    epilog: `Beyond loopback, PROVISION_PUSH_AUTH must be set: oidc (PROVISION_PUSH_AUDIENCE,
PROVISION_PUSH_SERVICE_ACCOUNT; PROVISION_PUSH_BEHIND_IAM=1 behind Cloud Run IAM) or none.`,
  },
];

export function commandDef(name: string): CommandDef {
  const def = COMMAND_DEFS.find((c) => c.name === name);
  if (!def) throw new Error(`no command ${name}`);
  return def;
}

/** The long flag of an option (`--job-id`), as the README and the parsed values name it. */
export function longFlag(def: OptionDef): string {
  return /--[a-z-]+/.exec(def.flags)?.[0] ?? def.flags;
}

/** `(choices: …; default: …; env: …)`, the same in help and the README. */
export function optionFacts(def: OptionDef): string[] {
  return [def.choices ? `choices: ${def.choices.join(', ')}` : '', def.default ? `default: ${def.default}` : '', def.env ? `env: ${def.env}` : ''].filter(Boolean);
}

/** The README's table of one command's options (markdown), generated from the definitions. */
export function optionsTable(name: string): string {
  const rows = commandDef(name).options.map((key) => {
    const def: OptionDef = OPTIONS[key];
    const facts = optionFacts(def);
    return `| \`${def.flags.replace(/\|/g, '\\|')}\` | ${def.description}${facts.length ? ` (${facts.join('; ')})` : ''} |`;
  });
  return ['| option | meaning |', '|---|---|', ...rows, '| `-h, --help` | show this command\'s help |'].join('\n');
}

/** The README's table of commands (markdown), generated from the definitions. */
export function commandsTable(): string {
  const rows = COMMAND_DEFS.map((c) => `| \`provision ${[c.name, ...c.args].join(' ')}\` | ${c.summary} |`);
  return ['| command | what it does |', '|---|---|', ...rows].join('\n');
}
