import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

const ITEM_TYPES = ['Cosmetic', 'Currency pack', 'Season pass', 'Booster', 'Expansion'];

/**
 * Players, sessions and in-game purchases: a game studio's players play sessions of its
 * games on its platforms and buy items inside them. Planted: the flagship first game earns
 * the most, the first segment plays about two and a half times as long per session, the last
 * platform crashes about four times as often, the last segment spends about three times as
 * much per purchase, and sessions grow.
 */
export const players: BusinessModule = {
  id: 'players',
  needs: ['customer', 'offering', 'place'],
  build(ctx) {
    const player = ctx.ref('customer');
    const game = ctx.ref('offering');
    const platform = ctx.ref('place');
    const session = ctx.extra('session', term('play session', 'play sessions'));
    const purchase = ctx.primary ? ctx.word('transaction') : ctx.extra('purchase', term('in-game purchase', 'in-game purchases'));
    const item = ctx.extra('item', term('in-game item', 'in-game items'));
    const sessions = ctx.tableName(session);
    const purchases = ctx.tableName(purchase);
    const s = snake(session.singular);
    const sKey = `${s}_id`;
    const p = snake(purchase.singular);
    const pKey = `${p}_id`;
    const seg = ctx.values.segments;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const lastPlatform = places[places.length - 1]!;
    const spender = seg[seg.length - 1]!;
    const playersWord = lower(player.term.plural);
    const sessionsWord = lower(session.plural);
    const purchasesWord = lower(purchase.plural);
    const gamesWord = lower(game.term.plural);
    const platformsWord = lower(platform.term.plural);
    return {
      tables: [
        {
          name: sessions,
          description: `${cap(sessionsWord)}: who played which ${lower(game.term.singular)}, where, and for how long.`,
          grain: `one row per ${lower(session.singular)}`,
          rowCount: 24000,
          primaryKey: sKey,
          synonyms: [sessionsWord, 'sessions', 'play time', 'logins'],
          columns: [
            col(sKey, 'INT64', `${cap(session.singular)} identifier.`, { kind: 'sequence', start: 8000001 }),
            col(player.key, 'INT64', `${cap(player.term.singular)} who played.`, { kind: 'foreignKey', table: player.table, column: player.key, distribution: 'zipf', skew: 0.4 }),
            col('segment', 'STRING', `Segment of the ${lower(player.term.singular)}.`, { kind: 'copy', ref: `${player.key}.segment` }, ['player segment']),
            col(game.key, 'INT64', `${cap(game.term.singular)} played.`, { kind: 'foreignKey', table: game.table, column: game.key, weightBy: 'base_price' }, ['title']),
            col(platform.key, 'INT64', `${cap(platform.term.singular)} played on.`, { kind: 'foreignKey', table: platform.table, column: platform.key, weightBy: 'size_index' }),
            col('session_date', 'DATE', `Day of the ${lower(session.singular)}.`, { kind: 'date', from: -760, to: 0, growth: 0.4, notBefore: `${player.key}.joined_date` }, ['date', 'played on']),
            col('minutes_played', 'INT64', 'Length of the session in minutes.', {
              kind: 'number', dist: 'lognormal', mean: 32, sd: 18, min: 1, max: 600, decimals: 0,
              effects: [{ when: { ref: 'segment', in: [seg[0]!] }, factor: 2.5 }],
            }, ['playtime', 'minutes', 'session length']),
            col('crashed', 'BOOL', 'Whether the session ended in a crash.', {
              kind: 'boolean', p: 0.02,
              effects: [{ when: { ref: platform.key, in: [String(places.length)] }, p: 0.085 }],
            }, ['crash', 'error']),
          ],
        },
        {
          name: purchases,
          description: `${cap(purchasesWord)} made inside a ${lower(session.singular)}.`,
          grain: `one row per ${lower(purchase.singular)}`,
          rowCount: 7000,
          primaryKey: pKey,
          synonyms: [purchasesWord, 'in-game purchases', 'microtransactions', 'spend', 'transactions'],
          columns: [
            col(pKey, 'INT64', `${cap(purchase.singular)} identifier.`, { kind: 'sequence', start: 900001 }),
            col(sKey, 'INT64', `${cap(session.singular)} it was made in.`, { kind: 'foreignKey', table: sessions, column: sKey }),
            col(player.key, 'INT64', `${cap(player.term.singular)} who bought.`, { kind: 'copy', ref: `${sKey}.${player.key}` }),
            col('segment', 'STRING', `Segment of the ${lower(player.term.singular)}.`, { kind: 'copy', ref: `${sKey}.segment` }, ['player segment']),
            col(game.key, 'INT64', `${cap(game.term.singular)} it was bought in.`, { kind: 'copy', ref: `${sKey}.${game.key}` }),
            col('purchase_date', 'DATE', 'Day of the purchase.', { kind: 'copy', ref: `${sKey}.session_date` }, ['date']),
            col('item_type', 'STRING', `Kind of ${lower(item.singular)} bought.`, { kind: 'category', values: ITEM_TYPES, weights: [0.35, 0.25, 0.15, 0.15, 0.1] }, ['item', 'product type']),
            col('amount', 'NUMERIC', 'Amount paid.', {
              kind: 'number', dist: 'lognormal', mean: 8, sd: 6, min: 0.99, max: 150, money: true,
              effects: [{ when: { ref: 'segment', in: [spender] }, factor: 3 }, { when: { ref: `${sKey}.${game.key}`, in: ['1'] }, factor: 1.5 }],
            }, ['spend', 'revenue', 'price']),
          ],
        },
      ],
      questions: [
        {
          id: 'active',
          level: 'simple',
          question: `How many ${playersWord} played in the last 30 days?`,
          insight: `Monthly active ${playersWord}: the size of the live audience.`,
          expectedColumns: [`active_${snake(playersWord)}`, snake(sessionsWord)],
          insights: [{ kind: 'between', column: `active_${snake(playersWord)}`, min: 1 }],
          sql: (d) => `SELECT COUNT(DISTINCT ${player.key}) AS active_${snake(playersWord)}, COUNT(*) AS ${snake(sessionsWord)}
FROM ${d.table(sessions)} WHERE session_date > ${d.daysAgo(30)} AND session_date <= ${d.asOf}`,
        },
        {
          id: 'by_game',
          level: 'simple',
          question: `Which ${gamesWord} bring in the most from ${purchasesWord}?`,
          insight: `${off[0]} brings in the most: played most, and its ${lower(purchase.plural)} are larger.`,
          expectedColumns: [game.name, snake(purchasesWord), 'revenue'],
          insights: [{ kind: 'top', key: game.name, value: off[0]! }],
          sql: (d) => `SELECT g.${game.name}, COUNT(*) AS ${snake(purchasesWord)}, ROUND(SUM(x.amount), 2) AS revenue
FROM ${d.table(purchases)} x JOIN ${d.table(game.table)} g ON g.${game.key} = x.${game.key}
GROUP BY g.${game.name} ORDER BY revenue DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How have ${sessionsWord} trended month by month?`,
          insight: `${cap(sessionsWord)} grow about 40% a year.`,
          expectedColumns: ['month', snake(sessionsWord), 'hours_played'],
          insights: [{ kind: 'trend', column: snake(sessionsWord), direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('session_date')} AS month, COUNT(*) AS ${snake(sessionsWord)}, ROUND(SUM(minutes_played) / 60.0, 0) AS hours_played
FROM ${d.table(sessions)} WHERE ${lastFullMonths(d, 'session_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'engagement',
          level: 'intermediate',
          question: `Which ${lower(player.term.singular)} segments play the longest sessions?`,
          insight: `${seg[0]} play about two and a half times as long per session as everyone else.`,
          expectedColumns: ['segment', snake(sessionsWord), 'avg_minutes'],
          insights: [{ kind: 'top', key: 'segment', value: seg[0]! }, { kind: 'ratio', key: 'segment', value: seg[0]!, column: 'avg_minutes', atLeast: 1.8 }],
          sql: (d) => `SELECT segment, COUNT(*) AS ${snake(sessionsWord)}, ROUND(AVG(minutes_played), 1) AS avg_minutes
FROM ${d.table(sessions)} GROUP BY segment ORDER BY avg_minutes DESC`,
        },
        {
          id: 'crashes',
          level: 'advanced',
          question: `Which ${platformsWord} crash most often?`,
          insight: `${lastPlatform} crashes about four times as often as the other ${platformsWord}: a stability fix to prioritise.`,
          expectedColumns: [platform.name, snake(sessionsWord), 'crash_pct'],
          insights: [{ kind: 'top', key: platform.name, value: lastPlatform }, { kind: 'ratio', key: platform.name, value: lastPlatform, column: 'crash_pct', atLeast: 2 }],
          sql: (d) => `SELECT p.${platform.name}, COUNT(*) AS ${snake(sessionsWord)}, ROUND(100.0 * SUM(${d.boolToInt('s.crashed')}) / COUNT(*), 2) AS crash_pct
FROM ${d.table(sessions)} s JOIN ${d.table(platform.table)} p ON p.${platform.key} = s.${platform.key}
GROUP BY p.${platform.name} ORDER BY crash_pct DESC`,
        },
        {
          id: 'spenders',
          level: 'expert',
          question: `Which ${lower(player.term.singular)} segments spend the most per paying ${lower(player.term.singular)}, and per ${lower(purchase.singular)}?`,
          insight: `${spender} spend about three times as much per ${lower(purchase.singular)} as the rest: the segment to build offers for.`,
          expectedColumns: ['segment', `paying_${snake(playersWord)}`, 'avg_purchase', 'spend_per_payer'],
          insights: [{ kind: 'top', key: 'segment', value: spender, by: 'avg_purchase' }, { kind: 'ratio', key: 'segment', value: spender, column: 'avg_purchase', atLeast: 2 }],
          sql: (d) => `SELECT segment, COUNT(DISTINCT ${player.key}) AS paying_${snake(playersWord)}, ROUND(AVG(amount), 2) AS avg_purchase,
  ROUND(${d.safeDivide('SUM(amount)', `COUNT(DISTINCT ${player.key})`)}, 2) AS spend_per_payer
FROM ${d.table(purchases)} GROUP BY segment ORDER BY avg_purchase DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(sessions, `${s}_count`, `number of ${sessionsWord}`, 'count', '*', { synonyms: [sessionsWord, 'sessions', 'plays'], timeDimension: 'session_date' }),
          measure(sessions, 'active_players', `active ${playersWord}`, 'count_distinct', player.key, { synonyms: ['MAU', 'DAU', 'active users', playersWord], timeDimension: 'session_date' }),
          measure(sessions, 'hours_played', 'hours played', 'sum', 'minutes_played / 60.0', { synonyms: ['playtime', 'engagement'], decimals: 1, timeDimension: 'session_date' }),
          measure(sessions, 'crashes', 'crashes', 'sum', 'CASE WHEN crashed THEN 1 ELSE 0 END', { synonyms: ['crash count'], timeDimension: 'session_date' }),
          measure(sessions, 'crash_rate', 'crash rate', 'ratio', '', { numerator: 'crashes', denominator: `${s}_count`, format: 'percent', decimals: 2, synonyms: ['stability'] }),
          measure(purchases, 'purchase_revenue', `revenue from ${purchasesWord}`, 'sum', 'amount', { synonyms: ['in-game revenue', 'revenue', 'spend'], format: 'currency', decimals: 2, timeDimension: 'purchase_date' }),
          measure(purchases, 'paying_players', `paying ${playersWord}`, 'count_distinct', player.key, { synonyms: ['payers', 'spenders'], timeDimension: 'purchase_date' }),
          measure(purchases, 'arppu', `revenue per paying ${lower(player.term.singular)}`, 'ratio', '', { numerator: 'purchase_revenue', denominator: 'paying_players', format: 'currency', decimals: 2, synonyms: ['ARPPU'] }),
        ],
        dimensions: [
          dimension(sessions, `${s}_segment`, `${lower(player.term.singular)} segment`, 'segment', { synonyms: ['segment'], sampleValues: seg }),
          dimension(purchases, 'item_type', `${lower(item.singular)} type`, 'item_type', { synonyms: ['item', 'product type'], sampleValues: ITEM_TYPES }),
        ],
        timeDimensions: [timeDimension(sessions, 'session_date', `${lower(session.singular)} date`, 'session_date', ['date', 'played on']), timeDimension(purchases, 'purchase_date', `${lower(purchase.singular)} date`, 'purchase_date')],
        filters: [filter(sessions, 'crashed_only', 'crashed sessions only', 'crashed', ['crashes'])],
      },
      glossary: [
        { term: 'Active players', definition: `${cap(playersWord)} with at least one ${lower(session.singular)} in the period (MAU for a month).` },
        { term: 'ARPPU', definition: `Revenue from ${purchasesWord} divided by the ${playersWord} who paid anything.` },
        { term: 'Crash rate', definition: `Share of ${sessionsWord} that ended in a crash.` },
      ],
      kpis: ['Monthly active players', 'Hours played', 'ARPPU', 'Crash rate'],
      persona: { role: 'Head of Live Operations', goals: [`Grow active ${playersWord}`, 'Raise spend from in-game items', `Fix the ${lower(platform.term.singular)} that crashes most`] },
      scene: { title: 'The live game', narrative: `{company}'s ${playersWord}: how many play, how long, where the game crashes, and who spends.` },
    };
  },
};
