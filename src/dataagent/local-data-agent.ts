import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { CancelledError, RemoteServiceError, UserInputError } from '../core/errors.js';
import { AgentContextSchema, ProvisionedDatasetSchema, type AgentContext, type ProvisionedDataset } from '../domain/artifacts.js';
import type { Llm } from '../llm/llm.js';
import { openReadOnly, readOnlyQuery, type ReadOnlyDb, type ReadResult } from '../warehouse/duckdb-read-only.js';
import type { AgentAnswer, AgentConversation, DataAgentService, PublishedAgent } from './data-agent.js';
import { matchQuestion } from './match-question.js';
import { capabilities, planAnswer } from '../semantic/answer-question.js';
import { duckdbDialect } from '../warehouse/sql-dialect.js';
import { assertReadOnlySql } from './read-only-sql.js';

export interface LocalDataAgentOptions {
  /** Agents live at `<stateDir>/agents/<agentId>.json`. */
  stateDir: string;
  /** With a model, questions become SQL (text-to-SQL); without one, they are matched to the example questions. */
  llm?: Llm;
  /** Rows an answer keeps; the text says when there were more (default 1,000). */
  maxRows?: number;
  /** DuckDB's memory cap while answering: there is no "bytes billed" to cap locally (default 256MB). */
  memoryLimit?: string;
  /** A query still running after this long is interrupted (default 30 s). */
  queryTimeoutMs?: number;
  /** The lowest match score that still answers with an example (see match-question.ts). */
  matchThreshold?: number;
}

const AGENT_ID = /^[a-z0-9][a-z0-9_-]{0,127}$/i;

/**
 * With a semantic layer, only a near-verbatim example question runs its validated SQL: a looser
 * match answered "revenue last month" with the last 12 months' revenue. Anything else compiles.
 */
const VERIFIED_MATCH = 0.85;

const StoredAgentSchema = z.object({ agentId: z.string(), context: AgentContextSchema, dataset: ProvisionedDatasetSchema, updatedAt: z.string() });
type StoredAgent = z.infer<typeof StoredAgentSchema>;

/** What the model returns for a question. */
const SqlAnswerSchema = z.object({
  sql: z.string().describe('One read-only DuckDB SELECT (or WITH … SELECT) query that answers the question; empty when the data cannot answer it.'),
  explanation: z.string().describe('One or two plain sentences: what the query computes, or why the data cannot answer.'),
});

const RULES = `You answer questions about one company's data by writing exactly one DuckDB SQL query over the tables described below.
Rules:
- One read-only query: SELECT, or WITH … SELECT. Never INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, COPY, ATTACH, PRAGMA, SET, INSTALL or LOAD; never read files or URLs (read_csv, read_parquet, read_json, glob).
- Use the table and column names exactly as given; prefer the glossary's definitions and follow the example queries' patterns and date handling.
- Return aggregated, readable results with clear column aliases; LIMIT long lists (at most 100 rows).
- When the tables cannot answer the question, return an empty sql and say why in the explanation.
The data agent's context (YAML):
`;

export type { ReadResult } from '../warehouse/duckdb-read-only.js';

interface Turn {
  question: string;
  sql?: string;
  text: string;
}

/** The dataset file on the one hardened read-only path; a failure to open is the agent's. */
async function openDataset(file: string, memoryLimit: string): Promise<ReadOnlyDb> {
  try {
    return await openReadOnly(file, { memoryLimit, threads: 2 });
  } catch (err) {
    if (err instanceof RemoteServiceError) throw new RemoteServiceError('agent_error', err.message, { cause: err });
    throw err;
  }
}

/** A value for a sentence or a table cell. */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '';
}

function formatValue(v: unknown): string {
  return v === null || v === undefined ? '(empty)' : displayValue(v);
}

/** One sentence about a result: its only row, or how many rows and the first. Pure. */
export function summarizeResult(result: ReadResult, maxRows: number): string {
  const describe = (row: unknown[]): string => result.columns.map((c, i) => `${c} ${formatValue(row[i])}`).join(', ');
  const [first] = result.rows;
  if (!first) return 'The query returned no rows.';
  if (result.rows.length === 1 && !result.truncated) return `${result.columns.map((c, i) => `${c}: ${formatValue(first[i])}`).join(', ')}.`;
  const count = result.truncated ? `More than ${maxRows.toLocaleString('en-US')} rows (showing the first ${maxRows.toLocaleString('en-US')})` : `${result.rows.length} rows`;
  return `${count}; the first: ${describe(first)}.`;
}

