import type { BlueprintQuestion, BlueprintTable } from '../blueprints/blueprint.js';
import type { SemanticDimension, SemanticFilter, SemanticMeasure, SemanticTimeDimension } from '../domain/semantic-model.js';
import type { Industry, ModuleId, Term } from '../taxonomy/types.js';

/**
 * Roles a module can fill and others can need. Composition wires foreign keys by role, never
 * by table name: a projects module asks for the `customer` and gets `clients.client_id` in a
 * law firm, `accounts.account_id` in an agency.
 */
export const ROLES = ['place', 'offering', 'customer', 'staff', 'campaign'] as const;
export type Role = (typeof ROLES)[number];

/** Where a role lives in this composition. */
export interface RoleRef {
  table: string;
  /** Primary key column, also the name of every foreign key pointing at it. */
  key: string;
  /** The column holding the row's name (`practice_area_name`). */
  name: string;
  /** The business's word for one row. */
  term: Term;
}

/** The values a composition fills its dimensions with: the company's own where research found them. */
export interface ComposeValues {
  offerings: string[];
  segments: string[];
  places: string[];
}

/** What a module sees while it builds: names in the industry's words, the company's values, other modules' roles. */
export interface ModuleContext {
  industry: Industry;
  values: ComposeValues;
  /** The industry's word for one of its five things. */
  word(key: 'customer' | 'offering' | 'transaction' | 'place' | 'staff'): Term;
  /** A further word from the vocabulary (`batch`, `outcome`), or the module's own default. */
  extra(key: string, fallback: Term): Term;
  /** True for the industry's first core module: it alone names its main table with the `transaction` word. */
  primary: boolean;
  /** A role another module filled. Throws when the role is missing (composition orders modules by their needs). */
  ref(role: Role): RoleRef;
  /** A table name from a term, unique in this composition (`practice areas` -> `practice_areas`). */
  tableName(term: Term): string;
}

/** A module's part of the semantic layer; entities and joins follow from its tables. */
export interface SemanticPart {
  measures?: SemanticMeasure[];
  dimensions?: SemanticDimension[];
  timeDimensions?: SemanticTimeDimension[];
  filters?: SemanticFilter[];
}

/**
 * A question template after naming: ids are local to the module (`p1`); composition prefixes
 * and renumbers them. Every question carries at least one insight check that its generators plant.
 */
export type ModuleQuestion = BlueprintQuestion;

export interface ModuleParts {
  /** Tables in dependency order. */
  tables: BlueprintTable[];
  /** The role this module fills, pointing at one of its tables. */
  provides?: { role: Role; ref: RoleRef };
  questions: ModuleQuestion[];
  semantic: SemanticPart;
  glossary: Array<{ term: string; definition: string }>;
  kpis?: string[];
  /** For a core module that leads the composition: who asks, and what they want. */
  persona?: { role: string; goals: string[] };
  /** A scene that walks through this module's questions; `{company}` allowed. */
  scene?: { title: string; narrative: string };
}

/** One way businesses operate, as data plus the function that names it in an industry's words. */
export interface BusinessModule {
  id: ModuleId | 'offerings';
  /** Roles this module needs another module to fill first. */
  needs: readonly Role[];
  build(ctx: ModuleContext): ModuleParts;
}
