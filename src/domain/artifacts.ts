import { z } from 'zod';
import { SemanticModelSchema } from './semantic-model.js';
import { DemoStorySchema } from './story.js';

/** Output of `data`: one CSV file per table, deterministic from the seed. */
export const DatasetFilesSchema = z.object({
  seed: z.number().int(),
  scale: z.number().positive(),
  dir: z.string(),
  tables: z.array(z.object({ name: z.string(), file: z.string(), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
});
export type DatasetFiles = z.infer<typeof DatasetFilesSchema>;

/** Output of `provision`: the dataset in the warehouse, with verified row counts. */
export const ProvisionedDatasetSchema = z.object({
  name: z.string(),
  /** DuckDB file path, or `project.dataset`. */
  location: z.string(),
  warehouse: z.enum(['duckdb', 'bigquery']),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
});
export type ProvisionedDataset = z.infer<typeof ProvisionedDatasetSchema>;

/** The context a data agent answers from: what CAPI publishes, and what the local agent reads. */
export const AgentContextSchema = z.object({
  agentName: z.string(),
  systemInstruction: z.string(),
  tables: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      synonyms: z.array(z.string()),
      columns: z.array(z.object({ name: z.string(), type: z.string(), description: z.string(), synonyms: z.array(z.string()) })),
    }),
  ),
  relationships: z.array(z.object({ from: z.string(), to: z.string(), description: z.string() })),
  glossary: z.array(z.object({ term: z.string(), definition: z.string() })),
  exampleQueries: z.array(z.object({ question: z.string(), sql: z.string() })),
  /** The semantic layer the offline agent compiles questions through (absent in agents published before it). */
  semantic: SemanticModelSchema.optional(),
  /** The data's "today": relative periods ("last month") are computed from it. */
  asOf: z.iso.date().optional(),
});
export type AgentContext = z.infer<typeof AgentContextSchema>;

/** Output of `agent`: the rendered context and where its artifacts were written. */
export const AgentArtifactSchema = z.object({
  context: AgentContextSchema,
  yamlFile: z.string(),
  /** Set when a remote data agent was created or updated. */
  remoteAgent: z.string().optional(),
});
export type AgentArtifact = z.infer<typeof AgentArtifactSchema>;

export const QueryValidationSchema = z.object({
  questionId: z.string(),
  question: z.string(),
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.string()),
  preview: z.array(z.array(z.unknown())),
  durationMs: z.number().nonnegative(),
  problem: z.string().optional(),
  /** The question's declared insights, each checked on the result (direction and rough size). */
  insights: z.array(z.object({ claim: z.string(), holds: z.boolean(), observed: z.string() })).optional(),
});
export type QueryValidation = z.infer<typeof QueryValidationSchema>;

/**
 * A golden question's claim checked on the loaded data: the story's words, whether the result
 * bears them out, and the measured figures that the presented story quotes instead.
 */
export const ClaimSchema = z.object({
  questionId: z.string(),
  /** The insight as the story stated it. */
  claim: z.string(),
  /** The checks behind it, in words (`the row with the smallest roas is channel = Display`). */
  check: z.string(),
  holds: z.boolean(),
  /** What the data shows, with its figures: `Display has the lowest ROAS: 0.8x, of 5; next: Search, 2.1x.` */
  measured: z.string(),
  /** The result cells quoted in `measured`. */
  values: z.array(z.object({ row: z.string().optional(), column: z.string(), value: z.number() })),
  /** What the presented story says: `measured`, reworded and flagged when the claim does not hold. */
  presented: z.string(),
  /** Set when the claim does not hold: the story's words were replaced by the measurement. */
  flagged: z.boolean().optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Output of `validate`: every golden query's result, and the score. */
export const ValidationReportSchema = z.object({
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  results: z.array(QueryValidationSchema),
  /** Declared insights checked, and how many held (a question passes only if all of its hold). */
  insights: z.object({ total: z.number().int().nonnegative(), held: z.number().int().nonnegative() }).optional(),
  /** Integrity of the loaded data, checked in the warehouse: keys, foreign keys, time order. */
  integrity: z.object({ checks: z.number().int().nonnegative(), problems: z.array(z.string()) }).optional(),
  /** The data agent asked every golden question: how many of its results matched the golden ones. */
  agent: z
    .object({
      name: z.string(),
      asked: z.number().int().nonnegative(),
      matched: z.number().int().nonnegative(),
      accuracy: z.number().min(0).max(1),
      results: z.array(z.object({ questionId: z.string(), matched: z.boolean(), reason: z.string().optional(), sql: z.string().optional() })),
    })
    .optional(),
  /** Golden queries the llm strategy repaired: the SQL that now answers. */
  repaired: z.array(z.object({ questionId: z.string(), sql: z.string(), attempts: z.number().int().positive() })).optional(),
  /** Every golden question's claim, checked on the loaded data, with the measured figures. */
  claims: z.array(ClaimSchema).optional(),
  /** The story as it should be presented: insights, scenes and summary quote the measured figures. */
  story: DemoStorySchema.optional(),
});
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
