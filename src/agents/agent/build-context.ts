import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { AgentContext } from '../../domain/artifacts.js';
import type { DataModel } from '../../domain/data-model.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { SemanticModel } from '../../domain/semantic-model.js';
import type { DemoStory } from '../../domain/story.js';
import { planAnswer } from '../../semantic/answer-question.js';
import { deriveSemanticModel } from '../../semantic/derive.js';
import { duckdbDialect, type SqlDialect } from '../../warehouse/sql-dialect.js';

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
/** The measures worth a glossary entry: curated ones, rates and ratios, and sums people name. */
function keyMeasures(semantic: SemanticModel): SemanticModel['measures'] {
  return semantic.measures.filter((m) => m.agg !== 'count' && (m.agg === 'ratio' || m.format === 'percent' || m.synonyms.length > 0)).slice(0, 24);
}

function measureDefinition(m: SemanticModel['measures'][number], semantic: SemanticModel): string {
  const filters = (m.filters ?? []).map((f) => semantic.filters.find((x) => x.name === f)?.label ?? f);
  const how = m.agg === 'ratio' ? `${m.numerator ?? ''} / ${m.denominator ?? ''}` : `${m.agg.toUpperCase()}(${m.expr}) over ${m.table}`;
  return `${m.description} Computed as ${how}${filters.length ? `, ${filters.join('; ')}` : ''}.${m.synonyms.length ? ` Also called: ${m.synonyms.slice(0, 6).join(', ')}.` : ''}`;
}

/**
 * Example questions rendered from the semantic model, each compiled by the same planner the
 * offline agent uses, so the cloud agent sees the patterns the local one answers with: a key
 * measure broken down by its nearest dimension, and as a monthly trend.
 */
function semanticExamples(semantic: SemanticModel, asOf: string, dialect: SqlDialect, taken: ReadonlySet<string>): Array<{ question: string; sql: string }> {
  const out: Array<{ question: string; sql: string }> = [];
  const curated = semantic.measures.filter((m) => m.agg !== 'count' && m.agg !== 'avg' && m.synonyms.length > 0).slice(0, 3);
  for (const m of curated) {
    const dimension = semantic.dimensions.find((d) => d.dataType === 'string' && (d.sampleValues?.length ?? 0) > 1 && d.table !== m.table);
    const questions = [...(dimension ? [`What is ${m.label} by ${dimension.label}?`] : []), `Show monthly ${m.label}`];
    for (const question of questions) {
      if (taken.has(question.toLowerCase())) continue;
      const plan = planAnswer(question, semantic, asOf, dialect);
      if (plan.kind === 'sql') out.push({ question, sql: plan.sql });
    }
  }
  return out;
}

export function buildAgentContext(jobId: string, profile: CompanyProfile, story: DemoStory, model: DataModel, dialect?: SqlDialect): AgentContext {
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
  const golden = model.goldenSql.flatMap((g) => {
    const q = questionById.get(g.questionId);
    return q ? [{ question: q.question, sql: g.sql }] : [];
  });
  // The semantic layer: the model's own, or derived from its tables. Its measures and named
  // filters become glossary terms and example queries, so both agents know the same business.
  const semantic = model.semantic ?? deriveSemanticModel(model, story);
  const exampleDialect = dialect ?? (model.dialect === 'duckdb' ? duckdbDialect(model.asOf) : undefined);
  const exampleQueries = [...golden, ...(exampleDialect ? semanticExamples(semantic, model.asOf, exampleDialect, new Set(golden.map((g) => g.question.toLowerCase()))) : [])];
  const known = new Set(model.glossary.map((g) => g.term.toLowerCase().replace(/\s*\(.*\)$/, '')));
  const glossary = [
    ...model.glossary,
    ...keyMeasures(semantic)
      .filter((m) => !known.has(m.label.toLowerCase()))
      .map((m) => ({ term: m.label, definition: measureDefinition(m, semantic) })),
    ...semantic.filters.filter((f) => !known.has(f.label.toLowerCase())).map((f) => ({ term: f.label, definition: `${f.description} (${f.table}: ${f.expr})` })),
  ];

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
    glossaries: glossary.map((g) => ({ term: g.term, description: g.definition })),
    semantic_model: {
      measures: keyMeasures(semantic).map((m) => ({ name: m.name, label: m.label, table: m.table, aggregation: m.agg, expr: m.agg === 'ratio' ? `${m.numerator ?? ''} / ${m.denominator ?? ''}` : m.expr, ...(m.filters?.length ? { filters: m.filters } : {}), ...(m.timeDimension ? { time_dimension: m.timeDimension } : {}) })),
      filters: semantic.filters.map((f) => ({ name: f.name, table: f.table, expr: f.expr, description: f.description })),
      time_dimensions: semantic.timeDimensions.map((t) => `${t.table}.${t.expr}`),
    },
    golden_queries: golden.map((e) => ({ natural_language_query: e.question, sql_query: e.sql })),
    // Patterns compiled from the semantic layer, the way the offline agent answers.
    example_queries: exampleQueries.slice(golden.length).map((e) => ({ natural_language_query: e.question, sql_query: e.sql })),
  };

  return {
    agentName: agentNameFor(jobId),
    systemInstruction: stringify(instruction, { lineWidth: 0 }),
    tables,
    relationships,
    glossary,
    exampleQueries,
    semantic,
    asOf: model.asOf,
  };
}
