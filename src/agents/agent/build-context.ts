import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { AgentContext } from '../../domain/artifacts.js';
import type { DataModel } from '../../domain/data-model.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { DemoStory } from '../../domain/story.js';

/** A data agent id from the job id: the same job updates the same agent. */
export function agentNameFor(jobId: string): string {
  const id = `provision-${jobId}`;
  if (id.length <= AGENT_ID_MAX && !id.endsWith('-')) return id;
  // CAPI agent ids match ^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$: a long or dash-ending job id keeps a
  // readable head and gets a hash of the whole id, so different jobs keep different agents.
  const hash = createHash('sha256').update(jobId).digest('hex').slice(0, 8);
  return `${id.slice(0, AGENT_ID_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The longest data agent id the Conversational Analytics API accepts. */
const AGENT_ID_MAX = 63;

/**
 * The agent's context: what the Conversational Analytics API publishes (system instruction,
 * table and column descriptions with synonyms, relationships, glossary, example queries)
 * and what the local agent reads. The system instruction is YAML rendered from the same
 * structure, so the two never disagree. Pure.
 */
export function buildAgentContext(jobId: string, profile: CompanyProfile, story: DemoStory, model: DataModel): AgentContext {
  const tables = model.tables.map((t) => ({
    name: t.name,
    description: `${t.description} Grain: ${t.grain}.`,
    synonyms: t.synonyms,
    columns: t.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, synonyms: c.synonyms })),
  }));
  const relationships = model.tables.flatMap((t) =>
    t.foreignKeys.map((fk) => ({
      from: `${t.name}.${fk.column}`,
      to: `${fk.references.table}.${fk.references.column}`,
      description: `Each ${t.name} row belongs to one ${fk.references.table} row (many-to-one).`,
    })),
  );
  const questionById = new Map(story.goldenQuestions.map((q) => [q.id, q]));
  const exampleQueries = model.goldenSql.flatMap((g) => {
    const q = questionById.get(g.questionId);
    return q ? [{ question: q.question, sql: g.sql }] : [];
  });

  const instruction = {
    system_instruction: [
      `You are the data analyst of ${profile.name}, a ${profile.industry.label.toLowerCase()} company. ${profile.summary}`,
      `You answer questions from ${story.persona.name} (${story.persona.role}) and their team with SQL over the tables below.`,
      `Amounts are in ${profile.currency}. The data runs up to ${model.asOf}: treat that day as "today" for relative dates such as "last 30 days".`,
      'Prefer the definitions in the glossary. Show the numbers behind every claim, and say so when the data cannot answer a question.',
    ].join('\n'),
    company: {
      name: profile.name,
      website: profile.url,
      industry: profile.industry.label,
      business_model: profile.businessModel,
      products: profile.products,
      customer_segments: profile.customerSegments,
      regions: profile.regions,
      currency: profile.currency,
      kpis: profile.kpis,
    },
    persona: { name: story.persona.name, role: story.persona.role, goals: story.persona.goals },
    tables: tables.map((t) => ({
      table: t.name,
      description: t.description,
      synonyms: t.synonyms,
      fields: t.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.synonyms.length ? { synonyms: c.synonyms } : {}) })),
    })),
    relationships: relationships.map((r) => ({ join: `${r.from} = ${r.to}`, description: r.description })),
    glossaries: model.glossary.map((g) => ({ term: g.term, description: g.definition })),
    golden_queries: exampleQueries.map((e) => ({ natural_language_query: e.question, sql_query: e.sql })),
  };

  return {
    agentName: agentNameFor(jobId),
    systemInstruction: stringify(instruction, { lineWidth: 0 }),
    tables,
    relationships,
    glossary: model.glossary,
    exampleQueries,
  };
}
