import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS (`module.exports = function`) whose types declare an ES default
// export; under NodeNext the default import is module.exports itself, the function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What robots.txt says to our user agent: which URLs it may read, and where the sitemaps are. */
export interface RobotsRules {
  /** Whether a URL (or a path on the robots.txt's origin) may be read. */
  allows(urlOrPath: string): boolean;
  /** `Sitemap:` lines, in order. */
  sitemaps: string[];
}

/** The origin a robots.txt belongs to when a test parses one without a site. */
const NO_SITE = 'http://robots.invalid/robots.txt';

/**
 * Parses robots.txt (RFC 9309, through `robots-parser`) for `agent`: its own group, else `*`;
 * the longest matching rule wins, Allow wins ties, `*` and `$` patterns. An empty or absent
 * file allows everything.
 */
export function parseRobots(text: string, agent: string, robotsUrl = NO_SITE): RobotsRules {
  const robots = robotsParser(robotsUrl, text);
  return {
    // Another origin's URLs are not this file's business (robots-parser answers undefined): allowed here.
    allows: (urlOrPath) => robots.isAllowed(new URL(urlOrPath, robotsUrl).href, agent) !== false,
    sitemaps: robots.getSitemaps(),
  };
}

/** Whether `path` may be fetched under these rules. */
export function isAllowed(rules: RobotsRules, path: string): boolean {
  return rules.allows(path);
}
