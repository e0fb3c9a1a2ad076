import type { Column, ColumnType, GeneratorSpec, Insight, Table } from '../domain/data-model.js';
import type { SemanticModel } from '../domain/semantic-model.js';
import type { QuestionLevel } from '../domain/story.js';
import type { SqlDialect } from '../warehouse/sql-dialect.js';

/** Profile lists a blueprint category can be tailored from. */
export type ProfileList = 'products' | 'customerSegments' | 'regions';

export interface BlueprintColumn extends Omit<Column, 'synonyms' | 'generator'> {
  type: ColumnType;
  synonyms?: string[];
  generator: GeneratorSpec;
  /**
   * For `list`/`category` generators: replace the values, position by position, with the
   * company's own (products, segments, regions) when research found at least 3 of them.
   * Effects naming a replaced value are mapped the same way, so planted insights survive.
   */
  fromProfile?: ProfileList;
}

export interface BlueprintTable extends Omit<Table, 'columns' | 'foreignKeys' | 'synonyms' | 'scales' | 'scaling'> {
  synonyms?: string[];
  /** Defaults to true; false for dimension tables of fixed size. */
  scales?: boolean;
  /** `sublinear` for dimension tables that grow slower than the facts (customers, products). */
  scaling?: 'linear' | 'sublinear';
  columns: BlueprintColumn[];
}

export interface BlueprintQuestion {
  id: string;
  level: QuestionLevel;
  /**
   * The question as the persona would ask it. May use `{company}` and `{products.N}`,
   * `{customerSegments.N}`, `{regions.N}` placeholders (N = position in the tailored list).
   */
  question: string;
  /** The insight the answer reveals; same placeholders. */
  insight: string;
  /** The golden SQL, written once for every dialect. Result columns must equal `expectedColumns`. */
  sql: (d: SqlDialect) => string;
  expectedColumns: string[];
  /**
   * The insight as checks on the result (validated for every seed). Values may use the
   * same placeholders (`{customerSegments.0}`) or name a blueprint value that tailoring maps.
   */
  insights?: Insight[];
}

/**
 * An industry blueprint: a warehouse schema with generators that plant the story's
 * insights, and golden questions from simple to expert with their SQL.
 */
export interface Blueprint {
  id: string;
  label: string;
  /** NAICS-style code. */
  naics: string;
  businessModel: string;
  defaults: {
    products: string[];
    customerSegments: string[];
    regions: string[];
    kpis: string[];
    keyEntities: string[];
  };
  persona: { name: string; role: string; goals: string[] };
  /** Tables in dependency order: a table only references tables listed before it. */
  tables: BlueprintTable[];
  questions: BlueprintQuestion[];
  glossary: Array<{ term: string; definition: string }>;
  /** 3-5 scenes that walk through the questions; `{company}` placeholders allowed. */
  scenes: Array<{ title: string; narrative: string; questionIds: string[] }>;
  /**
   * The semantic layer over these tables, where the blueprint declares one (compositions do);
   * the model stage adds the golden questions as its verified queries.
   */
  semantic?: Omit<SemanticModel, 'verifiedQueries'>;
}
