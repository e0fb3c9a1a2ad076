import type { SemanticModel, TimeGrain } from '../domain/semantic-model.js';
import { stem } from '../dataagent/match-question.js';
import { joinPath, leaves, type QueryFilter, type QuerySpec } from './compile.js';
import { calendarPeriod, monthNumber, monthPeriod, parseDay, previousPeriod, rollingPeriod, yearPeriod, type Period } from './periods.js';

/** What a question was understood as, or why it could not be. */
export type ParseResult = { ok: true; spec: QuerySpec } | { ok: false; reason: string; unmapped: string[] };

interface Tok {
  raw: string;
  stem: string;
  used: boolean;
  /** As written, case kept: "IT", "Residents". */
  orig: string;
}

type Candidate =
  | { kind: 'measure'; name: string; weak: boolean }
  | { kind: 'entity'; table: string }
  | { kind: 'dim'; name: string }
  | { kind: 'value'; dim: string; value: string }
  | { kind: 'time'; name: string };

interface Phrase {
  stems: string[];
  cand: Candidate;
  /** The phrase as written, for matches that need the same words and not only the same stems. */
  text: string;
  /** Matches only as written, case and all. */
  strict?: boolean;
}

interface Mention {
  start: number;
  len: number;
  cands: Candidate[];
  /** Every reading, values included; `cands` are the ones in play. */
  all?: Candidate[];
}

/** Irregular past tenses, so "spent" is "spend" and "grew" is "grow". */
const IRREGULAR: Record<string, string> = { spent: 'spend', sold: 'sell', bought: 'buy', grew: 'grow', rose: 'rise', fell: 'fall', took: 'take', gave: 'give', brought: 'bring', went: 'go' };

const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w, i) => [w, String(i)]),
);

/**
 * Words that carry no meaning of their own in an analytics question: they may be left
 * unmapped. Anything else left unmapped makes the agent decline, so a question about the
 * weather is never answered with revenue. Verbs here are neutral ones; a verb that changes the
 * answer ("failed", "churned") is not, and must map to a value or a flag.
 */
const NEUTRAL = new Set(
  (
    'a an the of for in on at to from by per each every all any our we us my me i you your it its this that these those there here ' +
    'what whats which who whom how much many is are was were be been being do does did done have has had will would can could should ' +
    'show tell list display break down breakdown split get got see let please want need know find look ' +
    'and or with within across over under between than versus vs against compare compared comparison relative ' +
    'so far ever currently current now right just only also about around roughly approximately overall ' +
    'bring brought come came generate generated earn earned run ran serve served work worked study ' +
    'receive received take took go went sign signed up join place placed turn turned out happen happened through via produce produced ' +
    'sell sold sells selling spend spent ' +
    'file record records database total sum number count average avg mean typical ' +
    'top bottom most least highest lowest biggest largest smallest best worst greatest fewest more less maximum minimum ' +
    'new ratio value values figure figures amount level levels data kind kinds type types ' +
    'trend trended trending time over period like going ' +
    'longest shortest ' +
    'based located employ employed log logged offer offered currently made'
  )
    .split(' ')
    .map((w) => stem(w)),
);
// Verbs that name a measure only when nothing else does ("which category sells the least").
const WEAK = new Set(['sell', 'sold', 'spend', 'spent', 'earn'].map((w) => stem(w)));
// Values too common as words to read as a filter ("other regions", "none").
const GENERIC_VALUES = new Set(['other', 'none', 'all', 'yes', 'no', 'unknown', 'n/a', 'not applicable', 'total', 'new', 'day', 'time']);
const DESC = new Set(['most', 'top', 'highest', 'biggest', 'largest', 'best', 'greatest', 'leading', 'maximum', 'more', 'longest'].map((w) => stem(w)));
const ASC = new Set(['least', 'lowest', 'smallest', 'worst', 'bottom', 'fewest', 'minimum', 'less', 'shortest'].map((w) => stem(w)));
const GROUP_CUES = new Set(['by', 'per', 'each', 'every', 'across', 'which', 'what', 'top', 'bottom']);
const NEGATIONS = new Set(['not', 'non', 'excluding', 'without', 'un']);

