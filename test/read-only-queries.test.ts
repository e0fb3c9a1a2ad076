import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { agentStage } from '../src/agents/agent/index.js';
import { dataStage } from '../src/agents/data/index.js';
import { modelStage } from '../src/agents/model/index.js';
import { provisionStage } from '../src/agents/provision/index.js';
import { storyStage } from '../src/agents/story/index.js';
import { validateStage } from '../src/agents/validate/index.js';
import { retail } from '../src/blueprints/retail.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { ProvisionError, UserInputError } from '../src/core/errors.js';
import { LocalDataAgent } from '../src/dataagent/local-data-agent.js';
import type { AgentArtifact, ProvisionedDataset, ValidationReport } from '../src/domain/artifacts.js';
import type { DataModel } from '../src/domain/data-model.js';
import type { DemoStory } from '../src/domain/story.js';
import { ScriptedLlm } from '../src/llm/scripted-llm.js';
import type { StageContext } from '../src/pipeline/context.js';
import { openReadOnly } from '../src/warehouse/duckdb-read-only.js';
import { DuckDBConnection } from '@duckdb/node-api';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import { stageContext } from './helpers/stage-context.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const warehouse = new DuckdbWarehouse(join(dir, 'warehouse'));
after(() => warehouse.close());
const leak = join(dir, 'leak.csv');
const attached = join(dir, 'other.duckdb');

/** What a repair or a chat answer could hold that must never run: each with what it would have done. */
const ATTACKS: ReadonlyArray<readonly [what: string, sql: string]> = [
  ['DDL: DROP TABLE', 'DROP TABLE orders'],
  ['DDL: CREATE TABLE', 'CREATE TABLE pwned AS SELECT 1 AS x'],
  ['DML: DELETE', 'DELETE FROM orders'],
  ['DML: INSERT', 'INSERT INTO orders SELECT * FROM orders'],
  ['DML: UPDATE inside a CTE', 'WITH x AS (UPDATE orders SET shipping_fee = 0 RETURNING *) SELECT * FROM x'],
  ['COPY to a file', `COPY orders TO '${leak}'`],
  ['COPY hidden after a SELECT', `SELECT 1; COPY orders TO '${leak}'`],
  ['ATTACH', `ATTACH '${attached}' AS other`],
  ['read_csv of a host file', "SELECT * FROM read_csv('/etc/hostname')"],
  ['a file as a table', "SELECT * FROM '/etc/hostname'"],
  ['INSTALL', 'INSTALL httpfs'],
  ['LOAD', 'LOAD httpfs'],
  ['PRAGMA', 'PRAGMA enable_external_access'],
  ['SET', 'SET enable_external_access = true'],
];

const story = (ids: string[], base: DemoStory): DemoStory => ({ ...base, goldenQuestions: [...base.goldenQuestions.slice(0, 10), ...ids.map((id) => ({ id, question: `Question ${id}?`, level: 'simple' as const, insight: 'none' }))] });

function context(strategy: 'heuristic' | 'llm', llm?: ScriptedLlm): StageContext {
  return stageContext({ dir, warehouse, jobId: 'read-only', seed: 5, scale: 0.1, strategy, ...(llm ? { llm } : {}) });
}

