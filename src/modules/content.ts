import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const FORMATS = ['Article', 'Video', 'Podcast', 'Newsletter', 'Social post'];
const SOURCES = ['Search', 'Social', 'Direct', 'Newsletter', 'Referral'];
const DEVICES = ['Mobile', 'Desktop', 'Tablet', 'Connected TV'];

/**
 * Content, audience and advertising: what a publisher, broadcaster or agency publishes, who
 * reads or watches it, and the advertising it carries. Planted: the flagship first offering
 * draws the most views, search brings the most views while newsletter readers stay about twice
 * as long, video earns about three times the advertising per view, the first place's audience
 * stays longest, and views grow.
 */
export const content: BusinessModule = {
  id: 'content',
  needs: ['offering', 'place', 'staff'],
  build(ctx) {
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const author = ctx.ref('staff');
    const piece = ctx.extra('content', term('content piece', 'content pieces'));
    const view = ctx.extra('view', term('content view', 'content views'));
    const items = ctx.tableName(piece);
    const views = ctx.tableName(view);
    const c = snake(piece.singular);
    const cKey = `${c}_id`;
    const v = snake(view.singular);
    const vKey = `${v}_id`;
    const off = ctx.values.offerings;
    const piecesWord = lower(piece.plural);
    const viewsWord = lower(view.plural);
    const offeringsWord = lower(offering.term.plural);
    const placesWord = lower(place.term.plural);
    return {
      tables: [
        {
          name: items,
          description: `${cap(piecesWord)} {company} published.`,
          grain: `one row per ${lower(piece.singular)}`,
          rowCount: 4000,
          primaryKey: cKey,
          synonyms: [piecesWord, 'content', 'stories', 'posts', 'pieces'],
          columns: [
            col(cKey, 'INT64', `${cap(piece.singular)} identifier.`, { kind: 'sequence', start: 700001 }),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} it appeared in.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }),
            col(author.key, 'INT64', `${cap(author.term.singular)} who made it.`, { kind: 'foreignKey', table: author.table, column: author.key }, ['author', 'byline']),
            col('format', 'STRING', 'Format of the piece.', { kind: 'category', values: FORMATS, weights: [0.4, 0.2, 0.1, 0.15, 0.15] }, ['content type', 'medium']),
            // Views weigh pieces by this on top of their popularity: the flagship's pieces are both more and more read.
            col('reach_index', 'FLOAT64', 'How widely the piece was promoted (1 = typical).', { kind: 'derived', expr: `${offering.key}.base_price / 100`, decimals: 2 }, ['reach', 'promotion']),
            col('published_date', 'DATE', 'Day it was published.', { kind: 'date', from: -760, to: -1, growth: 0.35 }, ['date', 'publish date', 'release date']),
          ],
        },
        {
          name: views,
          description: `${cap(viewsWord)}: each time someone read, watched or listened, where they came from, and the advertising shown.`,
          grain: `one row per ${lower(view.singular)}`,
          rowCount: 40000,
          primaryKey: vKey,
          synonyms: [viewsWord, 'views', 'audience', 'page views', 'plays', 'impressions'],
          columns: [
            col(vKey, 'INT64', `${cap(view.singular)} identifier.`, { kind: 'sequence', start: 10000001 }),
            col(cKey, 'INT64', `${cap(piece.singular)} viewed.`, { kind: 'foreignKey', table: items, column: cKey, distribution: 'zipf', skew: 0.5, weightBy: 'reach_index' }),
            col('format', 'STRING', 'Format of the piece.', { kind: 'copy', ref: `${cKey}.format` }),
            col(place.key, 'INT64', `${cap(place.term.singular)} of the audience.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }, ['audience market']),
            col('view_date', 'DATE', 'Day of the view.', { kind: 'date', after: { ref: `${cKey}.published_date`, minDays: 0, maxDays: 20 } }, ['date']),
            col('source', 'STRING', 'Where the audience came from.', { kind: 'category', values: SOURCES, weights: [0.36, 0.2, 0.18, 0.14, 0.12] }, ['traffic source', 'referrer', 'channel']),
            col('device', 'STRING', 'Device used.', { kind: 'category', values: DEVICES, weights: [0.55, 0.3, 0.1, 0.05] }),
            col('engaged_seconds', 'INT64', 'Time spent with the piece, in seconds.', {
              kind: 'number', dist: 'lognormal', mean: 75, sd: 40, min: 1, max: 3600, decimals: 0,
              effects: [{ when: { ref: 'source', in: ['Newsletter'] }, factor: 2.2 }],
            }, ['engagement', 'dwell time', 'time spent']),
            col('ad_impressions', 'INT64', 'Advertisements shown during the view.', {
              kind: 'number', dist: 'poisson', mean: 2, min: 0, max: 30, decimals: 0,
              effects: [{ when: { ref: 'format', in: ['Video'] }, factor: 3 }],
            }, ['ads shown', 'impressions']),
            col('ad_revenue', 'NUMERIC', 'Advertising earned from the view.', { kind: 'derived', expr: 'ad_impressions * 0.015', decimals: 4 }, ['advertising revenue', 'ad income']),
          ],
        },
      ],
      questions: [
        {
          id: 'published',
          level: 'simple',
          question: `How many ${piecesWord} did we publish in the last 30 days?`,
          insight: `The publishing run-rate.`,
          expectedColumns: [snake(piecesWord)],
          insights: [{ kind: 'between', column: snake(piecesWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(piecesWord)} FROM ${d.table(items)} WHERE published_date > ${d.daysAgo(30)} AND published_date <= ${d.asOf}`,
        },
        {
          id: 'by_offering',
          level: 'simple',
          question: `Which ${offeringsWord} draw the biggest audience?`,
          insight: `${off[0]} draws the most ${viewsWord}.`,
          expectedColumns: [offering.name, snake(piecesWord), snake(viewsWord)],
          insights: [{ kind: 'top', key: offering.name, value: off[0]! }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(DISTINCT i.${cKey}) AS ${snake(piecesWord)}, COUNT(*) AS ${snake(viewsWord)}
FROM ${d.table(views)} w JOIN ${d.table(items)} i ON i.${cKey} = w.${cKey} JOIN ${d.table(offering.table)} o ON o.${offering.key} = i.${offering.key}
GROUP BY o.${offering.name} ORDER BY ${snake(viewsWord)} DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How has our audience trended month by month?`,
          insight: `${cap(viewsWord)} grow by about a third a year as we publish more.`,
          expectedColumns: ['month', snake(viewsWord), 'ad_revenue'],
          insights: [{ kind: 'trend', column: snake(viewsWord), direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('view_date')} AS month, COUNT(*) AS ${snake(viewsWord)}, ROUND(SUM(ad_revenue), 2) AS ad_revenue
FROM ${d.table(views)} WHERE ${lastFullMonths(d, 'view_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'sources',
          level: 'intermediate',
          question: `Where does our audience come from, and which sources stay longest?`,
          insight: 'Search brings the most views, but newsletter readers stay about twice as long as anyone else.',
          expectedColumns: ['source', snake(viewsWord), 'avg_engaged_seconds'],
          insights: [{ kind: 'top', key: 'source', value: 'Search' }, { kind: 'top', key: 'source', value: 'Newsletter', by: 'avg_engaged_seconds' }, { kind: 'ratio', key: 'source', value: 'Newsletter', column: 'avg_engaged_seconds', atLeast: 1.6 }],
          sql: (d) => `SELECT source, COUNT(*) AS ${snake(viewsWord)}, ROUND(AVG(engaged_seconds), 1) AS avg_engaged_seconds
FROM ${d.table(views)} GROUP BY source ORDER BY ${snake(viewsWord)} DESC`,
        },
        {
          id: 'by_place',
          level: 'advanced',
          question: `Which ${placesWord} make up our audience, and what advertising do they bring in?`,
          insight: `${ctx.values.places[0]} is the largest audience and brings in the most advertising.`,
          expectedColumns: [place.name, snake(viewsWord), 'ad_revenue'],
          insights: [{ kind: 'top', key: place.name, value: ctx.values.places[0]! }, { kind: 'top', key: place.name, value: ctx.values.places[0]!, by: 'ad_revenue' }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(viewsWord)}, ROUND(SUM(w.ad_revenue), 2) AS ad_revenue
FROM ${d.table(views)} w JOIN ${d.table(place.table)} p ON p.${place.key} = w.${place.key}
GROUP BY p.${place.name} ORDER BY ${snake(viewsWord)} DESC`,
        },
        {
          id: 'yield',
          level: 'expert',
          question: `Which formats earn the most advertising per thousand ${viewsWord}?`,
          insight: 'Video earns about three times the advertising per thousand views of any other format: the case for making more of it.',
          expectedColumns: ['format', snake(viewsWord), 'ad_revenue', 'revenue_per_thousand'],
          insights: [{ kind: 'top', key: 'format', value: 'Video' }, { kind: 'ratio', key: 'format', value: 'Video', column: 'revenue_per_thousand', atLeast: 2 }],
          sql: (d) => `SELECT format, COUNT(*) AS ${snake(viewsWord)}, ROUND(SUM(ad_revenue), 2) AS ad_revenue, ROUND(1000 * ${d.safeDivide('SUM(ad_revenue)', 'COUNT(*)')}, 2) AS revenue_per_thousand
FROM ${d.table(views)} GROUP BY format ORDER BY revenue_per_thousand DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(items, `${c}_count`, `${piecesWord} published`, 'count', '*', { synonyms: [piecesWord, 'content', 'output'], timeDimension: 'published_date' }),
          measure(views, `${v}_count`, `number of ${viewsWord}`, 'count', '*', { synonyms: [viewsWord, 'views', 'audience', 'traffic'], timeDimension: 'view_date' }),
          measure(views, 'engaged_minutes', 'engaged minutes', 'sum', 'engaged_seconds / 60.0', { synonyms: ['attention', 'time spent'], decimals: 1, timeDimension: 'view_date' }),
          measure(views, 'avg_engaged_seconds', 'average engaged time (seconds)', 'avg', 'engaged_seconds', { synonyms: ['dwell time', 'engagement'], decimals: 1, timeDimension: 'view_date' }),
          measure(views, 'ad_impressions', 'ad impressions', 'sum', 'ad_impressions', { synonyms: ['impressions', 'ads shown'], timeDimension: 'view_date' }),
          measure(views, 'ad_revenue', 'advertising revenue', 'sum', 'ad_revenue', { synonyms: ['ad revenue', 'advertising'], format: 'currency', decimals: 2, timeDimension: 'view_date' }),
        ],
        dimensions: [
          dimension(items, 'format', 'format', 'format', { synonyms: ['content type', 'medium'], sampleValues: FORMATS }),
          dimension(views, 'traffic_source', 'traffic source', 'source', { synonyms: ['source', 'referrer', 'channel'], sampleValues: SOURCES }),
          dimension(views, 'device', 'device', 'device', { sampleValues: DEVICES }),
        ],
        timeDimensions: [timeDimension(items, 'published_date', 'publish date', 'published_date', ['release date']), timeDimension(views, 'view_date', `${lower(view.singular)} date`, 'view_date', ['date'])],
      },
      glossary: [
        { term: 'Engaged time', definition: `Seconds someone spent with a ${lower(piece.singular)} in one ${lower(view.singular)}.` },
        { term: 'Revenue per thousand', definition: `Advertising revenue for every thousand ${viewsWord} (RPM).` },
      ],
      kpis: [`${cap(viewsWord)}`, 'Engaged time', 'Advertising revenue', 'Revenue per thousand views'],
      persona: { role: 'Head of Audience', goals: ['Grow the audience', 'Keep readers and viewers longer', 'Earn more advertising per view'] },
      scene: { title: 'Audience and advertising', narrative: `{company}'s ${piecesWord}: what draws the audience, where it comes from, and what advertising it earns.` },
    };
  },
};
