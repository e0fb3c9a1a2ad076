import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { runChat, type ChatDeps } from '../src/cli/commands/chat.js';
import type { CliIO } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { RemoteServiceError } from '../src/core/errors.js';
import type { AgentAnswer, DataAgentService } from '../src/dataagent/data-agent.js';
import { compareResults } from '../src/dataagent/compare-results.js';
import { LocalDataAgent } from '../src/dataagent/local-data-agent.js';
import { matchQuestion } from '../src/dataagent/match-question.js';
import { AgentContextSchema, type AgentContext } from '../src/domain/artifacts.js';
import { ScriptedLlm } from '../src/llm/scripted-llm.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { plainValue } from '../src/warehouse/duckdb-warehouse.js';
import { tempDir } from './helpers/tmp.js';

const JOB = 'chat-northwind';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/** The CLI in this process, with no model key: the local agent matches example questions. */
async function cli(args: string[], options: { stdin?: string[]; deps?: ChatDeps } = {}): Promise<Ran> {
  const out = collector();
  const err = collector();
  const io: CliIO = {
    stdout: out.stream,
    stderr: err.stream,
    env: { PROVISION_LOG: 'file' },
    signal: new AbortController().signal,
    ...(options.stdin ? { stdin: Readable.from(options.stdin) } : {}),
  };
  const code = options.deps ? await runChat(args.slice(1), io, options.deps) : await main(args, io);
  return { code, stdout: out.text(), stderr: err.text() };
}

interface ChatJson {
  jobId: string;
  agent: string;
  question: string;
  answer: { text: string; sql: string | null; columns: string[]; rows: unknown[][]; unanswered: boolean };
}