/** `provision-<jobId>` → the job id, for messages. */
function jobOf(agentId: string): string {
  return agentId.replace(/^provision-/, '');
}

/**
 * The embedded data agent: the published context is a JSON file under the state directory,
 * and questions are answered over the DuckDB dataset file opened read-only. With a model, a
 * question becomes SQL (one repair round on an SQL error); without one, it is matched to the
 * closest example question, whose validated SQL runs.
 */
export class LocalDataAgent implements DataAgentService {
  readonly kind = 'local' as const;
  private readonly dir: string;

  constructor(private readonly options: LocalDataAgentOptions) {
    this.dir = join(resolve(options.stateDir), 'agents');
  }

  private file(agentId: string): string {
    if (!AGENT_ID.test(agentId)) throw new UserInputError('validation_failed', `"${agentId}" is not a valid agent id (letters, digits, - and _).`);
    return join(this.dir, `${agentId}.json`);
  }

  async publish(agentId: string, context: AgentContext, dataset: ProvisionedDataset): Promise<PublishedAgent> {
    if (dataset.warehouse !== 'duckdb') throw new RemoteServiceError('agent_error', `The local agent ${agentId} answers over DuckDB files; dataset ${dataset.name} is in BigQuery.`);
    const file = this.file(agentId);
    const created = !existsSync(file);
    const stored: StoredAgent = { agentId, context, dataset, updatedAt: new Date().toISOString() };
    await mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(stored, null, 2));
    await rename(tmp, file);
    return { name: `local/${agentId}`, created };
  }

  async converse(agentId: string): Promise<AgentConversation> {
    const file = this.file(agentId);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (err) {
      throw new RemoteServiceError('agent_error', `No agent for job ${jobOf(agentId)} (${file} is missing); run the job first.`, { cause: err });
    }
    const parsed = StoredAgentSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new RemoteServiceError('agent_error', `The agent file ${file} is damaged; run the job again to republish it.`);
    const stored = parsed.data;
    if (!existsSync(stored.dataset.location)) {
      throw new RemoteServiceError('agent_error', `The dataset of agent ${agentId} (${stored.dataset.location}) is gone; run the job again to provision it.`);
    }
    return new LocalConversation(stored, this.options);
  }

  exists(agentId: string): Promise<boolean> {
    return Promise.resolve(existsSync(this.file(agentId)));
  }

  async delete(agentId: string): Promise<boolean> {
    const file = this.file(agentId);
    const existed = existsSync(file);
    await rm(file, { force: true });
    return existed;
  }
}

class LocalConversation implements AgentConversation {
  readonly id = randomUUID();
  private readonly turns: Turn[] = [];
  private readonly maxRows: number;

  constructor(
    private readonly agent: StoredAgent,
    private readonly options: LocalDataAgentOptions,
  ) {
    this.maxRows = options.maxRows ?? 1000;
  }

  async ask(question: string, options: { signal?: AbortSignal } = {}): Promise<AgentAnswer> {
    const asked = question.trim();
    if (!asked) return { text: 'Ask a question about the data.', columns: [], rows: [], unanswered: true };
    const db = await openDataset(this.agent.dataset.location, this.options.memoryLimit ?? '256MB');
    try {
      const answer = this.options.llm ? await this.askModel(this.options.llm, db.conn, asked, options.signal) : await this.askExamples(db.conn, asked, options.signal);
      this.turns.push({ question: asked, ...(answer.sql ? { sql: answer.sql } : {}), text: answer.text });
      return answer;
    } finally {
      db.close();
    }
  }

  private run(conn: DuckDBConnection, sql: string, signal: AbortSignal | undefined): Promise<ReadResult> {
    return readOnlyQuery(conn, sql, { maxRows: this.maxRows, timeoutMs: this.options.queryTimeoutMs ?? 30_000, ...(signal ? { signal } : {}) });
  }

