import { STAGE_IDS } from '../core/stage-ids.js';

export const MAIN_HELP = `provision: turn a company's website into a ready-to-present conversational-analytics demo.

Usage: provision <command> [options]

Commands:
  demo                 Serve a bundled sample company site on 127.0.0.1 and provision it end to end
  run <url>            Run the seven-stage pipeline for one company in this process (the job binary)
  launch <url…>        Start jobs through the API (provision serve) and return at once
  cancel <jobId>       Stop a job through the API
  status [jobId]       List jobs, or show one job's stages
  chat <jobId> [q]     Ask a job's data agent a question, or chat with it line by line
  teardown <jobId>     Delete what a job provisioned (its dataset and data files)
  serve                The API and dashboard: trigger (POST /jobs), push subscriber, live status pages
  help [command]       Show help for a command

Every command accepts --json (one JSON document on stdout) and --help.
Stages: ${STAGE_IDS.join(' → ')}
State lives in .provision/ (or --state-dir / PROVISION_STATE_DIR).`;

const RUN_OPTIONS = `  --job-id <id>              Job id (lowercase letters, digits, dashes). Reusing one resumes
                             from its checkpoints and replaces its dataset. Default: a new id.
  --until <stage>            Stop after this stage (${STAGE_IDS.join(', ')})
  --strategy <s>             heuristic (default; offline rules) or llm (not in this build yet)
  --warehouse <w>            duckdb (default; a file per dataset) or bigquery (not in this build yet)
  --scale <factor>           Multiply every table's row count (default 1)
  --state-dir <dir>          Where status, warehouse files and job artifacts go (default .provision)
  --allow-private-network    Let the crawler fetch loopback and private addresses (off by default)
  --callback-url <url>       POST a signed JSON notice here when the job ends
  --urls-file <file>         Batch: one URL a line; this task runs its share
                             (CLOUD_RUN_TASK_INDEX of CLOUD_RUN_TASK_COUNT)
  --json                     Print the run summary as one JSON document on stdout
  -h, --help                 Show this help`;

export const RUN_HELP = `Usage: provision run <url> [options]

Runs research → story → model → data → provision → agent → validate for one company and
prints the run summary. Live progress goes to stderr on a terminal; JSON logs go to stderr
otherwise, and always to <state-dir>/jobs/<jobId>/logs.jsonl.

The URL may also come from CUSTOMER_URL, the job id from JOB_ID; a batch from --urls-file or
PROVISION_URLS (newlines or commas). Inside a Cloud Run task (CLOUD_RUN_EXECUTION set), a
failure that a retry cannot fix exits 0 after reporting job.failed, so the platform retries
only what could succeed; CLOUD_RUN_TASK_ATTEMPT > 0 resumes from the checkpoints.

Options:
${RUN_OPTIONS}

Exit status: 0 completed; 1 failed and retrying could help (rerun with the same --job-id to
resume); 2 failed and retrying will not help, or the command line was wrong.`;

export const DEMO_HELP = `Usage: provision demo [options]

Serves a bundled sample company website on 127.0.0.1 and provisions it end to end on the
embedded defaults (heuristic strategy, DuckDB, SQLite): no account and no network needed.

Options:
  --site <name>              northwind-outfitters (retail, default) or ledgerly (B2B SaaS)
${RUN_OPTIONS.split('\n').filter((l) => !/--allow-private-network|--urls-file|CLOUD_RUN_TASK/.test(l)).join('\n')}`;

export const STATUS_HELP = `Usage: provision status [jobId] [options]

Without a job id, lists the most recent jobs; with one, shows its seven stages.

Options:
  --status <s>               Only jobs in this state (queued, running, completed, failed, cancelled)
  --limit <n>                How many jobs to list (default 20)
  --state-dir <dir>          State directory (default .provision)
  --json                     Print JSON
  -h, --help                 Show this help`;

