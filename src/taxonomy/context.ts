// How words around an industry phrase change what it says (knowledge as data; the classifier
// in src/agents/research/classify-industry.ts applies it).

/**
 * Nouns that, right after an industry phrase, make it a topic rather than an identity:
 * "trucking accidents" (a law firm), "restaurant software" (a SaaS), "bookkeeping and payroll
 * software", "farm loans" (a bank), "brewery equipment" (a manufacturer). Singular and plural.
 */
export const QUALIFIER_NOUNS: readonly string[] = [
  // Harm a law firm takes on: "trucking accidents", "construction injuries".
  'accident', 'accidents', 'injury', 'injuries', 'crash', 'crashes', 'wreck', 'wrecks', 'lawsuit', 'lawsuits',
  // What is sold to an industry rather than by it. Not "app" or "platform": an investing app invests.
  'software', 'insurance', 'loan', 'loans', 'financing', 'equipment', 'supplies', 'supply', 'machinery',
  'marketing', 'advertising', 'consulting', 'consultants', 'recruiting', 'staffing', 'jobs',
];

/**
 * Words that introduce who a business serves; an identity phrase after them names the
 * customers, not the business ("visuals for nightclubs, festivals and live events").
 */
export const AUDIENCE_MARKERS: readonly string[] = ['for', 'serving', 'serves', 'serve', 'helping', 'helps', 'help', 'power', 'powers', 'powering', 'supporting', 'supports', 'like', 'such as', 'including'];
