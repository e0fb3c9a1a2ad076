/**
 * The company's own places as it writes them in prose: "chapels in Dayton, Kettering and
 * Beavercreek", "four centers in Portland: Sellwood, Hawthorne, Alberta and St. Johns", "two
 * championship courses, the Canyon Course and the Desert Course". Pure: reads text only.
 */
import { CA_PROVINCES, COUNTRIES, US_STATES } from './gazetteer.js';

/** Nouns for the places a business runs; followed by "in"/"across" and names. */
const PLACE_NOUNS = 'locations|centers|centres|offices|stores|branches|chapels|studios|clinics|shops|restaurants|cafes|cafés|campuses|sites|crews|hotels|venues|gyms|practices|warehouses|facilities|showrooms|salons|spas|bakeries|pharmacies|dealerships|outlets|taprooms|kitchens|schools|depots|yards|hubs|galleries|theaters|theatres|markets|branch offices';

/** Nouns that name a place only with a count and names that repeat the noun ("the Canyon Course"). */
const COUNTED_NOUNS = 'courses|hotels|resorts|parks|rinks|pools|properties|inns|lodges|farms|vineyards|campgrounds|marinas|halls|galleries|theaters|theatres';

const COUNT = `${eitherCase('two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens|several|multiple')}|\\d{1,3}`;
const NUMBER = `(?:${COUNT})`;

/** A capitalised word of a place name, or an abbreviation such as "St." that may start one. */
const WORD = "(?:(?:St|Ste|Ft|Mt|Pt)\\.|\\p{Lu}[\\p{L}'’-]*)";
/** A place name: up to four capitalised words, with "of", "upon", "de", "la" and the like between them. */
const NAME = `${WORD}(?:\\s+(?:(?:of|upon|on|de|la|le|del|du|des|am|an)\\s+)?${WORD}){0,3}`;
/** Names joined by commas, "and" or "&". */
const NAMES = `(?:the\\s+)?${NAME}(?:(?:\\s*,\\s*(?:and\\s+|&\\s+)?|\\s+(?:and|&)\\s+)(?:the\\s+)?${NAME})*`;

/** Alternatives matched with either case of their first letter ("Locations in", "locations in"); the rest stays case-sensitive so names must be capitalised. */
function eitherCase(alternatives: string): string {
  return alternatives
    .split('|')
    .map((w) => (/^\p{L}/u.test(w) ? `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}` : w))
    .join('|');
}

const IN_PHRASE = new RegExp(`\\b(?:${eitherCase(PLACE_NOUNS)})(?:\\s+[a-z][\\p{Ll}-]*){0,3}?\\s+(?:in|across)\\s+(${NAMES})(?:\\s*:\\s*(${NAMES}))?`, 'gu');
const COUNTED = new RegExp(`\\b${NUMBER}\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?(${PLACE_NOUNS}|${COUNTED_NOUNS})\\s*[,:]\\s*(${NAMES})`, 'gu');

/** Capitalised words that are not places: sentence starters, months, days, and the like. */
const NOT_A_PLACE = /^(our|the|this|that|these|those|we|you|your|my|their|its|his|her|all|each|every|more|most|many|some|other|both|and|or|in|at|on|for|with|from|since|by|to|of|a|an|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|call|visit|book|contact|find|see|learn|read|get|join|open|opening|now|coming|soon|here|there|us|usa|inc|llc|ltd|i|online|amazon|etsy|ebay|shopify|google|apple|facebook|instagram|wordpress|english|spanish|french)$/i;

/** States, provinces and countries: named after a list of towns, they locate the towns. */
const BROADER = new Set([...US_STATES, ...CA_PROVINCES, ...COUNTRIES].map((x) => x.toLowerCase()));

export interface LocalPlace {
  name: string;
  /** Where the phrase starts in the text, for quoting. */
  index: number;
  /** The phrase as written. */
  phrase: string;
}

/**
 * Whether the words just before a place noun make the places the company's own: "our",
 * "with", "has", a count ("nine branches"), or nothing (the sentence starts there). "Managing
 * major retail stores in NSW" in a staff biography is someone's past, not the company's places.
 */
const OWNED = new RegExp(`(?<![\\p{L}\\p{N}'’])(our|we|we've|we’ve|with|has|have|having|its|from|at|operates?|operating|runs?|owns?|${COUNT})(?![\\p{L}\\p{N}'’])`, 'iu');
function ownedBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 100), index);
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf(': ')) + 1);
  const words = sentence.trim().split(/\s+/).filter(Boolean).slice(-6);
  return words.length === 0 || OWNED.test(words.join(' '));
}

/** Splits a list of names at commas, "and" and "&", dropping a leading "the". */
function splitNames(list: string): string[] {
  return list
    .split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/)
    .map((n) => n.replace(/^the\s+/, '').trim())
    .filter(Boolean);
}

/** A name kept only when none of its words is a sentence word, month or day, and it is not the company's. */
function placeName(raw: string, companyKey: string): string | undefined {
  // "The Hague" and "The Woodlands" are places; a lone "The" or "Our" starts a sentence.
  const words = raw.split(/\s+/).filter((w, i, all) => !(i === 0 && w === 'The' && all.length > 1));
  if (words.some((w) => NOT_A_PLACE.test(w.replace(/[.'’]+$/, '')))) return undefined;
  if (raw.length < 3 || raw.length > 40) return undefined;
  if (companyKey && raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') === companyKey) return undefined;
  return raw;
}

/**
 * Places named after a place noun ("stores in Boston, Salem and Lowell"; after a colon, the
 * names that follow it: "centers in Portland: Sellwood and Alberta"), and places counted and
 * named ("two courses, the Canyon Course and the Desert Course", whose names must repeat the
 * noun). Each name once, in the order written.
 */
export function localPlaces(text: string, companyName = ''): LocalPlace[] {
  const companyKey = companyName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const out: LocalPlace[] = [];
  const add = (names: string[], index: number, phrase: string): void => {
    for (const raw of names) {
      const name = placeName(raw, companyKey);
      if (name && !out.some((p) => p.name.toLowerCase() === name.toLowerCase())) out.push({ name, index, phrase });
    }
  };
  for (const m of text.matchAll(IN_PHRASE)) {
    if (!ownedBefore(text, m.index)) continue;
    const list = m[2] ?? m[1] ?? '';
    const names = splitNames(list);
    // "Marion and Waterloo, Iowa": the state after the last town says where the towns are; it is not one of them.
    const last = names[names.length - 1] ?? '';
    if (names.length >= 2 && BROADER.has(last.toLowerCase()) && new RegExp(`,\\s*${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(list)) names.pop();
    add(names, m.index, m[0]);
  }
  for (const m of text.matchAll(COUNTED)) {
    const noun = (m[1] ?? '').toLowerCase();
    const names = splitNames(m[2] ?? '');
    if (names.length < 2) continue;
    // "three courses: Python, Java and Go" names no places; "the Canyon Course" does.
    const singular = noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, '');
    const repeatsNoun = names.every((n) => n.toLowerCase().endsWith(` ${singular}`));
    if (!new RegExp(`^(?:${PLACE_NOUNS})$`, 'i').test(noun) && !repeatsNoun) continue;
    add(names, m.index, m[0]);
  }
  return out;
}