export const SERVE_HELP = `Usage: provision serve [options]

Runs until interrupted: the dashboard (GET /), the trigger API (POST /jobs, GET /jobs,
GET /jobs/:id, POST /jobs/:id/cancel), POST /pubsub/push (the Pub/Sub push subscriber,
which applies phase events to the status store idempotently) and GET /healthz. Job
processes reach it with PROVISION_PUSH_URL=<url>/pubsub/push (the local publisher, which
keeps events in an on-disk outbox while the service is down); on start it also delivers
what earlier jobs left in their outboxes.

Options:
  --host <host>              Interface to listen on (default 127.0.0.1; PROVISION_HOST)
  --port <port>              Port (default 8787; PORT)
  --state-dir <dir>          State directory (default .provision)
  --json                     Print {"url": ...} once listening
  -h, --help                 Show this help

Beyond loopback, PROVISION_PUSH_AUTH must be set: oidc (PROVISION_PUSH_AUDIENCE,
PROVISION_PUSH_SERVICE_ACCOUNT) or none.`;

export const LAUNCH_HELP = `Usage: provision launch <url…> [options]

Starts one job per URL through the provision API (POST /jobs on \`provision serve\`, whose
launcher runs it: a local process, or a Cloud Run Job execution) and returns at once with
the job ids. Follow them with \`provision status\` or the dashboard.

Options:
  --strategy <s>             heuristic (default)
  --scale <factor>           Multiply row counts (default 1)
  --callback-url <url>       POST a signed JSON notice here when each job ends
  --idempotency-key <key>    The same key always names the same job (one URL only)
  --json                     Print {"jobs": [...]}
  -h, --help                 Show this help

The API: PROVISION_API_URL (default http://127.0.0.1:8787), PROVISION_API_TOKEN if it needs one.
Exit status: 0 all launched; 1 the API was unavailable or busy; 2 a URL was refused.`;

export const CANCEL_HELP = `Usage: provision cancel <jobId> [--json]

Asks the provision API to stop a job: SIGTERM to a local job process, cancelExecution for a
Cloud Run execution. The job reports job.cancelled itself; a job that had not started yet is
recorded as cancelled at once. PROVISION_API_URL and PROVISION_API_TOKEN as for launch.`;

export const TEARDOWN_HELP = `Usage: provision teardown <jobId> [--state-dir <dir>] [--json]

Deletes what the job provisioned: its data agent (the Conversational Analytics API agent, or
the local one), its dataset (BigQuery, or the DuckDB file) and its generated data files. The
job's status, logs and checkpoints stay, so its history remains and running it again with the
same --job-id provisions it again. BigQuery jobs need GOOGLE_CLOUD_PROJECT and Google
credentials (BIGQUERY_API_ENDPOINT and CAPI_API_ENDPOINT point elsewhere).`;

export const CHAT_HELP = `Usage: provision chat <jobId> [question] [--state-dir <dir>] [--json] [--chart]

Asks the job's data agent. With a question, prints the answer, the SQL it ran and up to 20
rows of the result. Without one, reads questions from stdin, one a line, in one conversation
(follow-up questions see the earlier ones) until exit, quit or the end of input; piped input
works too.

The local agent (DuckDB jobs) opens the dataset read-only and runs only single read-only
SELECT queries, at most 1,000 rows an answer. With ANTHROPIC_API_KEY set, Claude writes the
SQL from the agent's context; otherwise a golden question runs its validated SQL, and any
other question is compiled through the semantic layer (measures, dimensions, periods such as
"last month" or "in 2025", filters, top N, shares, trends, comparisons) and the answer says
what it computed. A question it cannot map is declined with what the data holds. BigQuery jobs need the Conversational Analytics API agent.

Options:
  --state-dir <dir>          State directory (default .provision)
  --chart                    Also draw a ranking or a time series as Unicode bars
  --json                     One JSON document: {jobId, agent, question, answer: {text, sql,
                             columns, rows, unanswered}}; without a question, one such
                             document a line per question
  -h, --help                 Show this help

Exit status: 0 answered, also when the agent says it cannot answer (--json shows
unanswered: true); 1 the agent or the model failed and retrying may help; 2 no such job,
the job has no agent yet, or the command line was wrong.`;
