import type { Blueprint } from '../../blueprints/blueprint.js';
import { tailor } from '../../blueprints/tailor.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { DemoStory } from '../../domain/story.js';

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The demo story from the blueprint, told about this company. Pure. */
export function heuristicStory(profile: CompanyProfile, bp: Blueprint): DemoStory {
  const t = tailor(bp, profile);
  const kpis = profile.kpis.slice(0, 4).map((k) => k.toLowerCase());
  const products = t.lists.products.slice(0, 3);
  const questions = bp.questions.slice(0, 15).map((q) => ({ id: q.id, question: t.fill(q.question), level: q.level, insight: t.fill(q.insight) }));
  const ids = new Set(questions.map((q) => q.id));
  return {
    title: `${profile.name}: ${bp.persona.role} asks the data`,
    executiveSummary: [
      profile.summary,
      `This demo puts ${profile.name}'s ${bp.label.toLowerCase()} data behind a conversational agent: ${bp.persona.name}, ${bp.persona.role}, asks plain-language questions about ${listPhrase(kpis)}, across ${listPhrase(products)}, and gets answers with the SQL that produced them.`,
      `${questions.length} golden questions go from a simple count to expert analysis, each revealing an insight planted in the data.`,
    ]
      .filter((s) => s.length > 0)
      .join(' '),
    persona: { name: bp.persona.name, role: bp.persona.role, goals: bp.persona.goals },
    scenes: bp.scenes.map((s) => ({ title: t.fill(s.title), narrative: t.fill(s.narrative), questionIds: s.questionIds.filter((id) => ids.has(id)) })),
    goldenQuestions: questions,
  };
}