function tokenize(question: string): Tok[] {
  return question
    .replace(/['’]s\b/gi, '')
    .replace(/%/g, ' percent ')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((orig) => ({ orig, raw: NUMBER_WORDS[orig.toLowerCase()] ?? orig.toLowerCase() }))
    .map(({ orig, raw }) => ({ raw, orig, stem: stem(IRREGULAR[raw] ?? raw), used: false }));
}

/** A value written as the data writes it, capitals and all ("IT", "Residents" mid-sentence). */
function writtenAs(window: Tok[], value: string): boolean {
  const words = value.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return words.length === window.length && words.every((w, k) => window[k]?.orig === w) && /[A-Z]/.test(value);
}

function phraseStems(text: string): string[] {
  return tokenize(text).map((t) => t.stem);
}

/** The vocabulary of a semantic model: every phrase that names one of its parts. Pure. */
export function vocabulary(model: SemanticModel): Phrase[] {
  const out: Phrase[] = [];
  const add = (text: string, cand: Candidate): void => {
    const stems = phraseStems(text);
    // A phrase of neutral words only ("date", "to") would match everywhere; a value so named
    // ("IT") only where it is written as the data writes it.
    const neutral = stems.every((s) => (NEUTRAL.has(s) && !(cand.kind === 'measure' && WEAK.has(s))) || /^\d+$/.test(s));
    if (stems.length === 0 || (neutral && cand.kind !== 'value')) return;
    out.push({ stems, cand, text, ...(neutral ? { strict: true } : {}) });
  };
  for (const m of model.measures) {
    // Counts are named by their entity ("how many orders"), not as measures.
    if (m.agg === 'count') continue;
    const weak = (s: string): boolean => phraseStems(s).every((x) => WEAK.has(x));
    // A derived column measure is named by its column too ("average price" and "price").
    const bare = m.agg === 'sum' || m.agg === 'avg' ? m.label.replace(/^(total|average) /, '') : m.label;
    // "average price" names an average whose column is called "price" by a synonym.
    const prefixed = m.agg === 'avg' ? m.synonyms.map((x) => `average ${x}`) : m.agg === 'sum' ? m.synonyms.map((x) => `total ${x}`) : [];
    for (const text of [m.label, bare, m.name.replace(/_/g, ' '), ...m.synonyms, ...prefixed]) add(text, { kind: 'measure', name: m.name, weak: weak(text) });
  }
  for (const e of model.entities) {
    for (const text of [e.table.replace(/_/g, ' '), e.label, ...e.synonyms]) add(text, { kind: 'entity', table: e.table });
  }
  for (const d of model.dimensions) {
    for (const text of [d.label, d.name.replace(/_/g, ' '), ...d.synonyms]) add(text, { kind: 'dim', name: d.name });
    for (const v of d.sampleValues ?? []) {
      if (/^[\d.\s:/-]+$/.test(v) || GENERIC_VALUES.has(v.toLowerCase())) continue;
      add(v, { kind: 'value', dim: d.name, value: v });
    }
  }
  for (const t of model.timeDimensions) {
    const short = t.label.replace(/\b(date|at|ts|time|day)\b/g, '').trim();
    for (const text of [t.label, short, ...t.synonyms]) if (text) add(text, { kind: 'time', name: t.name });
  }
  return out;
}

/**
 * A value is named by its own words, give or take a plural ("mortgages", "no-shows"): a stem
 * match alone would read "opened" as the status "Open".
 */
function sameWords(window: Tok[], value: string, forms = false): boolean {
  const plural = (a: string, b: string): boolean => a === `${b}s` || a === `${b}es` || (forms && (a === `${b}d` || a === `${b}ed`));
  return tokenize(value).every((v, k) => {
    const raw = window[k]?.raw ?? '';
    return raw === v.raw || plural(raw, v.raw) || plural(v.raw, raw);
  });
}

function sameCand(a: Candidate, b: Candidate): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Claims the tokens a regex matches (on the unclaimed words), calling `fn` for each match. */
function scan(toks: Tok[], re: RegExp, fn: (m: RegExpExecArray, start: number) => boolean | void): void {
  const text = toks.map((t) => (t.used ? '#' : t.raw)).join(' ');
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
    const start = text.slice(0, m.index).split(' ').length - 1;
    const len = m[0].trim().split(' ').length;
    if (fn(m, start) === false) continue;
    for (let k = start; k < start + len; k++) {
      const t = toks[k];
      if (t) t.used = true;
    }
  }
}

const GRAINS = '(day|week|month|quarter|year)';
const MONTH_RE = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';

interface TimeParse {
  period?: Period;
  periodGrain?: TimeGrain;
  rolling?: number;
  compare: boolean;
  grain?: TimeGrain;
  conflict?: string;
}

function parseTime(toks: Tok[], asOf: string, isValueWord: (i: number) => boolean): TimeParse {
  const out: TimeParse = { compare: false };
  const set = (p: Period, grain?: TimeGrain, rolling?: number): boolean => {
    if (out.period) {
      out.conflict = `two periods (${out.period.label} and ${p.label})`;
      return true;
    }
    out.period = p;
    if (grain) out.periodGrain = grain;
    if (rolling !== undefined) out.rolling = rolling;
    return true;
  };
  const year = parseDay(asOf).y;
  let explicit = false;
  // "with the month before", "to the previous quarter" ("from last month" is a period, not a comparison).
  scan(toks, /\b(?:with|to|from) the (?:(?:one|period|day|week|month|quarter|year) before|(?:previous|prior|preceding) (?:one|period|day|week|month|quarter|year))\b/, () => {
    out.compare = explicit = true;
  });
  scan(toks, /\b(?:compared? (?:to|with)|vs|versus|against|relative to|than)(?: the)?(?: same)? (?:(?:one|1|period|day|week|month|quarter|year) before|(?:previous|prior|preceding|last) (?:one|1|period|day|week|month|quarter|year)|(?:day|week|month|quarter|year) before)\b/, () => {
    out.compare = explicit = true;
  });
  // "Did revenue go up?", "has churn fallen since…": a yes/no question about a change is a
  // comparison with the period before, never the bare figure.
  const yesNo = /^(did|does|do|has|have|is|are|was|were)$/.test(toks[0]?.raw ?? '');
  scan(toks, /\b(?:(?:go|goes|went|gone|going) )?(?:up|down)\b/, () => {
    if (yesNo) out.compare = true;
    return yesNo;
  });
  scan(toks, /\b(?:increas|decreas|grow|grew|grown|rise|rose|risen|fall|fell|fallen|drop|declin|improv|chang|shrink|shrank|shrunk)[a-z]*\b/, () => {
    if (yesNo) out.compare = true;
    return yesNo;
  });
  scan(toks, new RegExp(`\\b(?:(?:over|in|during|for|from) )?(?:the )?(?:last|past|previous|trailing|prior) (\\d+) ${GRAINS}s?\\b`), (m) => set(rollingPeriod(asOf, m[2] as TimeGrain, Number(m[1])), m[2] as TimeGrain, Number(m[1])));
  scan(toks, new RegExp(`\\b(?:(?:over|in|during|for) )?(?:the )?(?:last|previous|prior|past) ${GRAINS}\\b`), (m) => set(calendarPeriod(asOf, m[1] as TimeGrain, 1), m[1] as TimeGrain));
  scan(toks, /\byesterday\b/, () => set(calendarPeriod(asOf, 'day', 1), 'day'));
  scan(toks, new RegExp(`\\b(?:(?:so far|in|during|for) )?(?:this|the current|current) ${GRAINS}(?: so far| to date)?\\b`), (m) => set(calendarPeriod(asOf, m[1] as TimeGrain, 0), m[1] as TimeGrain));
  scan(toks, /\b(year|month|quarter) to date\b/, (m) => set(calendarPeriod(asOf, m[1] as TimeGrain, 0), m[1] as TimeGrain));
  scan(toks, /\b(ytd|mtd|qtd)\b/, (m) => set(calendarPeriod(asOf, m[1] === 'ytd' ? 'year' : m[1] === 'mtd' ? 'month' : 'quarter', 0)));
  scan(toks, /\btoday\b/, () => set(calendarPeriod(asOf, 'day', 0), 'day'));
  scan(toks, new RegExp(`\\bsince ${MONTH_RE}(?: (\\d{4}))?\\b`), (m) => {
    const month = monthNumber(m[1] ?? '') ?? 1;
    const y = m[2] ? Number(m[2]) : month <= parseDay(asOf).m ? year : year - 1;
    return set({ ...monthPeriod(y, month), end: asOf, label: `${monthPeriod(y, month).label.split('–')[0] ?? ''} onwards`.replace(/^(\d+)$/, '$1') });
  });
  scan(toks, /\bsince (\d{4})\b/, (m) => set({ start: `${m[1] ?? year}-01-01`, end: asOf, label: `since ${m[1] ?? year}` }));
  scan(toks, /\b(?:in |during |for )?q([1-4])(?: (\d{4}))?\b/, (m) => {
    const q = Number(m[1]);
    const y = m[2] ? Number(m[2]) : year;
    const start = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const end = monthPeriod(y, q * 3).end;
    return set({ start, end, label: `Q${q} ${y}` }, 'quarter');
  });
  scan(toks, new RegExp(`\\b(in |during |for )?${MONTH_RE}(?: (\\d{4}))?\\b`), (m) => {
    // "may" is a verb unless a preposition or a year makes it a month.
    if (m[2] === 'may' && !m[1] && !m[3]) return false;
    const month = monthNumber(m[2] ?? '') ?? 1;
    const y = m[3] ? Number(m[3]) : month <= parseDay(asOf).m ? year : year - 1;
    return set(monthPeriod(y, month), 'month');
  });
  scan(toks, /\b(?:in |during |for )?(?:the year |fiscal |fy )?((?:19|20)\d\d)\b/, (m) => set(yearPeriod(Number(m[1])), 'year'));

  scan(toks, /\bmonth (?:by|over|on) month\b/, () => {
    out.grain ??= 'month';
  });
  scan(toks, new RegExp(`\\b(?:by|per|each|every|a|for each|in each) ${GRAINS}\\b`), (m) => {
    out.grain ??= m[1] as TimeGrain;
  });
  const adjectives: Record<string, TimeGrain> = { daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year', annually: 'year', annual: 'year' };
  toks.forEach((t, i) => {
    const g = adjectives[t.raw];
    if (!t.used && g && !isValueWord(i)) {
      out.grain ??= g;
      t.used = true;
    }
  });
  scan(toks, /\b(?:over time|trend|trends|trended|trending|evolution|evolved)\b/, () => {
    out.grain ??= 'month';
  });
  // "Has churn risen since March?" compares a start with now, not two periods: not answered as one.
  if (out.compare && out.period && /since|onwards/.test(out.period.label)) {
    out.conflict = `a change ${out.period.label}, which I can only answer as two periods ("this quarter compared to the one before")`;
    return out;
  }
  if (out.compare && out.period) {
    const previous = previousPeriod(out.period, out.periodGrain, out.rolling, !explicit);
    return { ...out, period: out.period, compare: true, ...{ comparePeriod: previous } };
  }
  return out;
}

/** Parses a question into a query over the semantic model, or says which words it could not map. Pure. */
export function parseQuestion(question: string, model: SemanticModel, asOf: string): ParseResult {
  const toks = tokenize(question);
  const phrases = vocabulary(model);
  const maxLen = Math.max(1, ...phrases.map((p) => p.stems.length));
  const lookup = (start: number, len: number, all = false): Candidate[] => {
    const window = toks.slice(start, start + len);
    if (window.length < len || (!all && window.some((t) => t.used))) return [];
    const matched = phrases.filter(
      (p) => p.stems.length === len && p.stems.every((s, k) => window[k]?.stem === s) && (p.cand.kind !== 'value' || sameWords(window, p.cand.value)) && (!p.strict || (p.cand.kind === 'value' && writtenAs(window, p.cand.value))),
    );
    const names = matched.some((p) => p.cand.kind === 'entity');
    const out: Candidate[] = [];
    for (const p of matched) {
      // A word that names a table ("wines") names a measure only in its own words, not by a
      // shared stem ("wins").
      if (names && p.cand.kind === 'measure' && !sameWords(window, p.text, true)) continue;
      if (!out.some((c) => sameCand(c, p.cand))) out.push(p.cand);
    }
    return out;
  };
  /** A word that names a table ("reservations", "branches") is the table, not a value that looks like it, unless told otherwise. */
  const tableOverValue = (cands: Candidate[], start = 0): Candidate[] => {
    if (!cands.some((c) => c.kind === 'entity')) return cands;
    // …except a value capitalised as the data writes it, mid-sentence ("revenue from Residents").
    const values = cands.filter((c): c is Extract<Candidate, { kind: 'value' }> => c.kind === 'value');
    const len = values[0] ? tokenize(values[0].value).length : 0;
    if (start > 0 && values.some((v) => writtenAs(toks.slice(start, start + len), v.value))) return values;
    return cands.filter((c) => c.kind !== 'value');
  };
  const mentions: Mention[] = [];
  const claim = (minLen: number): void => {
    for (let len = maxLen; len >= minLen; len--) {
      for (let i = 0; i + len <= toks.length; i++) {
        const cands = lookup(i, len);
        if (!cands.length) continue;
        mentions.push({ start: i, len, cands: tableOverValue(cands, i), all: cands });
        for (let k = i; k < i + len; k++) (toks[k] as Tok).used = true;
      }
    }
  };

  // Several-word names first ("annual recurring revenue", "VIP members"), so a period or a
  // grain never takes one of their words.
  const valueWords = new Set<number>();
  toks.forEach((_, i) => {
    // A word inside a several-word name ("annual recurring revenue") is not a grain.
    for (let len = 2; len <= maxLen; len++) for (let s = Math.max(0, i - len + 1); s <= i; s++) if (lookup(s, len, true).length) valueWords.add(i);
    // A grain adjective that is also a dimension value ("monthly versus annual contracts") is
    // the value when another value of the same dimension is named too.
    const here = tableOverValue(lookup(i, 1, true)).filter((c): c is Extract<Candidate, { kind: 'value' }> => c.kind === 'value');
    for (const c of here) {
      const others = toks.some((_, j) => j !== i && tableOverValue(lookup(j, 1, true)).some((o) => o.kind === 'value' && o.dim === c.dim));
      if (others) valueWords.add(i);
    }
  });
  // "Give me…" asks; "gave" and "giving" are about gifts.
  scan(toks, /\bgive (?:me|us)\b/, () => undefined);
  const time = parseTime(toks, asOf, (i) => valueWords.has(i));
  if (time.conflict) return { ok: false, reason: `The question names ${time.conflict}; ask about one period at a time.`, unmapped: [] };
  claim(2);
  // Re-run the grain words now that multi-word names are taken.
  claim(1);
  // "the Families segment" where the customers are families: a value and its dimension, not the
  // "family segment" dimension alone.
  for (const m of [...mentions]) {
    const dims = m.cands.filter((c): c is Extract<Candidate, { kind: 'dim' }> => c.kind === 'dim');
    // ("by family segment" groups by the dimension.)
    if (m.len < 2 || !dims.length || m.cands.some((c) => c.kind === 'measure') || hasCue(m.start)) continue;
    for (let k = m.len - 1; k >= 1; k--) {
      const value = lookup(m.start, k, true).find((c): c is Extract<Candidate, { kind: 'value' }> => c.kind === 'value' && dims.some((d) => d.name === c.dim));
      const rest = lookup(m.start + k, m.len - k, true).filter((c) => c.kind === 'dim' && c.name === value?.dim);
      if (!value || !rest.length) continue;
      mentions.splice(mentions.indexOf(m), 1, { start: m.start, len: k, cands: [value], all: [value] }, { start: m.start + k, len: m.len - k, cands: rest, all: rest });
      break;
    }
  }
  // A dimension named by a word too common to be a name on its own ("level", "type") is that
  // dimension right after a grouping word: "at each level", "by type".
  toks.forEach((t, i) => {
    if (t.used || !NEUTRAL.has(t.stem) || !['by', 'per', 'each', 'every', 'across'].includes(toks[i - 1]?.raw ?? '')) return;
    const dims = model.dimensions.filter((d) => d.dataType !== 'boolean' && [d.label, d.name.replace(/_/g, ' '), ...d.synonyms].some((x) => phraseStems(x).join(' ') === t.stem));
    if (!dims.length) return;
    mentions.push({ start: i, len: 1, cands: dims.map((d) => ({ kind: 'dim', name: d.name })) });
    t.used = true;
  });

  // Cues, on what is left.
  let countAt = -1;
  let howMuch = false;
  let avg = false;
  let total = false;
  let share = false;
  let order: 'asc' | 'desc' | undefined;
  let limit: number | undefined;
  let topAt = -1;
  scan(toks, /\b(?:how many|number of|count of|count|how often)\b/, (_m, start) => {
    countAt = start;
  });
  // "falls in each category", "fall under": a share's wording, not a change.
  scan(toks, /\b(?:falls?|fell) (?:in|into|under)\b/, () => undefined);
  scan(toks, /\bhow much\b/, () => {
    howMuch = true;
  });
  scan(toks, /\b(?:on average|average|avg|mean|typical)\b/, () => {
    avg = true;
  });
  scan(toks, /\b(?:total|sum|overall)\b/, () => {
    total = true;
  });
  scan(toks, /\b(?:share|percentage|percent|proportion|mix|split|what fraction)\b/, () => {
    share = true;
  });
  scan(toks, /\b(top|bottom) (\d+)\b/, (m, start) => {
    order = m[1] === 'bottom' ? 'asc' : 'desc';
    limit = Number(m[2]);
    topAt = start;
  });
  toks.forEach((t, i) => {
    if (t.used) return;
    if (DESC.has(t.stem)) order ??= 'desc';
    else if (ASC.has(t.stem)) order ??= 'asc';
    else return;
    if (t.raw === 'top' || t.raw === 'bottom') topAt = i;
  });

  mentions.sort((a, b) => a.start - b.start);
  const entityTables = new Set(mentions.flatMap((m) => m.cands.flatMap((c) => (c.kind === 'entity' ? [c.table] : []))));
  // Entities named inside a value ("OEM accounts", "international students") count as context too.
  toks.forEach((_, i) => {
    for (let len = 1; len <= 3; len++) for (const c of lookup(i, len, true)) if (c.kind === 'entity') entityTables.add(c.table);
  });
  const measureOf = (name: string) => model.measures.find((m) => m.name === name);
  const countMeasureOf = (table: string) => model.measures.find((m) => m.table === table && m.agg === 'count' && !m.filters?.length && m.name === `${table}_count`) ?? model.measures.find((m) => m.table === table && m.agg === 'count' && !m.filters?.length);

  // What is counted: the entity named right after "how many" / "number of".
  let countMention: Mention | undefined;
  // A word that names both a table and a value is the value when it qualifies another table
  // ("Billing support requests") or sits next to the value's dimension ("the Families segment").
  mentions.sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    const values = (m.all ?? []).filter((c): c is Extract<Candidate, { kind: 'value' }> => c.kind === 'value');
    if (!values.length || !m.cands.some((c) => c.kind === 'entity')) continue;
    const next = mentions.find((o) => o.start === m.start + m.len);
    const prev = mentions.find((o) => o.start + o.len === m.start);
    const qualifies = next?.cands.some((c) => c.kind === 'entity') === true;
    const besideDim = [next, prev].some((o) => o?.cands.some((c) => c.kind === 'dim' && values.some((v) => v.dim === c.name)));
    if (qualifies || besideDim) m.cands = values;
  }
  // "How many billable hours" sums the hours, even where a table is called billable_hours.
  // (A sum named by one of its other names, "donations" for the amount raised, is still a count.)
  const summed = (m: Mention): boolean => m.cands.some((c) => c.kind === 'measure' && measureOf(c.name)?.agg === 'sum' && byLabel(m, c.name));
  if (countAt >= 0) countMention = mentions.find((m) => m.start > countAt && m.start <= countAt + 4 && m.cands.some((c) => c.kind === 'entity') && !summed(m));
  // Between "how many" and what is counted, a word that is a value qualifies the count ("how many
  // Billing requests"), even when it names a measure too ("billings").
  for (const m of mentions) {
    if (countMention && m.start > countAt && m.start < countMention.start && (m.all ?? []).some((c) => c.kind === 'value')) m.cands = (m.all ?? []).filter((c) => c.kind === 'value');
  }

  // A count named by its entity ("attorneys") is the entity when another measure is named:
  // "top 5 attorneys by billable hours" ranks attorneys, it does not count them.
  const countOnly = (m: Mention): boolean =>
    m.cands.some((c) => c.kind === 'entity' || c.kind === 'dim') && m.cands.every((c) => c.kind !== 'measure' || ['count', 'count_distinct'].includes(measureOf(c.name)?.agg ?? ''));
  // "How many donors gave", "how many clients booked": the distinct ones among the rows of what
  // they did, when the model counts them so.
  let activeCount: { measure: string; act: Mention } | undefined;
  if (countMention) {
    const end = countMention.start + countMention.len;
    const act = mentions.find((o) => o.start === end || (o.start === end + 1 && ['who', 'that'].includes(toks[end]?.raw ?? '')));
    const counted = countMention.cands.find((c): c is Extract<Candidate, { kind: 'entity' }> => c.kind === 'entity')?.table;
    for (const c of act?.cands ?? []) {
      // "How many customers ordered": the distinct customers among the orders, which the model
      // has no measure for; never the customers themselves.
      if (c.kind === 'entity' && act && model.joins.some((j) => j.from === c.table && j.to === counted) && !model.measures.some((x) => x.table === c.table && x.agg === 'count_distinct')) {
        return { ok: false, reason: `Counting ${phraseText(countMention)} by what they did needs a distinct count this dataset does not define.`, unmapped: [] };
      }
      const done = c.kind === 'measure' ? measureOf(c.name) : undefined;
      const fk = done ? model.joins.find((j) => j.from === done.table && j.to === counted) : undefined;
      const distinct = fk ? model.measures.find((x) => x.table === fk.from && x.agg === 'count_distinct' && x.expr === fk.fromColumn && !x.filters?.length) : undefined;
      if (act && distinct) {
        activeCount = { measure: distinct.name, act };
        break;
      }
    }
  }
  const allMeasureMentions = mentions.filter((m) => m !== countMention && m !== activeCount?.act && m.cands.some((c) => c.kind === 'measure'));
  const measureMentions = allMeasureMentions.some((m) => !countOnly(m)) ? allMeasureMentions.filter((m) => !countOnly(m)) : allMeasureMentions;
  const strong = measureMentions.filter((m) => m.cands.some((c) => c.kind === 'measure' && !c.weak));
  const usedMeasureMentions = strong.length ? strong : measureMentions;
  const chosenMeasures: string[] = [];
  let ambiguous: string | undefined;
  const pickMeasure = (m: Mention): string | undefined => {
    const cands = m.cands.filter((c): c is Extract<Candidate, { kind: 'measure' }> => c.kind === 'measure').map((c) => measureOf(c.name)).filter((x) => x !== undefined);
    // A measure of a table the question names (or one its rows belong to) first; then one named by
    // its own label rather than by a synonym ("average satisfaction", not a rating called so).
    // (A table named as a grouping, "by care level", says how to split, not what is measured.)
    const named = mentions.filter((x) => x !== m && !hasCue(x.start)).flatMap((x) => x.cands.flatMap((c) => (c.kind === 'entity' ? [c.table] : [])));
    const rank = (x: (typeof cands)[number]): number => (named.includes(x.table) ? 0 : named.some((t) => joinPath(x.table, t, model.joins) !== undefined) ? 2 : 4) + (byLabel(m, x.name) ? 0 : 1);
    const sorted = [...cands].sort((a, b) => rank(a) - rank(b));
    const best = sorted[0];
    if (!best) return undefined;
    // Two modules measuring the same thing ("revenue" of stays and of care visits): without a
    // table to tell them apart, ask rather than pick one.
    const base = (n: string): string => n.replace(/_\d+$/, '');
    const rival = sorted.find((x) => x !== best && rank(x) === rank(best) && x.table !== best.table && base(x.name) === base(best.name));
    if (rival) {
      ambiguous = `"${phraseText(m)}" is measured both on ${best.table.replace(/_/g, ' ')} and on ${rival.table.replace(/_/g, ' ')}; say which (for example "${best.label} from ${best.table.replace(/_/g, ' ')}").`;
      return undefined;
    }
    // "average X" and "total X" switch between the sum and the average of the same column.
    const twin = (agg: 'sum' | 'avg') => model.measures.find((x) => x.table === best.table && x.expr === best.expr && x.agg === agg && JSON.stringify(x.filters ?? []) === JSON.stringify(best.filters ?? []));
    if (avg && best.agg === 'sum') return twin('avg')?.name ?? best.name;
    if (total && best.agg === 'avg' && best.format !== 'percent') return twin('sum')?.name ?? best.name;
    return best.name;
  };
  for (const m of usedMeasureMentions) {
    // "utilisation rate", "conversion ratio": the word after a rate's name is part of it, not a
    // second measure called "rate".
    const said = toks[m.start]?.raw ?? '';
    const after = usedMeasureMentions.find((o) => o.start + o.len === m.start);
    const rateOf = after?.cands.some((c) => c.kind === 'measure' && ['percent'].includes(measureOf(c.name)?.format ?? '') || (c.kind === 'measure' && measureOf(c.name)?.agg === 'ratio'));
    if (m.len === 1 && ['rate', 'ratio', 'percentage'].includes(said) && rateOf) continue;
    const name = pickMeasure(m);
    if (name && !chosenMeasures.includes(name)) chosenMeasures.push(name);
  }
  if (activeCount && chosenMeasures.length === 0) chosenMeasures.push(activeCount.measure);
  const consumed = new Set<Mention>(usedMeasureMentions);
  if (activeCount && countMention) consumed.add(countMention).add(activeCount.act);
  if (ambiguous) return { ok: false, reason: ambiguous, unmapped: [] };
  if (chosenMeasures.length === 0) {
    const countTable = countMention?.cands.find((c): c is Extract<Candidate, { kind: 'entity' }> => c.kind === 'entity')?.table;
    if (countMention) consumed.add(countMention);
    let table = countTable;
    if (!table && countAt >= 0) {
      // "How many no-shows": the rows of the table the named value belongs to.
      const value = mentions.find((m) => m.cands.some((c) => c.kind === 'value' || c.kind === 'dim'));
      const c = value?.cands.find((x) => x.kind === 'value' || (x.kind === 'dim' && model.dimensions.find((d) => d.name === x.name)?.dataType === 'boolean'));
      const dimName = c?.kind === 'value' ? c.dim : c?.kind === 'dim' ? c.name : undefined;
      table = model.dimensions.find((d) => d.name === dimName)?.table;
    }
    if (!table && !howMuch) {
      // "Which region has the most accounts?": the entity that is not a grouping.
      const entity = mentions.find((m) => m.cands.some((c) => c.kind === 'entity') && !hasCue(m.start));
      const c = entity?.cands.find((x): x is Extract<Candidate, { kind: 'entity' }> => x.kind === 'entity');
      if (entity && c) {
        consumed.add(entity);
        table = c.table;
      }
    }
    const counted = table ? countMeasureOf(table) : undefined;
    if (counted) chosenMeasures.push(counted.name);
  }
  if (chosenMeasures.length === 0) {
    const unmapped = leftovers();
    return { ok: false, reason: `it names no measure this dataset has${unmapped.length ? ` (I could not map ${unmapped.map((w) => `"${w}"`).join(', ')})` : ''}.`, unmapped };
  }

  const first = measureOf(chosenMeasures[0] ?? '');
  const baseTable = first ? (leaves(first, model)[0]?.table ?? first.table) : '';
  const distance = (table: string): number => joinPath(baseTable, table, model.joins)?.length ?? Infinity;

  /** Whether a mention reads as the measure's own label or name, not one of its synonyms. */
  function byLabel(m: Mention, name: string): boolean {
    const x = measureOf(name);
    if (!x) return false;
    const said = toks.slice(m.start, m.start + m.len).map((t) => t.stem).join(' ');
    const bare = x.agg === 'sum' || x.agg === 'avg' ? x.label.replace(/^(total|average) /, '') : x.label;
    return [x.label, bare, x.name.replace(/_/g, ' ')].some((l) => phraseStems(l).join(' ') === said);
  }

  /** Whether a grouping word comes right before (skipping articles and a count): "by the region", "top 5 branches". */
  function hasCue(start: number): boolean {
    for (let k = start - 1; k >= 0 && k >= start - 3; k--) {
      const t = toks[k];
      if (!t) return false;
      if (GROUP_CUES.has(t.raw)) return true;
      if (!(['the', 'a', 'an'].includes(t.raw) || /^\d+$/.test(t.raw))) return false;
    }
    return false;
  }

  // Values become filters; a dimension named next to its value only says which dimension.
  const filters: QueryFilter[] = [];
  const qualifiers = new Set<Mention>();
  for (const m of mentions) {
    const values = m.cands.filter((c): c is Extract<Candidate, { kind: 'value' }> => c.kind === 'value');
    if (!values.length || consumed.has(m)) continue;
    const neighbours = mentions.filter((o) => o !== m && (o.start === m.start + m.len || o.start + o.len === m.start || o.start === m.start + m.len + 1) && o.cands.some((c) => c.kind === 'dim'));
    let chosen = values.find((v) => neighbours.some((n) => n.cands.some((c) => c.kind === 'dim' && c.name === v.dim)));
    if (chosen) for (const n of neighbours) if (n.cands.some((c) => c.kind === 'dim' && c.name === chosen?.dim)) qualifiers.add(n);
    chosen ??= [...values].sort((a, b) => distance(dimTable(a.dim)) - distance(dimTable(b.dim)))[0];
    if (!chosen || distance(dimTable(chosen.dim)) === Infinity) return { ok: false, reason: `"${phraseText(m)}" does not apply to ${first?.label ?? 'that measure'}.`, unmapped: [] };
    const existing = filters.find((f) => f.dimension === chosen?.dim);
    if (existing) existing.values.push(chosen.value);
    else filters.push({ dimension: chosen.dim, values: [chosen.value] });
    consumed.add(m);
  }
  function dimTable(name: string): string {
    return model.dimensions.find((d) => d.name === name)?.table ?? '';
  }
  function phraseText(m: Mention): string {
    return toks
      .slice(m.start, m.start + m.len)
      .map((t) => t.raw)
      .join(' ');
  }

  // Dimensions: booleans are flags ("cancelled bookings"), the rest group the rows.
  const dimensions: string[] = [];
  let timeDimension: string | undefined;
  let singularGroup = false;
  for (const m of mentions) {
    if (consumed.has(m) || qualifiers.has(m)) continue;
    const dims = m.cands.filter((c): c is Extract<Candidate, { kind: 'dim' }> => c.kind === 'dim').map((c) => model.dimensions.find((d) => d.name === c.name)).filter((d) => d !== undefined);
    const isEntity = m.cands.some((c) => c.kind === 'entity');
    const times = m.cands.filter((c): c is Extract<Candidate, { kind: 'time' }> => c.kind === 'time');
    const flags = dims.filter((d) => d.dataType === 'boolean');
    if (flags.length && !isEntity) {
      const flag = [...flags].sort((a, b) => distance(a.table) - distance(b.table))[0];
      if (!flag || distance(flag.table) === Infinity) return { ok: false, reason: `"${phraseText(m)}" does not apply to ${first?.label ?? 'that measure'}.`, unmapped: [] };
      const before = toks[m.start - 1]?.raw ?? '';
      filters.push({ dimension: flag.name, values: [NEGATIONS.has(before) ? 'false' : 'true'] });
      if (NEGATIONS.has(before)) (toks[m.start - 1] as Tok).used = true;
      continue;
    }
    const groupable = dims.filter((d) => d.dataType !== 'boolean');
    if (groupable.length && (hasCue(m.start) || !isEntity)) {
      const dim = [...groupable].sort((a, b) => distance(a.table) - distance(b.table))[0];
      if (!dim || distance(dim.table) === Infinity) return { ok: false, reason: `${first?.label ?? 'That measure'} cannot be broken down by "${phraseText(m)}".`, unmapped: [] };
      if (!dimensions.includes(dim.name)) dimensions.push(dim.name);
      const last = toks[m.start + m.len - 1];
      if (toks[m.start - 1]?.raw === 'which' || toks[m.start - 2]?.raw === 'which' || toks[m.start - 1]?.raw === 'what') singularGroup = last !== undefined && (last.raw === last.stem || !/s$/.test(last.raw));
      continue;
    }
    if (times.length) {
      const t = times.map((c) => model.timeDimensions.find((d) => d.name === c.name)).filter((d) => d !== undefined).sort((a, b) => distance(a.table) - distance(b.table))[0];
      if (t && distance(t.table) !== Infinity) timeDimension = t.name;
      continue;
    }
    // An entity named as context ("for customers", "per subscription") adds nothing.
  }

  // A table named as context must relate to what is measured: "the average rating of our stays"
  // is not the rating of care visits.
  for (const m of mentions) {
    if (consumed.has(m) || qualifiers.has(m) || !m.cands.every((c) => c.kind === 'entity' || c.kind === 'dim' || c.kind === 'time')) continue;
    const tables = m.cands.flatMap((c) => (c.kind === 'entity' ? [c.table] : []));
    // "Revenue per order" divides by the orders: the model's ratio of the two, or no answer.
    // (Per one of its own rows, "average weight per shipment", is the measure itself.)
    if (toks[m.start - 1]?.raw === 'per' && tables.length && !tables.includes(baseTable) && !dimensions.some((d) => tables.includes(model.dimensions.find((x) => x.name === d)?.table ?? ''))) {
      const ratio = model.measures.find((r) => {
        if (r.agg !== 'ratio' || r.numerator === undefined) return false;
        const num = measureOf(r.numerator);
        const den = measureOf(r.denominator ?? '');
        return num !== undefined && den !== undefined && chosenMeasures.some((c) => measureOf(c)?.expr === num.expr && measureOf(c)?.table === num.table) && tables.includes(den.table) && ['count', 'count_distinct'].includes(den.agg);
      });
      if (!ratio || chosenMeasures.length !== 1) return { ok: false, reason: `I have no measure of ${first?.label ?? 'that'} per ${phraseText(m)}.`, unmapped: [] };
      chosenMeasures.splice(0, 1, ratio.name);
      continue;
    }
    if (tables.length && m.cands.every((c) => c.kind === 'entity' || c.kind === 'time') && !tables.some((t) => distance(t) !== Infinity || joinPath(t, baseTable, model.joins) !== undefined)) {
      return { ok: false, reason: `${first?.label ?? 'That measure'} is not measured for "${phraseText(m)}".`, unmapped: [] };
    }
  }

  // Two values of one dimension ("monthly versus annual") are compared side by side.
  for (const f of filters) if (f.values.length > 1 && !dimensions.includes(f.dimension)) dimensions.push(f.dimension);

  // "What share of invoices were paid late?", "what percentage of policies lapsed in each segment?":
  // the rate of the flag, not each group's share of a count.
  if (share && chosenMeasures.every((n) => ['count', 'count_distinct'].includes(measureOf(n)?.agg ?? ''))) {
    const flagFilter = filters.find((f) => model.dimensions.find((d) => d.name === f.dimension)?.dataType === 'boolean' && f.values[0] === 'true');
    const flag = model.dimensions.find((d) => d.name === flagFilter?.dimension);
    const rate = flag ? model.measures.find((m) => m.table === flag.table && m.agg === 'avg' && m.format === 'percent' && m.expr === `CASE WHEN ${flag.expr} THEN 100.0 ELSE 0 END`) : undefined;
    if (flagFilter && rate) {
      chosenMeasures.splice(0, chosenMeasures.length, rate.name);
      filters.splice(filters.indexOf(flagFilter), 1);
      share = false;
    }
  }

  // "Most" and "least" rank something: with nothing to rank ("our best-selling beer" where no
  // measure says what selling is), there is no answer.
  if (order && dimensions.length === 0 && !time.grain && limit === undefined) return { ok: false, reason: 'It asks for the most or least of something, but names nothing I can rank by.', unmapped: [] };
  // A share of nothing split is the whole: "what is our share price?" is not about shares of a total.
  if (share && dimensions.length === 0 && !time.grain) return { ok: false, reason: 'It asks for a share without saying of what split by what (for example "share of revenue by region").', unmapped: [] };
  const left = leftovers();
  if (left.length) return { ok: false, reason: `I could not map ${left.map((w) => `"${w}"`).join(', ')} to this dataset.`, unmapped: left };
  if (time.compare && !time.period) return { ok: false, reason: 'It asks for a comparison without a period to compare.', unmapped: [] };

  // A number right before the grouping ("which 5 lanes") is how many rows to show.
  if (limit === undefined && dimensions.length) {
    const n = toks.find((t, i) => !t.used && /^\d+$/.test(t.raw) && i < toks.length - 1);
    if (n) {
      limit = Number(n.raw);
      n.used = true;
      order ??= 'desc';
    } else if (singularGroup && order) limit = 1;
  }
  void topAt;

  const spec: QuerySpec = {
    measures: chosenMeasures,
    dimensions,
    filters,
    ...(time.grain ? { grain: time.grain } : {}),
    ...(timeDimension ? { timeDimension } : {}),
    ...(time.period ? { period: time.period } : {}),
    ...('comparePeriod' in time ? { comparePeriod: (time as { comparePeriod: Period }).comparePeriod } : {}),
    ...(order ? { order } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(share ? { share: true } : {}),
  };
  return { ok: true, spec };

  function leftovers(): string[] {
    // Words of a chosen part's own name are not left over ("requested" in "requested loan amount").
    const own = new Set(
      [...chosenMeasures.flatMap((n) => [n, measureOf(n)?.expr ?? '']), ...mentions.flatMap((m) => m.cands.map((c) => ('name' in c ? c.name : 'table' in c ? c.table : '')))]
        .flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/))
        .map((w) => stem(w)),
    );
    return toks.filter((t) => !t.used && !NEUTRAL.has(t.stem) && !DESC.has(t.stem) && !ASC.has(t.stem) && !NEGATIONS.has(t.raw) && !/^\d+$/.test(t.raw) && !own.has(t.stem)).map((t) => t.raw);
  }
}