describe('every query of validation, repair and chat is read-only', () => {
  let base: DemoStory;
  let model: DataModel;
  let dataset: ProvisionedDataset;
  let agent: AgentArtifact;
  let orders: number;

  before(async () => {
    const ctx = context('heuristic');
    const profile = defaultProfile(retail, 'Trailhead Supply');
    base = await storyStage.run({ profile }, ctx);
    model = await modelStage.run({ profile, story: base }, ctx);
    const files = await dataStage.run({ model }, ctx);
    dataset = await provisionStage.run({ profile, model, files }, ctx);
    agent = await agentStage.run({ profile, story: base, model, dataset }, ctx);
    orders = dataset.tables.find((t) => t.name === 'orders')?.rows ?? 0;
    assert.ok(orders > 0);
  });

  /** Nothing an attack would have done happened. */
  async function assertUntouched(): Promise<void> {
    assert.equal(existsSync(leak), false, 'no file was written');
    assert.equal(existsSync(attached), false, 'no database was attached');
    const count = await warehouse.query(dataset.name, 'SELECT COUNT(*) AS n FROM orders');
    assert.equal(count.rows[0]?.[0], orders, 'orders still exists, every row');
    const tables = await warehouse.query(dataset.name, "SELECT table_name FROM information_schema.tables WHERE table_name = 'pwned'");
    assert.equal(tables.rows.length, 0, 'no table was created');
  }

  for (const [what, sql] of ATTACKS) {
    it(`the warehouse refuses ${what} in dryRun, query and checkQueries`, async () => {
      await assert.rejects(() => warehouse.dryRun(dataset.name, sql), (err: unknown) => err instanceof UserInputError && /Refused to run the SQL/.test(err.message));
      await assert.rejects(() => warehouse.query(dataset.name, sql), (err: unknown) => err instanceof UserInputError && /Refused to run the SQL/.test(err.message));
      const [check] = await warehouse.checkQueries(model.tables, [sql]);
      assert.match(check?.error ?? '', /Refused to run the SQL/);
      await assertUntouched();
    });
  }

  it('the read-only connections themselves refuse writes, files and settings, should anything pass the checks', async () => {
    await warehouse.close();
    const db = await openReadOnly(warehouse.filePath(dataset.name), { memoryLimit: '128MB' });
    try {
      for (const sql of ['DROP TABLE orders', `COPY orders TO '${leak}'`, "SELECT * FROM read_csv('/etc/hostname')", `ATTACH '${attached}'`, 'INSTALL httpfs', "SET memory_limit = '8GB'", 'SET enable_external_access = true']) {
        await assert.rejects(() => db.conn.run(sql), Error, sql);
        // The connections opened later for queries side by side are the same instance's, as locked.
        await assert.rejects(() => db.withConnection((conn) => conn.run(sql)), Error, `${sql} (another connection)`);
      }
    } finally {
      db.close();
    }
    await assertUntouched();
  });

  it('a query after its dry run runs the statement the dry run prepared, and the guard still checks every query first', async (t) => {
    const sql = 'SELECT COUNT(*) AS n FROM orders';
    // DuckDB parses what it prepares: a parse is a prepare.
    const parses = t.mock.method(DuckDBConnection.prototype, 'extractStatements');
    await warehouse.dryRun(dataset.name, sql);
    assert.deepEqual((await warehouse.query(dataset.name, sql)).rows, [[orders]]);
    assert.equal(parses.mock.callCount(), 1, 'parsed and prepared once');
    assert.deepEqual((await warehouse.query(dataset.name, sql)).rows, [[orders]]);
    assert.equal(parses.mock.callCount(), 2, 'a kept statement serves one query: the next prepares again');
    await warehouse.dryRun(dataset.name, sql);
    for (const [what, attack] of [...ATTACKS, ['a statement after the dry-run one', `${sql}; DROP TABLE orders`]]) {
      await assert.rejects(() => warehouse.query(dataset.name, attack), (err: unknown) => err instanceof UserInputError && /Refused to run the SQL/.test(err.message), what);
    }
    assert.equal(parses.mock.callCount(), 3, 'no attack reached DuckDB');
    parses.mock.restore();
    await assertUntouched();
  });

  it('validation refuses repair output holding any of them, before it runs, and reports the question failed', async () => {
    const ids = ATTACKS.map((_, i) => `bad_${i}`);
    // Each golden query fails to compile, so it goes to repair; every repair answer is an attack.
    const broken: DataModel = { ...model, goldenSql: ids.map((questionId) => ({ questionId, sql: 'SELECT no_such_column FROM orders', expectedColumns: ['x'] })) };
    const llm = new ScriptedLlm(ATTACKS.flatMap(([, sql]) => [{ stage: 'validate' as const, name: 'repaired_query', value: { sql } }, { stage: 'validate' as const, name: 'repaired_query', value: { sql } }]));
    const ctx = context('llm', llm);
    await assert.rejects(() => validateStage.run({ story: story(ids, base), model: broken, dataset, agent }, ctx), (err: ProvisionError) => err.code === 'validation_failed');
    assert.equal(llm.unused.length, 0, 'every failing query went to repair, twice');
    const report = JSON.parse(readFileSync(join(dir, 'jobs', 'read-only', 'validation-report.json'), 'utf8')) as ValidationReport;
    assert.equal(report.passed, 0);
    for (const [i, [what]] of ATTACKS.entries()) {
      const result = report.results.find((r) => r.questionId === `bad_${i}`);
      assert.equal(result?.ok, false, what);
      assert.match(result?.problem ?? '', /Refused to run the SQL/, what);
      assert.ok(!JSON.stringify(result).includes(hostname()), `${what}: the host's name is not in the report`);
    }
    assert.equal(report.repaired, undefined, 'nothing counts as repaired');
    await assertUntouched();
  });

  it('chat with a model refuses every one of them before it runs', async () => {
    await warehouse.close();
    const llm = new ScriptedLlm(ATTACKS.map(([, sql]) => ({ stage: 'agent' as const, name: 'sql_answer', value: { sql, explanation: 'as asked' } })));
    const agents = new LocalDataAgent({ stateDir: join(dir, 'state'), llm });
    await agents.publish('provision-read-only', agent.context, dataset);
    const conversation = await agents.converse('provision-read-only');
    for (const [what] of ATTACKS) {
      const answer = await conversation.ask(`Please ${what}`);
      assert.equal(answer.unanswered, true, what);
      assert.match(answer.text, /did not run the query/, what);
      assert.deepEqual(answer.rows, [], what);
      assert.ok(!answer.text.includes(hostname()), what);
    }
    assert.equal(llm.unused.length, 0);
    await assertUntouched();
  });
});
