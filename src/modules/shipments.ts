import type { BusinessModule } from '../compose/module.js';
import { cap, col, dimension, filter, lastFullMonths, lower, measure, snake, term, timeDimension } from '../compose/parts.js';

/** Vehicle types; refrigerated ones cost most per km. 48 vehicles leave none of them out but once in 50,000 fleets. */
const VEHICLE_TYPES = ['Van', 'Box truck', 'Tractor-trailer', 'Refrigerated'];

/**
 * Shipments and fleet: what a carrier, distributor, mine or food bank moves, on which
 * vehicles, from where. Costs, never revenue: the fleet is the business's own cost, whether
 * it sells freight or gives food away. Planted: the flagship place ships the most, the last
 * place delivers late about four times as often, the third offering is damaged about four
 * times as often, refrigerated vehicles cost about 80% more per km, and volume grows.
 */
export const shipments: BusinessModule = {
  id: 'shipments',
  needs: ['customer', 'offering', 'place', 'staff'],
  build(ctx) {
    const customer = ctx.ref('customer');
    const offering = ctx.ref('offering');
    const place = ctx.ref('place');
    const driver = ctx.ref('staff');
    const shipment = ctx.primary ? ctx.word('transaction') : ctx.extra('shipment', term('shipment', 'shipments'));
    const vehicle = ctx.extra('vehicle', term('vehicle', 'vehicles'));
    const fleet = ctx.tableName(vehicle);
    const table = ctx.tableName(shipment);
    const vk = `${snake(vehicle.singular)}_id`;
    const s = snake(shipment.singular);
    const key = `${s}_id`;
    const off = ctx.values.offerings;
    const places = ctx.values.places;
    const lastPlace = places[places.length - 1]!;
    const fragile = off[2]!;
    const shipmentsWord = lower(shipment.plural);
    const vehicleWord = lower(vehicle.singular);
    const offeringsWord = lower(offering.term.plural);
    const placesWord = lower(place.term.plural);
    return {
      tables: [
        {
          name: fleet,
          description: `{company}'s fleet: one row per ${vehicleWord}.`,
          grain: `one row per ${vehicleWord}`,
          rowCount: 48,
          scales: false,
          primaryKey: vk,
          synonyms: [lower(vehicle.plural), 'fleet', 'vehicles', 'trucks'],
          columns: [
            col(vk, 'INT64', `${cap(vehicle.singular)} identifier.`, { kind: 'sequence', start: 101 }),
            // A category, not a list: a list column sizes its table to the list (four vehicles).
            col('vehicle_type', 'STRING', `Type of ${vehicleWord}.`, { kind: 'category', values: VEHICLE_TYPES, weights: [0.35, 0.25, 0.2, 0.2] }, ['type', 'fleet type']),
            col(place.key, 'INT64', `Home ${lower(place.term.singular)} of the ${vehicleWord}.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }, ['base', 'depot']),
            col('in_service_date', 'DATE', 'Day it joined the fleet.', { kind: 'date', from: -2920, to: -60 }, ['since', 'acquired']),
            col('cost_per_km', 'NUMERIC', 'Running cost per kilometre.', {
              kind: 'number', dist: 'normal', mean: 1.1, sd: 0.08, min: 0.6, max: 3, decimals: 3,
              effects: [{ when: { ref: 'vehicle_type', in: ['Refrigerated'] }, factor: 1.8 }],
            }, ['running cost', 'cost rate']),
          ],
        },
        {
          name: table,
          description: `${cap(shipmentsWord)} {company} moved: from where, for whom, on which ${vehicleWord}, and whether they arrived on time and intact.`,
          grain: `one row per ${lower(shipment.singular)}`,
          rowCount: 15000,
          primaryKey: key,
          synonyms: [shipmentsWord, 'shipments', 'deliveries', 'loads', 'consignments'],
          columns: [
            col(key, 'INT64', `${cap(shipment.singular)} identifier.`, { kind: 'sequence', start: 4000001 }),
            col(customer.key, 'INT64', `${cap(customer.term.singular)} it was for.`, { kind: 'foreignKey', table: customer.table, column: customer.key, distribution: 'zipf', skew: 0.4 }, ['consignee', 'recipient']),
            col(offering.key, 'INT64', `${cap(offering.term.singular)} moved.`, { kind: 'foreignKey', table: offering.table, column: offering.key, weightBy: 'base_price' }, ['service', 'commodity', 'goods']),
            col(place.key, 'INT64', `${cap(place.term.singular)} it left from.`, { kind: 'foreignKey', table: place.table, column: place.key, weightBy: 'size_index' }, ['origin', 'depot']),
            col(vk, 'INT64', `${cap(vehicle.singular)} that carried it.`, { kind: 'foreignKey', table: fleet, column: vk }),
            col(driver.key, 'INT64', `${cap(driver.term.singular)} who drove it.`, { kind: 'foreignKey', table: driver.table, column: driver.key }, ['driver']),
            col('ship_date', 'DATE', 'Day it left.', { kind: 'date', from: -760, to: 0, growth: 0.3 }, ['date', 'dispatch date', 'pickup date']),
            col('distance_km', 'FLOAT64', 'Distance travelled, in kilometres.', { kind: 'number', dist: 'lognormal', mean: 180, sd: 120, min: 2, max: 3000, decimals: 1 }, ['distance', 'kilometres', 'miles']),
            col('weight_kg', 'FLOAT64', 'Weight carried, in kilograms.', { kind: 'number', dist: 'lognormal', mean: 900, sd: 700, min: 5, max: 30000, decimals: 0 }, ['weight', 'load', 'tonnage']),
            col('on_time', 'BOOL', 'Whether it arrived when promised.', {
              kind: 'boolean', p: 0.93,
              effects: [{ when: { ref: place.key, in: [String(places.length)] }, p: 0.72 }],
            }, ['on-time', 'punctual']),
            col('damaged', 'BOOL', 'Whether anything arrived damaged or spoiled.', {
              kind: 'boolean', p: 0.012,
              effects: [{ when: { ref: offering.key, in: ['3'] }, p: 0.055 }],
            }, ['damage', 'spoiled', 'claim']),
            col('cost', 'NUMERIC', 'Running cost of the trip: distance x the vehicle\'s cost per km.', { kind: 'derived', expr: `distance_km * ${vk}.cost_per_km`, money: true }, ['delivery cost', 'trip cost', 'freight cost']),
          ],
        },
      ],
      questions: [
        {
          id: 'recent',
          level: 'simple',
          question: `How many ${shipmentsWord} did we send in the last 30 days?`,
          insight: `The current run-rate of ${shipmentsWord}.`,
          expectedColumns: [snake(shipmentsWord), 'tonnes'],
          insights: [{ kind: 'between', column: snake(shipmentsWord), min: 1 }],
          sql: (d) => `SELECT COUNT(*) AS ${snake(shipmentsWord)}, ROUND(SUM(weight_kg) / 1000, 1) AS tonnes FROM ${d.table(table)} WHERE ship_date > ${d.daysAgo(30)} AND ship_date <= ${d.asOf}`,
        },
        {
          id: 'by_place',
          level: 'simple',
          question: `Which ${placesWord} ship the most?`,
          insight: `${places[0]} ships the most, by count and by weight.`,
          expectedColumns: [place.name, snake(shipmentsWord), 'tonnes'],
          insights: [{ kind: 'top', key: place.name, value: places[0]! }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(shipmentsWord)}, ROUND(SUM(s.weight_kg) / 1000, 1) AS tonnes
FROM ${d.table(table)} s JOIN ${d.table(place.table)} p ON p.${place.key} = s.${place.key}
GROUP BY p.${place.name} ORDER BY ${snake(shipmentsWord)} DESC`,
        },
        {
          id: 'trend',
          level: 'intermediate',
          question: `How has monthly ${lower(shipment.singular)} volume trended?`,
          insight: `${cap(shipmentsWord)} grow about 30% a year.`,
          expectedColumns: ['month', snake(shipmentsWord), 'tonnes'],
          insights: [{ kind: 'trend', column: snake(shipmentsWord), direction: 'up' }],
          sql: (d) => `SELECT ${d.truncMonth('ship_date')} AS month, COUNT(*) AS ${snake(shipmentsWord)}, ROUND(SUM(weight_kg) / 1000, 1) AS tonnes
FROM ${d.table(table)} WHERE ${lastFullMonths(d, 'ship_date')}
GROUP BY 1 ORDER BY 1`,
        },
        {
          id: 'late',
          level: 'intermediate',
          question: `Which ${placesWord} deliver late most often?`,
          insight: `${lastPlace} is late about four times as often as the others.`,
          expectedColumns: [place.name, snake(shipmentsWord), 'late_pct'],
          insights: [{ kind: 'top', key: place.name, value: lastPlace }, { kind: 'ratio', key: place.name, value: lastPlace, column: 'late_pct', atLeast: 2 }],
          sql: (d) => `SELECT p.${place.name}, COUNT(*) AS ${snake(shipmentsWord)}, ROUND(100.0 * SUM(CASE WHEN s.on_time THEN 0 ELSE 1 END) / COUNT(*), 1) AS late_pct
FROM ${d.table(table)} s JOIN ${d.table(place.table)} p ON p.${place.key} = s.${place.key}
GROUP BY p.${place.name} ORDER BY late_pct DESC`,
        },
        {
          id: 'damage',
          level: 'advanced',
          question: `Which ${offeringsWord} arrive damaged most often?`,
          insight: `${fragile} arrives damaged about four times as often as anything else.`,
          expectedColumns: [offering.name, snake(shipmentsWord), 'damaged_pct'],
          insights: [{ kind: 'top', key: offering.name, value: fragile }, { kind: 'ratio', key: offering.name, value: fragile, column: 'damaged_pct', atLeast: 2 }],
          sql: (d) => `SELECT o.${offering.name}, COUNT(*) AS ${snake(shipmentsWord)}, ROUND(100.0 * SUM(${d.boolToInt('s.damaged')}) / COUNT(*), 2) AS damaged_pct
FROM ${d.table(table)} s JOIN ${d.table(offering.table)} o ON o.${offering.key} = s.${offering.key}
GROUP BY o.${offering.name} ORDER BY damaged_pct DESC`,
        },
        {
          id: 'fleet_cost',
          level: 'expert',
          question: `What does each type of ${vehicleWord} cost us per kilometre?`,
          insight: `Refrigerated ${lower(vehicle.plural)} cost about 80% more per kilometre than the rest of the fleet.`,
          expectedColumns: ['vehicle_type', snake(shipmentsWord), 'cost', 'cost_per_km'],
          insights: [{ kind: 'top', key: 'vehicle_type', value: 'Refrigerated' }, { kind: 'ratio', key: 'vehicle_type', value: 'Refrigerated', column: 'cost_per_km', atLeast: 1.4 }],
          sql: (d) => `SELECT v.vehicle_type, COUNT(*) AS ${snake(shipmentsWord)}, ROUND(SUM(s.cost), 2) AS cost, ROUND(${d.safeDivide('SUM(s.cost)', 'SUM(s.distance_km)')}, 3) AS cost_per_km
FROM ${d.table(table)} s JOIN ${d.table(fleet)} v ON v.${vk} = s.${vk}
GROUP BY v.vehicle_type ORDER BY cost_per_km DESC`,
        },
      ],
      semantic: {
        measures: [
          measure(table, `${s}_count`, `number of ${shipmentsWord}`, 'count', '*', { synonyms: [shipmentsWord, 'shipments', 'loads', 'volume'], timeDimension: 'ship_date' }),
          measure(table, 'tonnes', 'tonnes moved', 'sum', 'weight_kg / 1000.0', { synonyms: ['weight', 'tonnage'], decimals: 1, timeDimension: 'ship_date' }),
          measure(table, 'distance', 'kilometres driven', 'sum', 'distance_km', { synonyms: ['distance', 'km', 'mileage'], timeDimension: 'ship_date' }),
          measure(table, 'trip_cost', 'delivery cost', 'sum', 'cost', { synonyms: ['cost', 'freight cost', 'fleet cost'], format: 'currency', decimals: 2, timeDimension: 'ship_date' }),
          measure(table, 'late_count', `late ${shipmentsWord}`, 'sum', 'CASE WHEN on_time THEN 0 ELSE 1 END', { synonyms: ['late', 'delays'], timeDimension: 'ship_date' }),
          measure(table, 'late_rate', 'late rate', 'ratio', '', { numerator: 'late_count', denominator: `${s}_count`, format: 'percent', decimals: 1, synonyms: ['on-time performance', 'OTIF'] }),
          measure(table, 'damaged_count', `damaged ${shipmentsWord}`, 'sum', 'CASE WHEN damaged THEN 1 ELSE 0 END', { synonyms: ['damages', 'claims'], timeDimension: 'ship_date' }),
        ],
        dimensions: [dimension(fleet, 'vehicle_type', `${vehicleWord} type`, 'vehicle_type', { synonyms: ['fleet type', 'vehicle'], sampleValues: VEHICLE_TYPES })],
        timeDimensions: [timeDimension(table, 'ship_date', `${lower(shipment.singular)} date`, 'ship_date', ['dispatch date', 'date'])],
        filters: [filter(table, 'late_only', `late ${shipmentsWord} only`, 'NOT on_time', ['late', 'delayed'])],
      },
      glossary: [
        { term: 'On-time rate', definition: `Share of ${shipmentsWord} that arrived when promised.` },
        { term: 'Cost per km', definition: `Delivery cost divided by kilometres driven; it depends on the ${vehicleWord} type.` },
      ],
      kpis: [cap(shipmentsWord), 'On-time rate', 'Damage rate', 'Cost per km'],
      persona: { role: 'Head of Logistics', goals: ['Deliver on time from every site', 'Cut damage in transit', 'Run the fleet for less per kilometre'] },
      scene: { title: 'On the road', narrative: `{company}'s ${shipmentsWord}: how much moves, from where, what arrives late or damaged, and what the fleet costs.` },
    };
  },
};