async function readOnlyQuery(file: string, sqls: string[]): Promise<Array<{ columns: string[]; rows: unknown[][] }>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const out = [];
    for (const sql of sqls) {
      const reader = await conn.runAndReadAll(sql);
      out.push({ columns: reader.columnNames(), rows: reader.getRowsJS().map((r) => r.map((v, i) => plainValue(v, reader.columnTypeId(i)))) });
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('provision chat, on a job run end to end over the sample site', () => {
  const stateDir = tempDir('provision-chat-');
  let site: ServedSite;
  let context: AgentContext;
  let datasetFile: string;

  before(async () => {
    site = await serveSample('northwind-outfitters');
    const run = await cli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', JOB]);
    assert.equal(run.code, 0, run.stderr);
    datasetFile = (JSON.parse(run.stdout) as { dataset: { location: string } }).dataset.location;
    context = AgentContextSchema.parse(JSON.parse(readFileSync(join(stateDir, 'jobs', JOB, 'agent', 'agent-context.json'), 'utf8')));
  });
  after(() => site.close());

  it('answers every golden question with exactly the rows of its golden SQL', async () => {
    assert.ok(context.exampleQueries.length >= 10);
    const expected = await readOnlyQuery(datasetFile, context.exampleQueries.map((e) => e.sql));
    for (const [i, example] of context.exampleQueries.entries()) {
      const ran = await cli(['chat', JOB, example.question, '--json', '--state-dir', stateDir]);
      assert.equal(ran.code, 0, ran.stderr);
      const doc = JSON.parse(ran.stdout) as ChatJson;
      assert.equal(doc.agent, `local/provision-${JOB}`);
      assert.equal(doc.answer.unanswered, false, example.question);
      assert.equal(doc.answer.sql?.trim(), example.sql.trim());
      assert.deepEqual(doc.answer.columns, expected[i]?.columns, example.question);
      // Rows that tie on a query's ORDER BY may come back in any order: compare them as a multiset.
      const sorted = (rows: unknown[][] | undefined): string[] => (rows ?? []).map((r) => JSON.stringify(r)).sort();
      assert.deepEqual(sorted(doc.answer.rows), sorted(expected[i]?.rows), example.question);
      assert.ok(doc.answer.rows.length > 0);
    }
  });

  it('answers a paraphrase through the semantic layer with the rows of the example it means, and says what it computed', async () => {
    const ran = await cli(['chat', JOB, 'what are the top categories by sales', '--json', '--state-dir', stateDir]);
    assert.equal(ran.code, 0, ran.stderr);
    const doc = JSON.parse(ran.stdout) as ChatJson;
    const meant = context.exampleQueries.find((e) => /categories generate the most revenue/i.test(e.question));
    assert.ok(meant);
    assert.equal(doc.answer.unanswered, false);
    const [expected] = await readOnlyQuery(datasetFile, [meant.sql]);
    assert.ok(expected);
    assert.ok(compareResults(expected, { columns: doc.answer.columns, rows: doc.answer.rows }).match, JSON.stringify(doc.answer));
    assert.match(doc.answer.text, /\nComputed: revenue \(cancelled orders excluded\), by category, highest first\.$/);
  });

  it('answers a question near an example as that question, never as the example (issue 19)', async () => {
    const lastMonth = await cli(['chat', JOB, 'What was revenue last month?', '--json', '--state-dir', stateDir]);
    const doc = JSON.parse(lastMonth.stdout) as ChatJson;
    assert.equal(doc.answer.unanswered, false);
    assert.match(doc.answer.text, /Computed: revenue \(cancelled orders excluded\), 1–\d+ \w+ 20\d\d by order date\./);
    const customers = JSON.parse((await cli(['chat', JOB, 'how many customers do we have?', '--json', '--state-dir', stateDir])).stdout) as ChatJson;
    const [count] = await readOnlyQuery(datasetFile, ['SELECT COUNT(*) FROM customers']);
    assert.deepEqual(customers.answer.rows, count?.rows);
    const salary = JSON.parse((await cli(['chat', JOB, 'How much does our CEO earn?', '--json', '--state-dir', stateDir])).stdout) as ChatJson;
    assert.equal(salary.answer.unanswered, true);
    assert.match(salary.answer.text, /"ceo"/);
    assert.match(salary.answer.text, /Measures: revenue, /);
  });

  it('says plainly that it cannot answer an unrelated question, offers three it can, and exits 0', async () => {
    const ran = await cli(['chat', JOB, 'what is the weather in Paris', '--json', '--state-dir', stateDir]);
    assert.equal(ran.code, 0, ran.stderr);
    const doc = JSON.parse(ran.stdout) as ChatJson;
    assert.equal(doc.answer.unanswered, true);
    assert.equal(doc.answer.sql, null);
    assert.deepEqual(doc.answer.rows, []);
    assert.match(doc.answer.text, /^I can't answer "what is the weather in Paris"/);
    const offered = doc.answer.text.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(offered.length, 3);
    for (const line of offered) assert.ok(context.exampleQueries.some((e) => `- ${e.question}` === line), line);
  });

  it('prints an answer for a person: the text, the SQL and an aligned table of at most 20 rows', async () => {
    // Every month of the data: as many rows as the JSON answer has.
    const months = (JSON.parse((await cli(['chat', JOB, 'show me the monthly sales trend', '--json', '--state-dir', stateDir])).stdout) as ChatJson).answer.rows.length;
    assert.ok(months > 22);
    const ran = await cli(['chat', JOB, 'show me the monthly sales trend', '--state-dir', stateDir]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, new RegExp(`^${months} rows; the first: month 20\\d\\d-\\d\\d-01, revenue [\\d,.]+\\.`));
    assert.match(ran.stdout, /\nSQL:\n {2}SELECT CAST\(DATE_TRUNC\('month'/);
    const lines = ran.stdout.trimEnd().split('\n');
    const header = lines.findIndex((l) => /^month\s+revenue$/.test(l));
    assert.ok(header > 0, ran.stdout);
    const body = lines.slice(header + 2, header + 22);
    assert.equal(body.length, 20);
    // Right-aligned numbers end in the same column.
    assert.equal(new Set(body.map((l) => l.length)).size, 1, body.join('\n'));
    assert.equal(lines[header + 22], `… ${months - 20} more rows`);
  });

  it('draws a ranking as bars with --chart', async () => {
    const ran = await cli(['chat', JOB, 'revenue by region', '--chart', '--state-dir', stateDir]);
    assert.equal(ran.code, 0, ran.stderr);
    const chart = ran.stdout.slice(ran.stdout.indexOf('revenue by region_name'));
    const bars = chart.split('\n').slice(1).filter((l) => l.includes('█'));
    assert.ok(bars.length >= 3, ran.stdout);
    // Highest first, and the longest bar is the first.
    assert.ok((bars[0]?.match(/█/g)?.length ?? 0) >= (bars[1]?.match(/█/g)?.length ?? 0));
  });

  it('chats over piped stdin: two questions in one conversation, quit ends it', async () => {
    const ran = await cli(['chat', JOB, '--json', '--state-dir', stateDir], {
      stdin: ['how many orders did we get in the past 30 days\n', '\n', 'revenue split by channel\n', 'quit\n', 'which region has the most customers\n'],
    });
    assert.equal(ran.code, 0, ran.stderr);
    assert.doesNotMatch(ran.stdout, /^> /m, 'no prompt when stdin is not a terminal');
    const docs = ran.stdout.trim().split('\n').map((l) => JSON.parse(l) as ChatJson);
    assert.deepEqual(docs.map((d) => d.question), ['how many orders did we get in the past 30 days', 'revenue split by channel']);
    assert.ok(docs.every((d) => !d.answer.unanswered && d.answer.rows.length > 0));
    assert.deepEqual(docs[1]?.answer.columns, ['channel', 'revenue', 'share_pct']);
  });

  it('exits 2 for a job that does not exist, and for one that has not reached its agent stage', async () => {
    const missing = await cli(['chat', 'no-such-job', 'how many orders?', '--state-dir', stateDir]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No job no-such-job in /);
    assert.equal(missing.stdout, '');

    const early = await cli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'chat-early', '--until', 'model']);
    assert.equal(early.code, 0, early.stderr);
    const notReady = await cli(['chat', 'chat-early', 'how many orders?', '--json', '--state-dir', stateDir]);
    assert.equal(notReady.code, 2);
    assert.match((JSON.parse(notReady.stdout) as { error: { message: string } }).error.message, /has no data agent yet/);
  });

  it('leaves a BigQuery job to the cloud agent: refused without one, answered through the seam with one', async () => {
    mkdirSync(join(stateDir, 'jobs', 'chat-bq'), { recursive: true });
    writeFileSync(join(stateDir, 'jobs', 'chat-bq', 'job.json'), JSON.stringify({ jobId: 'chat-bq', url: 'https://example.com/', warehouse: 'bigquery' }));
    const refused = await cli(['chat', 'chat-bq', 'how many orders?', '--state-dir', stateDir]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /Conversational Analytics API.*GOOGLE_CLOUD_PROJECT/);

    const asked: string[] = [];
    const cloud: DataAgentService = {
      kind: 'capi',
      publish: () => Promise.reject(new Error('chat does not publish cloud agents')),
      exists: () => Promise.resolve(true),
      delete: () => Promise.resolve(false),
      converse: (agentId) =>
        Promise.resolve({
          id: 'conversation-1',
          ask: (q: string): Promise<AgentAnswer> => {
            asked.push(`${agentId}: ${q}`);
            return Promise.resolve({ text: 'Forty-two orders.', sql: 'SELECT 42 AS orders', columns: ['orders'], rows: [[42]] });
          },
        }),
    };
    const ran = await cli(['chat', 'chat-bq', 'how many orders?', '--json', '--state-dir', stateDir], { deps: { cloudAgent: () => cloud } });
    assert.equal(ran.code, 0, ran.stderr);
    assert.deepEqual(asked, ['provision-chat-bq: how many orders?']);
    assert.deepEqual((JSON.parse(ran.stdout) as ChatJson).answer.rows, [[42]]);
  });

  describe('text-to-SQL with a model', () => {
    const ask = async (llm: ScriptedLlm, question: string): Promise<ChatJson> => {
      const ran = await cli(['chat', JOB, question, '--json', '--state-dir', stateDir], { deps: { llm } });
      assert.equal(ran.code, 0, ran.stderr);
      return JSON.parse(ran.stdout) as ChatJson;
    };

    it("runs the model's SQL, asked with the agent's context as a cacheable system prompt", async () => {
      const llm = new ScriptedLlm([{ stage: 'agent', value: { sql: 'SELECT COUNT(*) AS customers FROM customers;', explanation: 'Counts every customer.' } }]);
      const doc = await ask(llm, 'How many customers do we have?');
      const [direct] = await readOnlyQuery(datasetFile, ['SELECT COUNT(*) AS customers FROM customers']);
      assert.equal(doc.answer.unanswered, false);
      assert.equal(doc.answer.sql, 'SELECT COUNT(*) AS customers FROM customers');
      assert.deepEqual(doc.answer.rows, direct?.rows);
      assert.match(doc.answer.text, /^Counts every customer\.\ncustomers: [\d,]+\.$/);
      const [request] = llm.requests;
      assert.equal(request?.stage, 'agent');
      assert.equal(request?.system[0]?.cache, true);
      assert.ok(request?.system[0]?.text.includes(context.systemInstruction));
      assert.equal(request?.user, 'How many customers do we have?');
    });

    it('refuses a DROP TABLE the model wrote, never runs it, and does not ask again', async () => {
      const [before] = await readOnlyQuery(datasetFile, ['SELECT COUNT(*) FROM orders']);
      const llm = new ScriptedLlm([
        { stage: 'agent', value: { sql: 'DROP TABLE orders', explanation: 'Removes the orders.' } },
        { stage: 'agent', value: { sql: 'SELECT 1', explanation: 'unused' } },
      ]);
      const doc = await ask(llm, 'Please delete all the orders');
      assert.equal(doc.answer.unanswered, true);
      assert.equal(doc.answer.sql, null);
      assert.match(doc.answer.text, /did not run.*starts with DROP/s);
      assert.equal(llm.requests.length, 1);
      const [afterwards] = await readOnlyQuery(datasetFile, ['SELECT COUNT(*) FROM orders']);
      assert.deepEqual(afterwards?.rows, before?.rows);
      assert.ok(Number(afterwards?.rows[0]?.[0]) > 0);
    });

    it('repairs once after an SQL error, showing the model its query and the error', async () => {
      const llm = new ScriptedLlm([
        { stage: 'agent', value: { sql: 'SELECT SUM(revenue) AS revenue FROM orders', explanation: 'Sums revenue.' } },
        { stage: 'agent', value: { sql: "SELECT ROUND(SUM(line_total), 2) AS revenue FROM order_items", explanation: 'Sums line totals.' } },
      ]);
      const doc = await ask(llm, 'What is our all-time revenue?');
      assert.equal(doc.answer.unanswered, false);
      assert.equal(doc.answer.sql, 'SELECT ROUND(SUM(line_total), 2) AS revenue FROM order_items');
      assert.equal(llm.requests.length, 2);
      const repair = llm.requests[1]?.user ?? '';
      assert.match(repair, /SELECT SUM\(revenue\) AS revenue FROM orders/);
      assert.match(repair, /revenue/i);
      assert.match(repair, /failed in DuckDB with:\n.*(Binder Error|not found)/s);
    });

    it('gives up after the one repair, unanswered with the error', async () => {
      const llm = new ScriptedLlm([
        { stage: 'agent', value: { sql: 'SELECT nope FROM orders', explanation: 'x' } },
        { stage: 'agent', value: { sql: 'SELECT still_nope FROM orders', explanation: 'y' } },
      ]);
      const doc = await ask(llm, 'something odd');
      assert.equal(doc.answer.unanswered, true);
      assert.match(doc.answer.text, /failed, also after one correction: .*still_nope/s);
      assert.equal(llm.unused.length, 0);
    });

    it('keeps one conversation across REPL turns: the follow-up sees the first question and its SQL', async () => {
      const llm = new ScriptedLlm([
        { stage: 'agent', value: { sql: 'SELECT COUNT(*) AS orders FROM orders', explanation: 'Counts orders.' } },
        { stage: 'agent', value: { sql: "SELECT COUNT(*) AS orders FROM orders WHERE status = 'Cancelled'", explanation: 'Counts cancelled orders.' } },
      ]);
      const ran = await cli(['chat', JOB, '--json', '--state-dir', stateDir], { deps: { llm }, stdin: ['How many orders are there?\n', 'And how many of them were cancelled?\n'] });
      assert.equal(ran.code, 0, ran.stderr);
      assert.equal(ran.stdout.trim().split('\n').length, 2);
      const followUp = llm.requests[1]?.user ?? '';
      assert.match(followUp, /Earlier in this conversation:\nQ: How many orders are there\?\nSQL: SELECT COUNT\(\*\) AS orders FROM orders\n/);
      assert.match(followUp, /Now answer: And how many of them were cancelled\?$/);
    });
  });

  describe('matching questions to the examples (pure)', () => {
    it('matches every golden question to itself with a full score', () => {
      context.exampleQueries.forEach((e, i) => {
        const { match } = matchQuestion(e.question, context);
        assert.equal(match?.index, i, e.question);
        assert.equal(match?.score, 1);
      });
    });

    const PARAPHRASES: Array<[asked: string, meant: RegExp]> = [
      ['number of orders in the last 30 days', /orders did .* receive in the last 30 days/],
      ['total sales for the last year', /total revenue over the last 12 months/],
      ['show me the monthly sales trend', /monthly revenue trended/],
      ['which segment has the best AOV', /highest average order value/],
      ['revenue split by channel', /share of revenue comes from each sales channel/],
      ['what is the return rate by department', /category has the highest return rate/],
      ['ROAS by campaign', /campaigns returned the most revenue per dollar/],
      ['top 10 products by margin', /ten products with the highest gross margin/],
      ['how much do markdowns hurt margins by segment', /discounts erode margin/],
    ];
    for (const [asked, meant] of PARAPHRASES) {
      it(`matches "${asked}" to the example it means`, () => {
        const { match } = matchQuestion(asked, context);
        assert.match(match?.question ?? '(no match)', meant);
      });
    }

    for (const unrelated of ['what is the weather in Paris', 'who won the world cup', 'tell me a joke', 'how many employees work in the warehouse']) {
      it(`matches nothing for "${unrelated}"`, () => {
        assert.equal(matchQuestion(unrelated, context).match, undefined);
      });
    }
  });

  describe('LocalDataAgent publishing', () => {
    it('creates, then updates, then deletes an agent file; a deleted agent cannot converse', async () => {
      const agents = new LocalDataAgent({ stateDir });
      const dataset = { name: 'provision_chat_northwind', location: datasetFile, warehouse: 'duckdb' as const, tables: [] };
      assert.deepEqual(await agents.publish('provision-scratch', context, dataset), { name: 'local/provision-scratch', created: true });
      assert.deepEqual(await agents.publish('provision-scratch', context, dataset), { name: 'local/provision-scratch', created: false });
      const conversation = await agents.converse('provision-scratch');
      const answer = await conversation.ask(context.exampleQueries[0]?.question ?? '');
      assert.ok(answer.rows.length > 0);
      assert.equal(await agents.delete('provision-scratch'), true);
      assert.equal(await agents.delete('provision-scratch'), false);
      await assert.rejects(agents.converse('provision-scratch'), (err: unknown) => err instanceof RemoteServiceError && err.code === 'agent_error' && /no agent for job scratch .*run the job first/i.test(err.message));
    });

    it('caps the rows of an answer and says so', async () => {
      const agents = new LocalDataAgent({ stateDir, maxRows: 5, llm: new ScriptedLlm([{ stage: 'agent', value: { sql: 'SELECT order_id FROM orders ORDER BY order_id', explanation: 'Every order.' } }]) });
      await agents.publish('provision-capped', context, { name: 'x', location: datasetFile, warehouse: 'duckdb', tables: [] });
      const answer = await (await agents.converse('provision-capped')).ask('list every order');
      assert.equal(answer.rows.length, 5);
      assert.match(answer.text, /More than 5 rows \(showing the first 5\)/);
    });
  });
});
