/** The rules of one robots.txt group that apply to our user agent. */
export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

/**
 * Parses robots.txt and returns the group for `agent` (falling back to `*`).
 * Follows RFC 9309: the most specific user-agent group wins; rules are path prefixes.
 */
export function parseRobots(text: string, agent: string): RobotsRules & { sitemaps: string[] } {
  const groups: Array<{ agents: string[]; allow: string[]; disallow: string[] }> = [];
  const sitemaps: string[] = [];
  let current: { agents: string[]; allow: string[]; disallow: string[] } | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], allow: [], disallow: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (key === 'sitemap') sitemaps.push(value);
    else if (current && key === 'allow' && value) current.allow.push(value);
    else if (current && key === 'disallow' && value) current.disallow.push(value);
  }
  const name = agent.toLowerCase();
  const group = groups.find((g) => g.agents.some((a) => a !== '*' && name.startsWith(a))) ?? groups.find((g) => g.agents.includes('*'));
  return { allow: group?.allow ?? [], disallow: group?.disallow ?? [], sitemaps };
}

function matchLength(path: string, rule: string): number {
  const anchored = rule.endsWith('$');
  const pattern = rule.replace(/\$$/, '').split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  const re = new RegExp(`^${pattern}${anchored ? '$' : ''}`);
  return re.test(path) ? rule.length : -1;
}

/** Whether `path` may be fetched: the longest matching rule wins, and Allow wins ties. */
export function isAllowed(rules: RobotsRules, path: string): boolean {
  const allow = Math.max(-1, ...rules.allow.map((r) => matchLength(path, r)));
  const disallow = Math.max(-1, ...rules.disallow.map((r) => matchLength(path, r)));
  return disallow < 0 || allow >= disallow;
}
