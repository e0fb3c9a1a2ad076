import type { PageSignals } from './extract.js';
import { safeLabel } from './untrusted.js';

/**
 * Headings that introduce what a business sells, runs or performs, in any trade: "Our
 * services", "Programs", "What we offer", "Membership", "Treatments", "Practice areas".
 */
const OFFERING_HEADING = /\b(services|our service|service menu|what we (offer|do|make|sell|build|provide|treat)|offerings?|programs?|programmes?|products|product (range|line)s?|menus?|memberships?|plans|packages|classes|courses|treatments|therapies|solutions|capabilities|practice areas|specialt(y|ies)|specialisms|procedures|lessons|tours|rooms|suites|workshops)\b/i;

/**
 * Headings that name a list of something else although they share a word with the above:
 * places ("Service areas"), features ("What's included"), people, help and policy.
 */
const NOT_OFFERING_HEADING = /\b(service areas?|areas? (we )?serve[ds]?|where|locations?|cities|neighbou?rhoods|hours|contact|faqs?|questions|reviews?|testimonials?|why|careers?|jobs|our team|staff|news|blog|resources|links|follow|partners?|clients|customers|industries|awards?|accreditations?|certifications?|insurance (we )?accept\w*|payment (options|methods|plans)|polic(y|ies)|terms|privacy|includ\w*|benefits|perks|features|requirements|eligibility|how (it|to|we)|steps|tips|downloads?|documents?)\b/i;

/** Items that are page furniture or calls to action, not offerings. */
const NOT_AN_OFFERING = /^(home|about( us)?|contact( us)?|learn more|read more|find out more|see (all|more)|view (all|more)|more|all|other|blog|news|careers|faqs?|log ?in|sign (in|up)|book( now)?|get a quote|privacy( policy)?|terms( .*)?|cookies?( .*)?|sitemap|menu|and more)$/i;

/** First and second person: an item that speaks to the reader is a sentence, not a label. */
const SPEAKS = /(?<![\p{L}'’])(we|we're|we’re|you|you're|you’re|your|our|us|i|my)(?![\p{L}'’])/iu;

/**
 * An offering's label from a list item: a trailing parenthetical ("(6 weeks to 18 months)"),
 * a description after a dash or colon and trailing punctuation dropped; undefined when the
 * item reads as a sentence, a price, a call to action, or is not safe as a label.
 */
export function offeringLabel(raw: string): string | undefined {
  let text = raw.replace(/\s+/g, ' ').trim();
  text = (text.split(/\s[—–-]\s|:\s/)[0] ?? '').trim();
  text = text.replace(/\s*\([^()]*\)$/, '').replace(/^[\s•·*–—-]+/, '').replace(/[\s.,;:!·•*–—-]+$/, '').trim();
  if (text.length < 3 || text.length > 50 || text.split(' ').length > 6) return undefined;
  if (/[!?]|\.\s/.test(text) || /[$€£¥%]/.test(text) || SPEAKS.test(text) || NOT_AN_OFFERING.test(text)) return undefined;
  const label = safeLabel(text, 50, 6);
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : undefined;
}

/** Whether a heading introduces offerings: an offering word, no other subject, and short. */
export function isOfferingHeading(heading: string): boolean {
  return heading.split(' ').length <= 8 && OFFERING_HEADING.test(heading) && !NOT_OFFERING_HEADING.test(heading);
}

/**
 * The offerings a list names, when an offering heading introduces it and it holds 3 to 12
 * items of which at least four in five are short labels; undefined otherwise. Each label comes
 * with the item as written, for evidence.
 */
export function offeringsFromList(list: PageSignals['headedLists'][number]): Array<{ label: string; quote: string }> | undefined {
  if (!isOfferingHeading(list.heading) || list.items.length < 3 || list.items.length > 12) return undefined;
  const seen = new Set<string>();
  const out: Array<{ label: string; quote: string }> = [];
  for (const item of list.items) {
    const label = offeringLabel(item);
    if (!label || seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    out.push({ label, quote: item });
  }
  return out.length >= 3 && out.length >= 0.8 * list.items.length ? out : undefined;
}
