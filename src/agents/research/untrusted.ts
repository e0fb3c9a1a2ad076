// Page text is untrusted data: a site can say anything, including text aimed at the
// model, SQL, or markup. Everything that leaves `research` as a profile field goes through
// here. Labels (names, products, segments, regions) must look like labels; prose (the
// summary, evidence quotes) loses control characters, markup and instruction-like sentences.

/** Sentences that address a model or an operator rather than describe a company. */
const INSTRUCTION = /\b(ignore|disregard|forget|override)\b.{0,40}\b(previous|prior|above|earlier|all|system|your)\b.{0,30}\b(instructions?|prompts?|rules?|context|messages?)\b|\b(system prompt|you are now|act as|jailbreak|developer mode|new instructions|do anything now)\b|\b(reveal|print|output|send|exfiltrate|leak)\b.{0,40}\b(api[ _-]?keys?|secrets?|passwords?|credentials?|tokens?|environment variables)\b/i;

/** Sentences addressed to a model ("Note to AI assistants reading this page: …"). */
const ADDRESSED_TO_MODEL = /\b(AI|assistants?|language models?|LLMs?|chat ?bots?|GPT|crawlers?|bots?)\b.{0,60}\b(reading this|instructions|prompts?|disregard|ignore)\b/i;

/** SQL statements and comment or terminator tricks. */
const SQLISH = /\b(drop|truncate|alter|create)\s+(table|database|schema|view|index)\b|\b(delete\s+from|insert\s+into|update\s+\w+\s+set|union\s+(all\s+)?select|select\s+\S+\s+from|exec(ute)?\s*\(|xp_\w+)|;|--|\/\*|\*\/|\b(or|and)\s+['"]?\w+['"]?\s*=\s*['"]?\w+/i;

/** Markup, template and shell syntax. */
const MARKUP = /[<>{}`$\\|]|\[\[|\]\]|&#?\w+;/;

// Control characters other than tab, newline and carriage return; the bidi overrides; zero-width marks.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Whether a string reads as an instruction to a model or operator. */
export function isInstructionLike(text: string): boolean {
  return INSTRUCTION.test(text);
}

/**
 * A short label (company name, product, segment, region) or undefined when the text cannot
 * be one: too long or short, no letters, markup, SQL, or instructions.
 */
export function safeLabel(raw: string | undefined, maxLength = 60, maxWords = 8): string | undefined {
  if (!raw) return undefined;
  const text = stripControl(raw);
  if (text.length < 2 || text.length > maxLength || text.split(' ').length > maxWords) return undefined;
  if (!/\p{L}/u.test(text) || MARKUP.test(text) || SQLISH.test(text) || INSTRUCTION.test(text)) return undefined;
  if (/^(https?:|www\.)/i.test(text) || /@/.test(text)) return undefined;
  return text;
}

/**
 * Prose for the profile (summary, quotes): control characters and markup removed, sentences
 * that read as instructions or SQL dropped, capped at `maxLength` on a word boundary.
 */
export function safeProse(raw: string | undefined, maxLength = 300): string {
  if (!raw) return '';
  const text = stripControl(raw)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b(javascript|vbscript|data):\S*/gi, ' ')
    .replace(/[<>{}`]/g, '')
    .replace(/^[\s"'.,;:!?|-]+/, '');
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  const kept = sentences.filter((s) => !INSTRUCTION.test(s) && !ADDRESSED_TO_MODEL.test(s) && !/\b(drop|truncate|alter)\s+table\b|\bunion\s+select\b|;\s*--|'\s*or\s*'1'\s*=\s*'1/i.test(s));
  const joined = kept.join('').replace(/\s+/g, ' ').trim();
  if (joined.length <= maxLength) return joined;
  const cut = joined.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength * 0.6)).trim()}…`;
}
