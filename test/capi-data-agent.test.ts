import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { CancelledError, RemoteServiceError } from '../src/core/errors.js';
import { agentNameFor } from '../src/agents/agent/build-context.js';
import { CapiDataAgent, createRequestId, dataAgentBody, type CapiMessage } from '../src/dataagent/capi-data-agent.js';
import type { AgentContext, ProvisionedDataset } from '../src/domain/artifacts.js';
import { startFakeCapi, type CapiRequest, type FakeCapi } from './helpers/fake-capi.js';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PARENT = 'projects/demo-project/locations/global';

const instruction = {
  system_instruction: 'You are the data analyst of Acme Outdoor, a retail company.\nAmounts are in EUR.',
  company: { name: 'Acme Outdoor', industry: 'Retail', currency: 'EUR' },
  tables: [
    { table: 'orders', description: 'One row per order.', synonyms: ['sales'], fields: [{ name: 'amount', type: 'NUMERIC', description: 'Order total in EUR.' }] },
    { table: 'customers', description: 'One row per customer.', synonyms: ['clients'] },
  ],
  relationships: [{ join: 'orders.customer_id = customers.customer_id', description: 'Each order belongs to one customer.' }],
  glossaries: [{ term: 'AOV', description: 'Average order value: revenue / orders.' }],
  golden_queries: [{ natural_language_query: 'What is revenue by segment?', sql_query: 'SELECT 1' }],
};

const goldenQueries = [
  {
    question: 'What is revenue by customer segment?',
    sql: 'SELECT c.segment, SUM(o.amount) AS revenue FROM `demo-data.acme_x1.orders` o JOIN `demo-data.acme_x1.customers` c USING (customer_id) GROUP BY 1',
  },
  { question: 'How many orders were placed in the last 30 days?', sql: "SELECT COUNT(*) AS orders FROM `demo-data.acme_x1.orders` WHERE order_date > DATE_SUB(DATE '2026-11-25', INTERVAL 30 DAY)" },
];

const context: AgentContext = {
  agentName: 'provision-acme-x1',
  systemInstruction: stringify(instruction, { lineWidth: 0 }),
  tables: [
    {
      name: 'orders',
      description: 'One row per order. Grain: order.',
      synonyms: ['sales', 'purchases'],
      columns: [
        { name: 'order_id', type: 'STRING', description: 'Order identifier.', synonyms: [] },
        { name: 'customer_id', type: 'STRING', description: 'The customer who ordered.', synonyms: ['client id'] },
        { name: 'order_date', type: 'DATE', description: 'Day the order was placed.', synonyms: ['purchase date'] },
        { name: 'amount', type: 'NUMERIC', description: 'Order total in EUR.', synonyms: ['revenue', 'sales amount'] },
      ],
    },
    {
      name: 'customers',
      description: 'One row per customer. Grain: customer.',
      synonyms: ['clients'],
      columns: [
        { name: 'customer_id', type: 'STRING', description: 'Customer identifier.', synonyms: [] },
        { name: 'segment', type: 'STRING', description: 'Consumer, SMB or enterprise.', synonyms: ['tier'] },
      ],
    },
  ],
  relationships: [{ from: 'orders.customer_id', to: 'customers.customer_id', description: 'Each orders row belongs to one customers row (many-to-one).' }],
  glossary: [
    { term: 'AOV', definition: 'Average order value: revenue divided by orders.' },
    { term: 'Active customer', definition: 'A customer with an order in the last 90 days.' },
  ],
  exampleQueries: goldenQueries,
};

const dataset: ProvisionedDataset = {
  name: 'acme_x1',
  location: 'demo-data.acme_x1',
  warehouse: 'bigquery',
  tables: [
    { name: 'orders', rows: 1200 },
    { name: 'customers', rows: 150 },
    // Loaded, but not described by the context: the agent must still see it.
    { name: 'returns', rows: 40 },
  ],
};

type Json = Record<string, unknown>;

