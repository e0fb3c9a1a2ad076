import type { AgentContext } from '../domain/artifacts.js';

/** Words that carry no meaning of their own in an analytics question. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been by can could did do does during for from give had has have how i ' +
    'in into is it its me my of on or our over please show tell that the their them there these ' +
    'they this those to us was we were what whats when where which while who whom will with ' +
    'would you your per each every all any much get got see let lets list find'
  ).split(' '),
);

/**
 * Everyday analytics words that mean the same thing. Each group becomes one concept, so
 * "top" meets "most" and "trend" meets "over time". The dataset's own vocabulary (table
 * and column synonyms, glossary terms) comes from the agent context.
 */
const THESAURUS: string[][] = [
  ['most', 'top', 'highest', 'biggest', 'largest', 'best', 'leading', 'greatest', 'maximum', 'max'],
  ['least', 'lowest', 'smallest', 'worst', 'bottom', 'fewest', 'minimum', 'min'],
  ['how many', 'number of', 'count', 'total number', 'volume of'],
  ['trend', 'over time', 'by month', 'month over month', 'trajectory', 'evolution', 'evolve', 'change over time'],
  ['share', 'percentage', 'percent', 'proportion', 'split', 'breakdown', 'mix', 'distribution'],
  ['average', 'avg', 'mean', 'typical'],
  ['total', 'sum', 'overall'],
  ['rate', 'ratio'],
  ['customer', 'client', 'buyer', 'shopper'],
  ['last', 'past', 'previous', 'recent', 'trailing'],
  ['month', 'monthly'],
  ['year', 'annual', 'yearly', 'annually', '12 months'],
  ['two years', '24 months'],
  ['quarter', 'quarterly'],
  ['week', 'weekly'],
  ['day', 'daily'],
  ['generate', 'bring', 'make', 'earn', 'produce', 'contribute'],
  ['predict', 'lead to', 'drive', 'cause', 'affect', 'impact', 'correlate', 'explain'],
  ['reason', 'why'],
  ['cost', 'expense', 'spend'],
  ['fast', 'quick', 'quickly', 'speed', 'time', 'long'],
  ['received', 'placed', 'came', 'got'],
];

/** A light stemmer: enough to meet "categories"/"category", "trended"/"trend", "orders"/"order". */
export function stem(word: string): string {
  // British and American spellings meet: "utilisation" and "utilization".
  let w = word.replace(/isation/, 'ization').replace(/is(e|ed|es|ing)$/, 'iz$1');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  // "purchase", "purchased", "purchases" → "purchas"
  // "hire", "hired" → "hir": a short word loses its final e too, as the -ed form does.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // "trended" → "trend", "stopped" → "stop"
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lowercase words without punctuation; `_` splits too, so column names read as words. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => NUMBERS[w] ?? w);
}

/** "ten products" and "10 products" are the same question. */
const NUMBERS: Record<string, string> = Object.fromEntries(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w, i) => [w, String(i)]),
);

interface Phrase {
  stems: string[];
  concept: string;
}

/** The vocabulary of one context: phrases (as stems) and the concepts they stand for. */
export interface Vocabulary {
  phrases: Phrase[];
}

/** Builds the phrase → concept table from the thesaurus and the context's own words. Pure. */
export function buildVocabulary(context: Pick<AgentContext, 'tables' | 'glossary'>): Vocabulary {
  const phrases: Phrase[] = [];
  const add = (text: string, concept: string): void => {
    const stems = words(text).map(stem);
    if (stems.length > 0 && !(stems.length === 1 && STOPWORDS.has(stems[0] ?? ''))) phrases.push({ stems, concept });
  };
  THESAURUS.forEach((group, i) => group.forEach((p) => add(p, `~${i}`)));
  for (const table of context.tables) {
    const concept = `@${table.name}`;
    add(table.name, concept);
    table.synonyms.forEach((s) => add(s, concept));
    for (const column of table.columns) {
      // Key columns name the table they join to, not a thing people ask about.
      if (/_id$/.test(column.name)) continue;
      const columnConcept = `@${table.name}.${column.name}`;
      add(column.name, columnConcept);
      column.synonyms.forEach((s) => add(s, columnConcept));
    }
  }
  for (const entry of context.glossary) {
    const concept = `#${entry.term.toLowerCase()}`;
    // "Average order value (AOV)": the full term and the abbreviation both name it.
    const abbreviation = /\(([^)]+)\)/.exec(entry.term)?.[1];
    add(entry.term.replace(/\([^)]*\)/g, ''), concept);
    if (abbreviation) add(abbreviation, concept);
  }
  return { phrases };
}