  /**
   * Without a model: a question that is (nearly) an example question runs its validated SQL;
   * any other is compiled through the semantic layer and says what it computed; one that
   * cannot be mapped is declined with what the data holds, never answered as another question.
   * Agents published before the semantic layer keep matching example questions.
   */
  private async askExamples(conn: DuckDBConnection, question: string, signal: AbortSignal | undefined): Promise<AgentAnswer> {
    const { context } = this.agent;
    const semantic = context.semantic && context.asOf ? { model: context.semantic, asOf: context.asOf } : undefined;
    const threshold = this.options.matchThreshold ?? (semantic ? VERIFIED_MATCH : undefined);
    const { match, ranked } = matchQuestion(question, context, threshold === undefined ? {} : { threshold });
    if (match) {
      const sql = assertReadOnlySql(match.sql);
      const result = await this.run(conn, sql, signal);
      const how = match.score >= 0.999 ? `This is the example question "${match.question}".` : `Answered as the example question "${match.question}" (match ${Math.round(match.score * 100)}%).`;
      return { text: `${summarizeResult(result, this.maxRows)}\n${how}`, sql, columns: result.columns, rows: result.rows };
    }
    const suggestions = ranked.slice(0, 3).map((r) => `- ${r.question}`);
    if (!semantic) {
      return {
        text: [`I can't answer "${question}" from this dataset: it does not match any question I know how to answer.`, 'Try one of these:', ...suggestions].join('\n'),
        columns: [],
        rows: [],
        unanswered: true,
      };
    }
    const plan = planAnswer(question, semantic.model, semantic.asOf, duckdbDialect(semantic.asOf));
    if (plan.kind === 'decline') {
      return {
        text: [`I can't answer "${question}" from this dataset: ${plan.reason}`, capabilities(semantic.model), 'Or try one of these:', ...suggestions].join('\n'),
        columns: [],
        rows: [],
        unanswered: true,
      };
    }
    const sql = assertReadOnlySql(plan.sql);
    const result = await this.run(conn, sql, signal);
    return { text: `${summarizeResult(result, this.maxRows)}\nComputed: ${plan.description}.`, sql, columns: result.columns, rows: result.rows };
  }

  /** With a model: text-to-SQL over the published context, checked read-only, one repair round on an SQL error. */
  private async askModel(llm: Llm, conn: DuckDBConnection, question: string, signal: AbortSignal | undefined): Promise<AgentAnswer> {
    const system = [{ text: `${RULES}${this.agent.context.systemInstruction}`, cache: true }];
    const history = this.turns.slice(-6).map((t) => `Q: ${t.question}\n${t.sql ? `SQL: ${t.sql}\n` : ''}A: ${t.text}`);
    let user = history.length ? `Earlier in this conversation:\n${history.join('\n\n')}\n\nNow answer: ${question}` : question;

    for (let attempt = 0; ; attempt++) {
      const { value } = await llm.generate({
        stage: 'agent',
        system,
        user,
        schema: SqlAnswerSchema,
        name: 'sql_answer',
        description: 'The SQL query that answers the question, and a short explanation.',
        maxTokens: 2000,
        ...(signal ? { signal } : {}),
      });
      if (!value.sql.trim()) {
        return { text: value.explanation || 'The data cannot answer that question.', columns: [], rows: [], unanswered: true };
      }
      let sql: string;
      try {
        sql = assertReadOnlySql(value.sql);
      } catch (err) {
        // A write is not a mistake to repair: the question asked for something this agent never does.
        if (err instanceof UserInputError) return { text: `I did not run the query I was given. ${err.message}`, columns: [], rows: [], unanswered: true };
        throw err;
      }
      try {
        const result = await this.run(conn, sql, signal);
        return { text: `${value.explanation.trim()}\n${summarizeResult(result, this.maxRows)}`.trim(), sql, columns: result.columns, rows: result.rows };
      } catch (err) {
        if (err instanceof CancelledError || signal?.aborted) throw err;
        if (err instanceof UserInputError) return { text: `I did not run the query I was given. ${err.message}`, columns: [], rows: [], unanswered: true };
        if (!(err instanceof RemoteServiceError) || err.code !== 'warehouse_error') throw err;
        if (attempt >= 1) return { text: `The query failed, also after one correction: ${err.message}`, sql, columns: [], rows: [], unanswered: true };
        user = `${user}\n\nYour query:\n${sql}\nfailed in DuckDB with:\n${err.message}\nReturn a corrected query.`;
      }
    }
  }
}