describe('CAPI data agent against a fake Conversational Analytics API', () => {
  let fake: FakeCapi;
  const agentFor = (extra: Partial<ConstructorParameters<typeof CapiDataAgent>[0]> = {}): CapiDataAgent =>
    new CapiDataAgent({ projectId: 'demo-project', endpoint: fake.url, retryDelayMs: 5, ...extra });
  const creates = (agentId: string): CapiRequest[] => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/dataAgents:createSync') && r.query.dataAgentId === agentId);

  before(async () => {
    fake = await startFakeCapi({ chunkDelayMs: 1 });
  });
  after(async () => {
    await fake.close();
  });

  it('publishes a new agent with the whole context through createDataAgentSync', async () => {
    const published = await agentFor({ billingProjectId: 'billing-project' }).publish('acme-x1', context, dataset);
    assert.deepEqual(published, { name: `${PARENT}/dataAgents/acme-x1`, created: true });

    const [create] = creates('acme-x1');
    assert.ok(create);
    assert.equal(create.path, `/v1beta/${PARENT}/dataAgents:createSync`);
    // Google's client over its REST transport: JSON with enums as numbers.
    assert.equal(create.query.$alt, 'json;enum-encoding=int');
    assert.match(String(create.headers['x-goog-api-client']), /gapic\/[\d.]+/);
    assert.equal(create.query.requestId, createRequestId('acme-x1', dataAgentBody(context, dataset)));
    assert.equal(create.headers['x-goog-user-project'], 'billing-project');
    assert.equal(create.headers.authorization, undefined, 'a loopback endpoint gets no Google credentials');

    const published_ = (create.body.dataAnalyticsAgent as { publishedContext: Json }).publishedContext;
    assert.deepEqual(parse(published_.systemInstruction as string), instruction, 'the YAML system instruction arrives intact');
    const refs = (published_.datasourceReferences as { bq: { tableReferences: Json[] } }).bq.tableReferences;
    assert.deepEqual(
      refs.map((r) => [r.projectId, r.datasetId, r.tableId]),
      [
        ['demo-data', 'acme_x1', 'orders'],
        ['demo-data', 'acme_x1', 'customers'],
        ['demo-data', 'acme_x1', 'returns'],
      ],
    );
    assert.deepEqual(refs[0]?.schema, {
      description: 'One row per order. Grain: order.',
      synonyms: ['sales', 'purchases'],
      fields: [
        // Proto3 JSON leaves out an empty list.
        { name: 'order_id', type: 'STRING', description: 'Order identifier.' },
        { name: 'customer_id', type: 'STRING', description: 'The customer who ordered.', synonyms: ['client id'] },
        { name: 'order_date', type: 'DATE', description: 'Day the order was placed.', synonyms: ['purchase date'] },
        { name: 'amount', type: 'NUMERIC', description: 'Order total in EUR.', synonyms: ['revenue', 'sales amount'] },
      ],
    });
    assert.deepEqual((refs[1]?.schema as Json).synonyms, ['clients']);
    assert.equal(refs[2]?.schema, undefined);
    assert.deepEqual(published_.glossaryTerms, [
      { displayName: 'AOV', description: 'Average order value: revenue divided by orders.' },
      { displayName: 'Active customer', description: 'A customer with an order in the last 90 days.' },
    ]);
    assert.deepEqual(
      published_.exampleQueries,
      goldenQueries.map((g) => ({ naturalLanguageQuestion: g.question, sqlQuery: g.sql })),
    );
    assert.deepEqual(published_.schemaRelationships, [
      {
        leftSchemaPaths: { tableFqn: 'bigquery.googleapis.com/projects/demo-data/datasets/acme_x1/tables/orders', paths: ['customer_id'] },
        rightSchemaPaths: { tableFqn: 'bigquery.googleapis.com/projects/demo-data/datasets/acme_x1/tables/customers', paths: ['customer_id'] },
      },
    ]);
    assert.equal(create.body.displayName, 'provision-acme-x1');
    assert.deepEqual(create.body.labels, { 'managed-by': 'provision', dataset: 'acme_x1' });

    assert.ok(fake.agents.has(`${PARENT}/dataAgents/acme-x1`));
  });

  it('derives the create request id from the agent id and the payload', () => {
    const body = dataAgentBody(context, dataset);
    const id = createRequestId('acme-x1', body);
    assert.match(id, UUID4);
    assert.equal(createRequestId('acme-x1', dataAgentBody(context, dataset)), id, 'same agent and payload, same id');
    assert.notEqual(createRequestId('acme-x2', body), id);
    assert.notEqual(createRequestId('acme-x1', dataAgentBody({ ...context, glossary: [] }, dataset)), id);
  });

  it('updates the existing agent through updateDataAgentSync with an update mask when the same agent id is published again', async () => {
    const name = `${PARENT}/dataAgents/acme-rerun`;
    await agentFor().publish('acme-rerun', context, dataset);
    const createdAt = fake.agents.get(name)?.createTime;
    const agentsBefore = fake.agents.size;
    const refined: AgentContext = { ...context, glossary: [...context.glossary, { term: 'Repeat rate', definition: 'Share of customers with two or more orders.' }] };

    const published = await agentFor().publish('acme-rerun', refined, dataset);
    assert.deepEqual(published, { name, created: false });

    const patch = fake.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/acme-rerun:updateSync'));
    assert.equal(patch?.path, `/v1beta/${name}:updateSync`);
    assert.deepEqual(patch.query.updateMask?.split(',').sort(), ['dataAnalyticsAgent.publishedContext', 'description', 'displayName', 'labels']);
    assert.match(patch.query.requestId ?? '', UUID4);
    const agent = fake.agents.get(name) as { createTime: string; dataAnalyticsAgent: { publishedContext: { glossaryTerms: Json[] } } };
    assert.equal(agent.createTime, createdAt, 'updated in place, not recreated');
    assert.deepEqual(agent.dataAnalyticsAgent.publishedContext.glossaryTerms.at(-1), { displayName: 'Repeat rate', description: 'Share of customers with two or more orders.' });
    assert.equal(fake.agents.size, agentsBefore);
  });

  it('reports a refused create as agent_error naming the agent and the reason', async () => {
    fake.failCreate(403, 'Caller lacks bigquery.tables.get on demo-data.acme_x1.');
    await assert.rejects(agentFor().publish('acme-denied', context, dataset), (err: unknown) => {
      assert.ok(err instanceof RemoteServiceError);
      assert.equal(err.code, 'agent_error');
      assert.match(err.message, /projects\/demo-project\/locations\/global\/dataAgents\/acme-denied/);
      assert.match(err.message, /failed: PERMISSION_DENIED: Caller lacks bigquery\.tables\.get on demo-data\.acme_x1\.$/);
      return true;
    });
    assert.ok(!fake.agents.has(`${PARENT}/dataAgents/acme-denied`));
  });

  it('does not retry a create CAPI refuses, and says why', async () => {
    fake.failCreate(400, 'Table demo-data.acme_x1.returns was not found.');
    await assert.rejects(agentFor().publish('acme-invalid', context, dataset), (err: unknown) => {
      assert.ok(err instanceof RemoteServiceError);
      assert.equal(err.code, 'agent_error');
      assert.equal(err.httpStatus, 400);
      assert.equal(err.retryable, false, 'a Cloud Run retry would be refused the same way');
      assert.match(err.message, /dataAgents\/acme-invalid failed: INVALID_ARGUMENT: Table demo-data\.acme_x1\.returns was not found\./);
      return true;
    });
    assert.equal(creates('acme-invalid').length, 1);
  });

  it('retries a 503 whose create went through, with the same request id, and creates the agent once', async () => {
    fake.failCreate(503, 'The service is currently unavailable.', { afterCommit: true });
    const published = await agentFor().publish('acme-retry', context, dataset);
    assert.deepEqual(published, { name: `${PARENT}/dataAgents/acme-retry`, created: true });
    const sent = creates('acme-retry');
    assert.equal(sent.length, 2);
    assert.equal(sent[0]?.query.requestId, sent[1]?.query.requestId);
    assert.equal(fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/acme-retry')).length, 0, 'the retry was recognised, not taken for a clash');
  });

  it('lets the next attempt of the job finish a create whose answers were all lost', async () => {
    fake.failCreate(503, 'The service is currently unavailable.', { afterCommit: true, times: 2 });
    await assert.rejects(agentFor({ maxAttempts: 2 }).publish('acme-lost', context, dataset), /dataAgents\/acme-lost failed: UNAVAILABLE/);
    const published = await agentFor().publish('acme-lost', context, dataset);
    assert.deepEqual(published, { name: `${PARENT}/dataAgents/acme-lost`, created: true });
    assert.equal(new Set(creates('acme-lost').map((r) => r.query.requestId)).size, 1);
  });

  it('retries a dropped connection', async () => {
    fake.dropNext((r) => r.method === 'POST' && r.query.dataAgentId === 'acme-flaky');
    const published = await agentFor().publish('acme-flaky', context, dataset);
    assert.equal(published.created, true);
    assert.equal(creates('acme-flaky').length, 2, 'the dropped request, then its retry');
    assert.ok(fake.agents.has(`${PARENT}/dataAgents/acme-flaky`));
  });

  it('gives up waiting for a call after requestTimeoutMs and tries again with the same request id', async () => {
    fake.stallNext((r) => r.query.dataAgentId === 'acme-slow');
    const published = await agentFor({ requestTimeoutMs: 100 }).publish('acme-slow', context, dataset);
    assert.equal(published.created, true);
    const sent = creates('acme-slow');
    assert.equal(sent.length, 2, 'the stalled request, then its retry');
    assert.equal(sent[0]?.query.requestId, sent[1]?.query.requestId);
  });

  it('deletes an agent, and reports false for one that is not there', async () => {
    const service = agentFor();
    await service.publish('acme-gone', context, dataset);
    assert.equal(await service.delete('acme-gone'), true);
    assert.ok(!fake.agents.has(`${PARENT}/dataAgents/acme-gone`));
    const del = fake.requests.find((r) => r.method === 'DELETE' && r.path.endsWith('/acme-gone:deleteSync'));
    assert.equal(del?.path, `/v1beta/${PARENT}/dataAgents/acme-gone:deleteSync`);
    assert.equal(await service.delete('acme-gone'), false);
  });

  it('creates the agent again when the same context is republished after a delete', async () => {
    // CAPI answers a request id it has seen with the old result, so this create is a no-op on its side.
    const service = agentFor();
    await service.publish('acme-reborn', context, dataset);
    await service.delete('acme-reborn');
    const published = await service.publish('acme-reborn', context, dataset);
    assert.deepEqual(published, { name: `${PARENT}/dataAgents/acme-reborn`, created: true });
    assert.ok(fake.agents.has(`${PARENT}/dataAgents/acme-reborn`));
    const ids = creates('acme-reborn').map((r) => r.query.requestId);
    assert.equal(ids.length, 3);
    assert.equal(ids[1], ids[0]);
    assert.notEqual(ids[2], ids[0]);
  });

  it('holds a two-turn conversation, parsing text, SQL and rows from a chunked stream', async () => {
    const service = agentFor();
    await service.publish('acme-chat', context, dataset);
    const sql1 = 'SELECT c.segment, SUM(o.amount) AS revenue FROM `demo-data.acme_x1.orders` o JOIN `demo-data.acme_x1.customers` c USING (customer_id) GROUP BY 1';
    const turn1: CapiMessage[] = [
      { systemMessage: { text: { parts: ['Looking at orders and customers {"brackets": [in text]}…'], textType: 'THOUGHT' } } },
      { systemMessage: { schema: { query: { question: 'revenue by segment' } } } },
      { systemMessage: { data: { query: { question: 'revenue by segment', name: 'revenue_by_segment' } } } },
      { systemMessage: { data: { generatedSql: sql1 } } },
      {
        systemMessage: {
          data: {
            result: {
              name: 'revenue_by_segment',
              schema: { fields: [{ name: 'segment', type: 'STRING' }, { name: 'revenue', type: 'NUMERIC' }] },
              data: [
                { segment: 'enterprise', revenue: '812345.5' },
                { segment: 'smb', revenue: '402113.25' },
                { segment: 'consumer "direct"', revenue: '99120' },
              ],
            },
          },
        },
      },
      { systemMessage: { text: { parts: ['Enterprise leads with €812,345.50', ' of revenue.'], textType: 'FINAL_RESPONSE' } } },
      { systemMessage: { text: { parts: ['Next I could look at which products drive enterprise revenue.'], textType: 'PROGRESS' } } },
    ];
    const turn2: CapiMessage[] = [
      { systemMessage: { data: { generatedSql: 'SELECT DISTINCT segment FROM customers' } } },
      { systemMessage: { data: { result: { schema: { fields: [{ name: 'segment' }] }, data: [{ segment: 'enterprise' }, { segment: 'smb' }] } } } },
      { systemMessage: { data: { generatedSql: 'SELECT broken' } } },
      { systemMessage: { error: { text: 'Syntax error: Unexpected end of script' } } },
      { systemMessage: { data: { generatedSql: "SELECT SUM(amount) AS revenue FROM orders WHERE segment = 'enterprise'" } } },
      { systemMessage: { data: { result: { schema: { fields: [{ name: 'revenue', type: 'NUMERIC' }] }, data: [{ revenue: '812345.5' }] } } } },
      { systemMessage: { text: { parts: ['Enterprise revenue is €812,345.50.'] } } },
    ];
    fake.answer('revenue by customer segment', turn1);
    fake.answer(/only enterprise/i, turn2);

    const conversation = await service.converse('acme-chat');
    assert.match(conversation.id, /^projects\/demo-project\/locations\/global\/conversations\/[a-z][a-z0-9-]*$/);
    const createConv = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/conversations') && r.query.conversationId === conversation.id.split('/').pop());
    assert.deepEqual(createConv?.body.agents, [`${PARENT}/dataAgents/acme-chat`]);

    const first = await conversation.ask('What is revenue by customer segment?');
    assert.deepEqual(first, {
      text: 'Enterprise leads with €812,345.50 of revenue.',
      sql: sql1,
      columns: ['segment', 'revenue'],
      rows: [
        ['enterprise', '812345.5'],
        ['smb', '402113.25'],
        ['consumer "direct"', '99120'],
      ],
    });
    const second = await conversation.ask('And only enterprise?');
    assert.equal(second.unanswered, undefined, 'an error the agent recovered from does not fail the turn');
    assert.equal(second.sql, "SELECT SUM(amount) AS revenue FROM orders WHERE segment = 'enterprise'");
    assert.deepEqual([second.columns, second.rows], [['revenue'], [['812345.5']]]);
    assert.equal(second.text, 'Enterprise revenue is €812,345.50.');

    const chats = fake.requests.filter((r) => r.path === `/v1beta/${PARENT}:chat` && (r.body.conversationReference as Json).conversation === conversation.id);
    assert.equal(chats.length, 2);
    for (const [i, question] of ['What is revenue by customer segment?', 'And only enterprise?'].entries()) {
      // The parent is in the URL; PUBLISHED is enum value 2 (enum-encoding=int).
      assert.deepEqual(chats[i]?.body, {
        messages: [{ userMessage: { text: question } }],
        conversationReference: { conversation: conversation.id, dataAgentContext: { dataAgent: `${PARENT}/dataAgents/acme-chat`, contextVersion: 2 } },
      });
      // The server works on the answer as long as we wait for it (default 5 minutes).
      assert.equal(chats[i]?.headers['x-server-timeout'], '300');
    }
    const history = fake.conversations.get(conversation.id)?.messages ?? [];
    assert.deepEqual(
      history.flatMap((m) => (m.userMessage?.text ? [m.userMessage.text] : [])),
      ['What is revenue by customer segment?', 'And only enterprise?'],
    );
  });

  it('marks a question the agent cannot answer as unanswered', async () => {
    const service = agentFor();
    await service.publish('acme-chat', context, dataset);
    const conversation = await service.converse('acme-chat');
    const answer = await conversation.ask('What will the weather be tomorrow?');
    assert.equal(answer.unanswered, true);
    assert.match(answer.text, /can't answer/);
    assert.deepEqual([answer.columns, answer.rows], [[], []]);

    fake.answer('failing query', [
      { systemMessage: { data: { generatedSql: 'SELECT nope FROM orders' } } },
      { systemMessage: { error: { text: 'Unrecognized name: nope' } } },
    ]);
    const failed = await conversation.ask('A failing query, please');
    assert.equal(failed.unanswered, true);
    assert.equal(failed.sql, 'SELECT nope FROM orders');
    assert.match(failed.text, /Unrecognized name: nope/);
  });

  it('reports an error in the middle of the stream as agent_error', async () => {
    fake.answer('crash', [{ systemMessage: { text: { parts: ['Working on it'], textType: 'PROGRESS' } } }, { error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } }]);
    const service = agentFor();
    await service.publish('acme-chat', context, dataset);
    const conversation = await service.converse('acme-chat');
    await assert.rejects(conversation.ask('crash now'), (err: unknown) => {
      assert.ok(err instanceof RemoteServiceError);
      assert.equal(err.code, 'agent_error');
      // The client decodes the error element as an empty message: the failure is seen, its reason is not.
      assert.match(err.message, /dataAgents\/acme-chat failed: the answer stream carried an error/);
      assert.equal(err.retryable, true);
      return true;
    });
  });

  it('stops a chat turn when the signal aborts', async () => {
    const service = agentFor();
    await service.publish('acme-chat', context, dataset);
    const conversation = await service.converse('acme-chat');
    fake.stallNext((r) => r.path.endsWith(':chat'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(conversation.ask('Will this ever end?', { signal: controller.signal }), (err: unknown) => err instanceof CancelledError);
  });

  it('reports a chat turn that outlasts chatTimeoutMs as agent_error, not as an empty answer', async () => {
    const service = agentFor({ chatTimeoutMs: 100 });
    await service.publish('acme-chat', context, dataset);
    const conversation = await service.converse('acme-chat');
    fake.stallNext((r) => r.path.endsWith(':chat'));
    await assert.rejects(conversation.ask('Still thinking?'), (err: unknown) => err instanceof RemoteServiceError && err.code === 'agent_error' && /no complete answer within 0\.1 s/.test(err.message) && err.retryable);
  });

  it('refuses a conversation with an agent that does not exist', async () => {
    await assert.rejects(agentFor().converse('acme-nobody'), (err: unknown) => err instanceof RemoteServiceError && err.code === 'agent_error' && /acme-nobody/.test(err.message));
  });
});

describe('chat timeouts and agent ids', () => {
  it('sends x-server-timeout from the configured chat timeout, at most 600 s', async () => {
    const fake = await startFakeCapi();
    try {
      for (const [chatTimeoutMs, header] of [[90_000, '90'], [3_600_000, '600']] as const) {
        const service = new CapiDataAgent({ projectId: 'demo-project', location: 'global', endpoint: fake.url, chatTimeoutMs });
        await service.publish('acme-timeout', context, dataset);
        const conversation = await service.converse('acme-timeout');
        await conversation.ask('hello?');
        const chat = fake.requests.filter((r) => r.path.endsWith(':chat')).pop();
        assert.equal(chat?.headers['x-server-timeout'], header);
      }
    } finally {
      await fake.close();
    }
  });

  it('derives agent ids CAPI accepts from any job id, long or ending in a dash, and keeps them apart', () => {
    const pattern = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
    const long = `a${'b'.repeat(61)}c`;
    assert.equal(long.length, 63);
    const ids = [long, `${'x'.repeat(62)}-`, 'acme-', 'acme--', 'acme', 'demo-northwind-k3j9x2', `${long.slice(0, 62)}d`].map(agentNameFor);
    for (const id of ids) assert.match(id, pattern, id);
    assert.equal(new Set(ids).size, ids.length, 'distinct job ids, distinct agents');
    assert.equal(agentNameFor('demo-northwind-k3j9x2'), 'provision-demo-northwind-k3j9x2', 'short ids stay readable as they were');
    assert.equal(agentNameFor(long), agentNameFor(long), 'stable');
  });
});