/**
 * The features of a text: one concept for every phrase of the vocabulary it contains, plus
 * the stems no phrase covered. Two wordings of the same idea share concepts even when they
 * share no word.
 */
export function features(text: string, vocabulary: Vocabulary): Set<string> {
  const stems = words(text).map(stem);
  const out = new Set<string>();
  const covered = new Set<number>();
  for (const phrase of vocabulary.phrases) {
    const n = phrase.stems.length;
    for (let i = 0; i + n <= stems.length; i++) {
      if (phrase.stems.every((p, k) => stems[i + k] === p)) {
        out.add(phrase.concept);
        for (let k = i; k < i + n; k++) covered.add(k);
      }
    }
  }
  stems.forEach((s, i) => {
    if (!covered.has(i) && !STOPWORDS.has(s)) out.add(s);
  });
  return out;
}

/**
 * A question that names a glossary term (ROAS) means its definition (revenue per campaign
 * budget), which is how the examples may word it.
 */
function withDefinitions(question: string, glossary: AgentContext['glossary']): string {
  const asked = ` ${words(question).join(' ')} `;
  const definitions = glossary.filter((g) => {
    const names = [g.term.replace(/\([^)]*\)/g, ''), /\(([^)]+)\)/.exec(g.term)?.[1] ?? ''];
    return names.some((name) => {
      const w = words(name).join(' ');
      return w.length > 0 && asked.includes(` ${w} `);
    });
  });
  return definitions.length ? [question, ...definitions.map((g) => g.definition)].join(' ') : question;
}

export interface QuestionMatch {
  /** Index into the context's example queries. */
  index: number;
  question: string;
  sql: string;
  /** 0..1: cosine similarity of the IDF-weighted features. */
  score: number;
}

export interface MatchResult {
  /** The best example when its score reaches the threshold. */
  match?: QuestionMatch;
  /** Every example, best first. */
  ranked: QuestionMatch[];
}

/** Below this, the best example is too far from the question to answer it. */
export const DEFAULT_MATCH_THRESHOLD = 0.4;

/**
 * Finds the example question closest in meaning to `question`: stems and vocabulary concepts
 * on both sides, each weighted by how rare it is among the examples (a word every example
 * shares tells them apart less), compared by cosine similarity. Pure.
 */
export function matchQuestion(question: string, context: Pick<AgentContext, 'tables' | 'glossary' | 'exampleQueries'>, options: { threshold?: number } = {}): MatchResult {
  const vocabulary = buildVocabulary(context);
  const examples = context.exampleQueries.map((e) => features(e.question, vocabulary));
  const documentFrequency = new Map<string, number>();
  for (const f of examples) for (const feature of f) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  const n = examples.length;
  // A feature no example has still counts against the match (it makes the question broader).
  const idf = (feature: string): number => Math.log((n + 1) / ((documentFrequency.get(feature) ?? 0) + 0.5));
  const norm = (f: Set<string>): number => Math.sqrt([...f].reduce((sum, x) => sum + idf(x) ** 2, 0));
  const similarity = (asked: Set<string>, example: Set<string>): number => {
    let shared = 0;
    for (const feature of asked) if (example.has(feature)) shared += idf(feature) ** 2;
    const askedNorm = norm(asked);
    const exampleNorm = norm(example);
    if (askedNorm === 0 || exampleNorm === 0) return 0;
    // Cosine alone punishes a short question against a long example; how much of the
    // question the example covers does not. Their geometric mean needs both.
    const cosine = shared / (askedNorm * exampleNorm);
    const coverage = shared / askedNorm ** 2;
    return Math.sqrt(cosine * coverage);
  };
  const plain = features(question, vocabulary);
  const defined = withDefinitions(question, context.glossary);
  const expanded = defined === question ? undefined : features(defined, vocabulary);

  const ranked = context.exampleQueries
    .map((example, index) => {
      const f = examples[index] ?? new Set<string>();
      const score = Math.max(similarity(plain, f), expanded ? similarity(expanded, f) : 0);
      return { index, question: example.question, sql: example.sql, score: Math.round(score * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const best = ranked[0];
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  return { ...(best && best.score >= threshold ? { match: best } : {}), ranked };
}
