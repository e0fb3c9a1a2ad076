/**
 * The industry taxonomy's shape: knowledge as data (STYLE.md). Research classifies a site
 * into an `Industry`; the model stage composes that industry's business-model modules and
 * names tables, columns and values in its vocabulary.
 */

/** Ways a business operates; each is one business-model module (src/modules). */
export const CORE_MODULE_IDS = [
  'orders', // catalogue and orders
  'subscriptions', // subscriptions and recurring revenue
  'bookings', // bookings, reservations and stays
  'appointments', // appointments, visits and classes
  'projects', // projects, engagements and billable time
  'donations', // memberships, donors and donations
  'production', // production batches and quality
  'shipments', // shipments and fleet
  'content', // content, audience and advertising
  'players', // players, sessions and in-game purchases
  'listings', // listings and transactions
  'policies', // policies and claims
  'usage', // metered usage
  'enrolments', // enrolments and courses
  'encounters', // patients and encounters
] as const;
export type CoreModuleId = (typeof CORE_MODULE_IDS)[number];

/** Modules every composition may share. */
export const SHARED_MODULE_IDS = ['customers', 'locations', 'staff', 'campaigns', 'support'] as const;
export type SharedModuleId = (typeof SHARED_MODULE_IDS)[number];
export type ModuleId = CoreModuleId | SharedModuleId;

/** A word as a business says it: "matter" / "matters". */
export interface Term {
  singular: string;
  plural: string;
}

/** What an industry calls the five things every business has. */
export interface Vocabulary {
  customer: Term;
  offering: Term;
  transaction: Term;
  place: Term;
  staff: Term;
  /**
   * Further words a module may ask for by key, e.g. `category` ("practice area"),
   * `batch` ("brew"), `outcome` ("verdict"). A module falls back to its own default.
   */
  extra?: Record<string, Term>;
}

/** A NAICS sector (2-digit code, or a range such as "31-33"). */
export interface Sector {
  code: string;
  label: string;
  /**
   * The industry that stands for the sector when research can tell the sector but not the
   * industry (a page that could be a brewery or a roaster is still food production).
   */
  generalIndustry?: string;
}

/** Evidence that points to an industry: phrases on the pages and schema.org types. */
export interface IndustrySignals {
  /**
   * Phrase and weight (about 1..5). Phrases are matched as whole words, case-insensitive; in
   * this list and in `identity`, "…" stands for up to eight words of the same clause
   * ("sells … online" matches "sells loose-leaf teas online").
   */
  keywords: ReadonlyArray<readonly [phrase: string, weight: number]>;
  /**
   * Phrases by which a business says what it is ("law firm", "brewery", "food bank"). In a
   * title, description, main heading or JSON-LD they outweigh any number of scattered words.
   */
  identity?: readonly string[];
  /** schema.org `@type`s that settle the industry better than any keyword (`Brewery`, `LegalService`). */
  schemaTypes?: readonly string[];
}

export interface Industry {
  /** Stable id, snake_case: `law_firm`, `brewery`. It keys profiles and checkpoints: never renamed. */
  id: string;
  label: string;
  /** The most specific NAICS code that fits (2 to 6 digits). */
  naics: string;
  /** Code of its NAICS sector. */
  sector: string;
  /** One line on how such businesses make money. */
  businessModel: string;
  vocabulary: Vocabulary;
  kpis: readonly string[];
  /** Business-model modules, the core one first; shared modules are added by composition. */
  modules: readonly CoreModuleId[];
  signals: IndustrySignals;
  /** Typical offerings and customer segments, used only when the site names none. */
  defaults: { offerings: readonly string[]; segments: readonly string[] };
  /** The curated preset (a blueprint id) that presents this industry, where one exists. */
  preset?: string;
}
