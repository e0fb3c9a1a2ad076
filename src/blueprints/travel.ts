import type { Effect, GeneratorSpec } from '../domain/data-model.js';
import type { Blueprint } from './blueprint.js';
import { by } from './effects.js';
import { preset } from './preset.js';

/** Summer peak, December holidays, soft January-February and November. */
const TRAVEL_YEARLY = [0.8, 0.78, 0.96, 0.95, 1.02, 1.22, 1.34, 1.26, 0.95, 0.97, 0.88, 1.1];
/** Thursday, Friday and Sunday are the heavy days; Saturday is light. */
const FLIGHT_WEEKLY = [1.04, 0.96, 0.94, 1.05, 1.1, 0.84, 1.07];

const FARE_FAMILIES = ['Basic Economy', 'Business', 'Main Cabin', 'Premium Economy', 'Main Cabin Extra', 'First'];
const SEGMENTS = ['Business travelers', 'Leisure travelers', 'Families', 'Students & youth'];
const REGIONS = ['North America', 'Europe', 'Latin America', 'Asia Pacific', 'Caribbean', 'Middle East'];
const TIERS = ['Non-member', 'Member', 'Silver', 'Gold', 'Platinum'];
const AIRCRAFT = ['E175', 'A320neo', '737-8', 'A321neo', '787-9', 'A330-900'];
const CHANNELS = ['Website', 'Mobile app', 'Online travel agency', 'Corporate travel agency', 'Call center'];
const WINDOWS = ['0-6 days', '7-20 days', '21-59 days', '60+ days'];

/** The route network: one row per city pair, in route_id order. */
const ROUTES: ReadonlyArray<{ o: string; d: string; oc: string; dc: string; market: string; haul: string; miles: number; weekly: number; flight: string }> = [
  { o: 'ORD', d: 'LGA', oc: 'Chicago', dc: 'New York', market: 'Domestic', haul: 'Short-haul', miles: 733, weekly: 8, flight: '101' },
  { o: 'ORD', d: 'LAX', oc: 'Chicago', dc: 'Los Angeles', market: 'Domestic', haul: 'Medium-haul', miles: 1744, weekly: 5, flight: '211' },
  { o: 'ORD', d: 'MIA', oc: 'Chicago', dc: 'Miami', market: 'Domestic', haul: 'Medium-haul', miles: 1197, weekly: 3, flight: '305' },
  { o: 'ORD', d: 'BOS', oc: 'Chicago', dc: 'Boston', market: 'Domestic', haul: 'Short-haul', miles: 867, weekly: 5, flight: '121' },
  { o: 'ORD', d: 'DCA', oc: 'Chicago', dc: 'Washington', market: 'Domestic', haul: 'Short-haul', miles: 612, weekly: 5, flight: '131' },
  { o: 'ORD', d: 'MSN', oc: 'Chicago', dc: 'Madison', market: 'Domestic', haul: 'Regional', miles: 109, weekly: 3, flight: '4401' },
  { o: 'ORD', d: 'YYZ', oc: 'Chicago', dc: 'Toronto', market: 'Canada', haul: 'Regional', miles: 436, weekly: 3, flight: '4415' },
  { o: 'ORD', d: 'CUN', oc: 'Chicago', dc: 'Cancun', market: 'Mexico & Caribbean', haul: 'Medium-haul', miles: 1436, weekly: 2, flight: '711' },
  { o: 'ORD', d: 'LHR', oc: 'Chicago', dc: 'London', market: 'Transatlantic', haul: 'Long-haul', miles: 3941, weekly: 2, flight: '900' },
  { o: 'ORD', d: 'CDG', oc: 'Chicago', dc: 'Paris', market: 'Transatlantic', haul: 'Long-haul', miles: 4140, weekly: 2, flight: '904' },
  { o: 'ORD', d: 'FRA', oc: 'Chicago', dc: 'Frankfurt', market: 'Transatlantic', haul: 'Long-haul', miles: 4336, weekly: 2, flight: '908' },
  { o: 'DEN', d: 'SFO', oc: 'Denver', dc: 'San Francisco', market: 'Domestic', haul: 'Short-haul', miles: 967, weekly: 6, flight: '501' },
  { o: 'DEN', d: 'SEA', oc: 'Denver', dc: 'Seattle', market: 'Domestic', haul: 'Short-haul', miles: 1024, weekly: 5, flight: '511' },
  { o: 'DEN', d: 'PHX', oc: 'Denver', dc: 'Phoenix', market: 'Domestic', haul: 'Short-haul', miles: 602, weekly: 5, flight: '521' },
  { o: 'DEN', d: 'LAS', oc: 'Denver', dc: 'Las Vegas', market: 'Domestic', haul: 'Short-haul', miles: 628, weekly: 5, flight: '531' },
  { o: 'DEN', d: 'MCO', oc: 'Denver', dc: 'Orlando', market: 'Domestic', haul: 'Medium-haul', miles: 1546, weekly: 3, flight: '541' },
  { o: 'DEN', d: 'HNL', oc: 'Denver', dc: 'Honolulu', market: 'Hawaii', haul: 'Long-haul', miles: 3365, weekly: 2, flight: '600' },
  { o: 'DEN', d: 'SJD', oc: 'Denver', dc: 'Los Cabos', market: 'Mexico & Caribbean', haul: 'Medium-haul', miles: 1141, weekly: 2, flight: '721' },
  { o: 'DEN', d: 'ASE', oc: 'Denver', dc: 'Aspen', market: 'Domestic', haul: 'Regional', miles: 125, weekly: 3, flight: '4501' },
  { o: 'DEN', d: 'BZN', oc: 'Denver', dc: 'Bozeman', market: 'Domestic', haul: 'Regional', miles: 524, weekly: 2, flight: '4511' },
];
/** ORD-FRA: the new Frankfurt route that has not filled yet. */
const WEAK_ROUTE_ID = String(ROUTES.findIndex((r) => r.d === 'FRA') + 1);

/** A fixed number per row of a small list table, keyed by its sequence id. */
function perRow(idColumn: string, values: readonly number[]): GeneratorSpec {
  return { kind: 'number', dist: 'uniform', min: 1, max: 1, decimals: 0, effects: values.map((v, i) => ({ when: { ref: idColumn, in: [String(i + 1)] }, factor: v })) };
}

/** Seats per aircraft type. */
const SEATS: Record<string, number> = { E175: 76, A320neo: 150, '737-8': 172, A321neo: 196, '787-9': 290, 'A330-900': 287 };
const seatEffects: Effect[] = AIRCRAFT.map((a) => ({ when: { ref: 'aircraft_type', in: [a] }, factor: SEATS[a] ?? 150 }));

/** Airlines: network, flights and operations, fares and bookings, ancillaries, loyalty. */
export const travel: Blueprint = preset({
  // Fare families, passengers and bookings are the offerings, customers and bookings modules' tables in travel's words (a
  // passenger's home market is a category, not a place table); routes, loyalty tiers, flights and ancillaries are its own.
  roles: {
    place: { table: 'routes', key: 'route_id', name: 'route_code', term: { singular: 'route', plural: 'routes' } },
    // Fare families are keyed by their name: bookings carry the fare family itself.
    offering: { table: 'fare_families', key: 'fare_family', name: 'fare_family', term: { singular: 'fare family', plural: 'fare families' } },
  },
  id: 'travel',
  label: 'Airlines & travel',
  naics: '481111',
  businessModel: 'Scheduled passenger airline: sells seats by fare family through direct and indirect channels, plus ancillaries and loyalty',
  defaults: {
    products: FARE_FAMILIES,
    customerSegments: SEGMENTS,
    regions: REGIONS,
    kpis: ['Load factor', 'On-time performance', 'Completion factor', 'Passenger revenue', 'Average fare', 'Ancillary revenue per booking', 'Distribution cost', 'Cancellation rate'],
    keyEntities: ['Route', 'Flight', 'Booking', 'Passenger', 'Fare family', 'Loyalty tier', 'Ancillary', 'Channel'],
  },
  persona: {
    name: 'Marcus Lindqvist',
    role: 'VP of Network Planning & Revenue Management',
    goals: ['Fill underperforming routes and lift load factor', 'Improve on-time performance and completion factor', 'Grow ancillary revenue per passenger', 'Shift bookings to cheaper direct channels and keep elite members loyal'],
  },
  tables: [
    {
      name: 'routes',
      description: 'City pairs that {company} flies, with distance and scheduled frequency.',
      grain: 'one row per route (city pair, one direction)',
      rowCount: ROUTES.length,
      scales: false,
      primaryKey: 'route_id',
      synonyms: ['city pairs', 'network', 'markets', 'O&D'],
      columns: [
        { name: 'route_id', type: 'INT64', description: 'Route identifier.', generator: { kind: 'sequence' } },
        { name: 'origin_airport', type: 'STRING', description: 'IATA code of the origin airport.', synonyms: ['origin', 'from'], generator: { kind: 'list', values: ROUTES.map((r) => r.o) } },
        { name: 'destination_airport', type: 'STRING', description: 'IATA code of the destination airport.', synonyms: ['destination', 'to'], generator: { kind: 'list', values: ROUTES.map((r) => r.d) } },
        { name: 'route_code', type: 'STRING', description: 'Route as ORIGIN-DESTINATION.', synonyms: ['route', 'city pair', 'sector'], generator: { kind: 'template', template: '{origin_airport}-{destination_airport}' } },
        { name: 'origin_city', type: 'STRING', description: 'Origin city.', generator: { kind: 'list', values: ROUTES.map((r) => r.oc) } },
        { name: 'destination_city', type: 'STRING', description: 'Destination city.', synonyms: ['destination'], generator: { kind: 'list', values: ROUTES.map((r) => r.dc) } },
        { name: 'market', type: 'STRING', description: 'Network market of the route.', synonyms: ['network market', 'geography'], generator: { kind: 'list', values: ROUTES.map((r) => r.market) } },
        { name: 'haul_type', type: 'STRING', description: 'Stage-length class of the route.', synonyms: ['haul', 'stage length'], generator: { kind: 'list', values: ROUTES.map((r) => r.haul) } },
        { name: 'distance_miles', type: 'INT64', description: 'Great-circle distance in statute miles.', synonyms: ['distance', 'stage length miles'], generator: perRow('route_id', ROUTES.map((r) => r.miles)) },
        { name: 'weekly_departures', type: 'INT64', description: 'Scheduled departures per week.', synonyms: ['frequency', 'weekly frequency'], generator: perRow('route_id', ROUTES.map((r) => r.weekly)) },
        { name: 'flight_number', type: 'STRING', description: 'Flight number operated on the route.', synonyms: ['flight no'], generator: { kind: 'list', values: ROUTES.map((r) => r.flight) } },
      ],
    },
    {
      module: 'offerings',
      description: 'Fare families (branded fares) {company} sells, and what each includes.',
      primaryKey: 'fare_family',
      synonyms: ['fare classes', 'fare brands', 'fare products', 'cabins'],
      columns: [
        { from: 'fare_family_name', name: 'fare_family', description: 'Name of the fare family.', synonyms: ['fare', 'fare class', 'fare brand', 'product'], fromProfile: 'products' },
        { name: 'cabin', type: 'STRING', description: 'Cabin the fare family is sold in.', synonyms: ['cabin class'], generator: { kind: 'list', values: ['Economy', 'Business', 'Economy', 'Premium Economy', 'Economy', 'First'] } },
        { name: 'booking_classes', type: 'STRING', description: 'Reservation booking designators (RBDs) of the fare family.', synonyms: ['RBD', 'booking codes', 'fare buckets'], generator: { kind: 'list', values: ['N, B', 'J, C, D', 'Y, M, H, K, L', 'W, P', 'Y, M, H', 'F, A'] } },
        { name: 'refund_policy', type: 'STRING', description: 'What the traveller gets back when cancelling.', synonyms: ['refundability'], generator: { kind: 'list', values: ['No refund', 'Full refund', 'Travel credit', 'Partial refund', 'Travel credit', 'Full refund'] } },
        { name: 'free_checked_bags', type: 'INT64', description: 'Checked bags included in the fare.', synonyms: ['bag allowance'], generator: { kind: 'list', values: ['0', '2', '0', '1', '0', '3'] } },
        { name: 'seat_selection', type: 'STRING', description: 'Whether advance seat selection is included or paid.', generator: { kind: 'list', values: ['Paid', 'Included', 'Paid', 'Included', 'Included', 'Included'] } },
      ],
    },
    {
      name: 'loyalty_tiers',
      description: 'Tiers of the {company} frequent-flyer programme.',
      grain: 'one row per tier',
      rowCount: TIERS.length,
      scales: false,
      primaryKey: 'tier_name',
      synonyms: ['elite tiers', 'status levels', 'frequent flyer tiers'],
      columns: [
        { name: 'tier_name', type: 'STRING', description: 'Name of the tier.', synonyms: ['tier', 'status', 'elite level'], generator: { kind: 'list', values: TIERS } },
        { name: 'tier_rank', type: 'INT64', description: 'Rank of the tier (0 = not a member, 4 = top tier).', generator: { kind: 'list', values: ['0', '1', '2', '3', '4'] } },
        { name: 'qualifying_miles', type: 'INT64', description: 'Miles flown in a year to qualify.', synonyms: ['status miles threshold'], generator: { kind: 'list', values: ['0', '0', '25000', '50000', '100000'] } },
        { name: 'lounge_access', type: 'STRING', description: 'Lounge access included with the tier.', generator: { kind: 'list', values: ['None', 'None', 'None', 'With international tickets', 'Always'] } },
      ],
    },
    {
      module: 'customers',
      description: 'Travellers with a profile at {company} (synthetic), with segment, home market and loyalty tier.',
      rowCount: 9000,
      synonyms: ['travelers', 'customers', 'flyers', 'members'],
      columns: [
        { from: 'passenger_id', generator: { kind: 'sequence', start: 300001 } },
        { from: 'passenger_name', name: 'full_name', description: 'Passenger name (synthetic).', synonyms: [] },
        { name: 'email', type: 'STRING', description: 'Passenger email (synthetic, example domains).', generator: { kind: 'fake', what: 'email' } },
        { from: 'segment', name: 'traveler_segment', description: 'Traveller segment from trip purpose and behaviour.', synonyms: ['segment', 'trip purpose', 'customer segment'], fromProfile: 'customerSegments', generator: { kind: 'category', values: SEGMENTS, weights: [0.2, 0.46, 0.22, 0.12] } },
        { name: 'home_region', type: 'STRING', description: 'Home market (point of sale) of the passenger.', synonyms: ['home market', 'region', 'point of sale', 'country'], fromProfile: 'regions', generator: { kind: 'category', values: REGIONS, weights: [0.55, 0.2, 0.11, 0.06, 0.05, 0.03] } },
        {
          name: 'loyalty_tier', type: 'STRING', description: 'Current frequent-flyer tier.', synonyms: ['tier', 'status', 'elite status'],
          generator: { kind: 'category', values: TIERS, weights: [0.42, 0.43, 0.1, 0.04, 0.01], effects: by('traveler_segment', 'weights', { 'Business travelers': [0.08, 0.32, 0.26, 0.22, 0.12], 'Students & youth': [0.6, 0.37, 0.03, 0, 0] }) },
        },
        {
          name: 'annual_trips', type: 'INT64', description: 'Typical one-way trips per year flown with us.', synonyms: ['trip frequency', 'flights per year'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 2.2, sd: 1.6, min: 1, max: 150, decimals: 0,
            effects: [...by('loyalty_tier', 'factor', { Silver: 2.5, Gold: 4.5, Platinum: 8 }), ...by('traveler_segment', 'factor', { 'Business travelers': 1.6 })],
          },
        },
        { from: 'joined_date', name: 'enrolled_date', description: 'Day the passenger created a profile or joined the programme.', synonyms: ['joined', 'member since'], generator: { kind: 'date', from: -3000, to: -1, growth: 0.1 } },
      ],
    },
    {
      name: 'flights',
      description: 'Flights (departures) operated or cancelled, with aircraft, seats, passengers and delay.',
      grain: 'one row per scheduled flight departure',
      rowCount: 7600,
      primaryKey: 'flight_id',
      synonyms: ['departures', 'flight legs', 'operations', 'schedule'],
      columns: [
        { name: 'flight_id', type: 'INT64', description: 'Flight identifier.', generator: { kind: 'sequence', start: 100001 } },
        { name: 'route_id', type: 'INT64', description: 'Route flown.', generator: { kind: 'foreignKey', table: 'routes', column: 'route_id', weightBy: 'weekly_departures' } },
        { name: 'flight_number', type: 'STRING', description: 'Flight number.', synonyms: ['flight no'], generator: { kind: 'copy', ref: 'route_id.flight_number' } },
        { name: 'haul_type', type: 'STRING', description: 'Stage-length class of the route.', generator: { kind: 'copy', ref: 'route_id.haul_type' } },
        { name: 'distance_miles', type: 'INT64', description: 'Distance flown in miles.', generator: { kind: 'copy', ref: 'route_id.distance_miles' } },
        { name: 'departure_date', type: 'DATE', description: 'Scheduled departure day (local).', synonyms: ['flight date', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: FLIGHT_WEEKLY, yearly: TRAVEL_YEARLY, growth: 0.1 } },
        { name: 'departure_bank', type: 'STRING', description: 'Time-of-day bank of the scheduled departure.', synonyms: ['time of day', 'bank', 'departure time'], generator: { kind: 'category', values: ['Morning', 'Midday', 'Afternoon', 'Evening'], weights: [0.32, 0.22, 0.24, 0.22] } },
        {
          name: 'aircraft_type', type: 'STRING', description: 'Aircraft type operated.', synonyms: ['equipment', 'aircraft', 'fleet type'],
          generator: { kind: 'category', values: AIRCRAFT, weights: [0, 0.5, 0.5, 0, 0, 0], effects: by('haul_type', 'weights', { Regional: [1, 0, 0, 0, 0, 0], 'Medium-haul': [0, 0, 0.3, 0.7, 0, 0], 'Long-haul': [0, 0, 0, 0, 0.6, 0.4] }) },
        },
        { name: 'seat_capacity', type: 'INT64', description: 'Seats on the aircraft.', synonyms: ['seats', 'capacity'], generator: { kind: 'number', dist: 'uniform', min: 1, max: 1, decimals: 0, effects: seatEffects } },
        {
          name: 'is_cancelled', type: 'BOOL', description: 'Whether the flight was cancelled.', synonyms: ['cancelled', 'cancellation'],
          generator: { kind: 'boolean', p: 0.012, effects: [{ when: { ref: 'aircraft_type', in: ['E175'] }, p: 0.048 }] },
        },
        {
          name: 'passengers_boarded', type: 'INT64', description: 'Passengers boarded (0 when cancelled).', synonyms: ['passengers', 'pax', 'boardings'],
          generator: {
            kind: 'number', dist: 'normal', mean: 0.86, sd: 0.07, min: 0.4, max: 1, decimals: 0,
            effects: [...seatEffects, { when: { ref: 'route_id', in: [WEAK_ROUTE_ID] }, factor: 0.68 }, { when: { ref: 'is_cancelled', in: ['true'] }, factor: 0.0001 }],
          },
        },
        {
          name: 'departure_delay_minutes', type: 'INT64', description: 'Minutes the departure left after schedule (0 = on time or early; 0 when cancelled).', synonyms: ['delay', 'departure delay', 'minutes late'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 12, sd: 24, min: 0, max: 900, decimals: 0,
            effects: [...by('departure_bank', 'factor', { Evening: 2.4, Afternoon: 1.5 }), { when: { ref: 'is_cancelled', in: ['true'] }, factor: 0.0001 }],
          },
        },
      ],
    },
    {
      module: 'bookings',
      description: 'Passenger bookings (PNRs) with fare family, channel, lead time, fare and cancellation.',
      grain: 'one row per booking on one flight',
      rowCount: 40000,
      synonyms: ['reservations', 'PNRs', 'tickets', 'sales'],
      columns: [
        'booking_id',
        { from: 'passenger_id', description: 'Passenger who booked (lead traveller).', generator: { kind: 'foreignKey', table: 'passengers', column: 'passenger_id', weightBy: 'annual_trips' } },
        { from: 'segment', name: 'traveler_segment', description: 'Segment of the lead traveller.', synonyms: ['segment'], generator: { kind: 'copy', ref: 'passenger_id.traveler_segment' } },
        { name: 'flight_id', type: 'INT64', description: 'Flight booked.', generator: { kind: 'foreignKey', table: 'flights', column: 'flight_id', weightBy: 'passengers_boarded' } },
        { from: 'route_id', description: 'Route of the flight booked.', generator: { kind: 'copy', ref: 'flight_id.route_id' } },
        { from: 'start_date', name: 'departure_date', description: 'Departure day of the flight.', synonyms: ['travel date', 'flight date'], generator: { kind: 'copy', ref: 'flight_id.departure_date' } },
        {
          // The fare family as its name (the fare_families key), drawn by who travels.
          from: 'fare_family', type: 'STRING', description: 'Fare family purchased.', synonyms: ['fare', 'fare class', 'fare brand', 'product'], fromProfile: 'products',
          generator: {
            kind: 'category', values: FARE_FAMILIES, weights: [0.26, 0.03, 0.46, 0.07, 0.15, 0.03],
            effects: by('traveler_segment', 'weights', { 'Business travelers': [0.03, 0.36, 0.26, 0.1, 0.18, 0.07], Families: [0.3, 0.01, 0.55, 0.04, 0.09, 0.01], 'Students & youth': [0.55, 0, 0.4, 0.01, 0.04, 0] }),
          },
        },
        {
          from: 'channel', name: 'booking_channel', description: 'Channel the booking was made through.', synonyms: ['channel', 'sales channel', 'point of sale channel'],
          generator: {
            kind: 'category', values: CHANNELS, weights: [0.42, 0.25, 0.2, 0.05, 0.08],
            effects: [...by('traveler_segment', 'weights', { 'Business travelers': [0.15, 0.1, 0.08, 0.6, 0.07] }), ...by('passenger_id.home_region', 'weights', { Europe: [0.22, 0.1, 0.5, 0.1, 0.08] })],
          },
        },
        {
          name: 'booking_window', type: 'STRING', description: 'How far ahead of departure the booking was made (bucket of lead_time_days).', synonyms: ['advance purchase', 'lead time band'],
          generator: {
            kind: 'category', values: WINDOWS, weights: [0.08, 0.22, 0.42, 0.28],
            effects: by('traveler_segment', 'weights', { 'Business travelers': [0.38, 0.38, 0.18, 0.06], Families: [0.03, 0.12, 0.4, 0.45], 'Students & youth': [0.15, 0.3, 0.35, 0.2] }),
          },
        },
        {
          from: 'lead_days', name: 'lead_time_days', description: 'Days between booking and departure.', synonyms: ['lead time', 'advance purchase days', 'days before departure'],
          generator: {
            kind: 'number', dist: 'uniform', min: 0, max: 1, decimals: 0,
            effects: [
              { when: { ref: 'booking_window', in: ['0-6 days'] }, factor: 6 },
              { when: { ref: 'booking_window', in: ['7-20 days'] }, factor: 13, add: 7 },
              { when: { ref: 'booking_window', in: ['21-59 days'] }, factor: 38, add: 21 },
              { when: { ref: 'booking_window', in: ['60+ days'] }, factor: 120, add: 60 },
            ],
          },
        },
        { from: 'booked_date', name: 'booking_date', description: 'Day the booking was made.', synonyms: ['purchase date', 'sale date'] },
        {
          from: 'seats', name: 'party_size', description: 'Passengers on the booking.', synonyms: ['passengers', 'travellers', 'pax'],
          generator: { kind: 'number', dist: 'poisson', mean: 0.35, min: 0, max: 8, decimals: 0, effects: [{ when: { ref: 'traveler_segment', in: SEGMENTS }, add: 1 }, { when: { ref: 'traveler_segment', in: ['Families'] }, add: 1.4 }] },
        },
        {
          from: 'unit_price', name: 'base_fare', description: 'Base fare per passenger, before taxes and fees.', synonyms: ['fare', 'ticket price', 'price'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 165, sd: 50, min: 49, max: 1200, decimals: 2,
            effects: [
              ...by('flight_id.haul_type', 'factor', { Regional: 0.75, 'Medium-haul': 1.45, 'Long-haul': 3.4 }),
              ...by('fare_family', 'factor', { 'Basic Economy': 0.72, Business: 3.6, 'Premium Economy': 1.8, 'Main Cabin Extra': 1.3, First: 4.6 }),
              ...by('booking_window', 'factor', { '0-6 days': 1.9, '7-20 days': 1.3, '60+ days': 0.85 }),
            ],
          },
        },
        // The module's total: base fare x party size.
        { from: 'total', name: 'ticket_revenue', description: 'Fare revenue of the booking: base fare x party size.', synonyms: ['revenue', 'passenger revenue', 'fare revenue', 'sales'] },
        { name: 'taxes_and_fees', type: 'NUMERIC', description: 'Government taxes and carrier-imposed fees on the booking (pass-through).', synonyms: ['taxes', 'fees'], generator: { kind: 'derived', expr: '(base_fare * 0.075 + 11.2) * party_size', decimals: 2 } },
        {
          name: 'distribution_cost', type: 'NUMERIC', description: 'Cost of selling the booking: agency commission, GDS and payment fees.', synonyms: ['selling cost', 'commission', 'GDS fees'],
          generator: { kind: 'derived', expr: 'ticket_revenue * 0.01', decimals: 2, effects: by('booking_channel', 'factor', { 'Online travel agency': 9, 'Corporate travel agency': 5.5, 'Call center': 3, Website: 1.2, 'Mobile app': 0.8 }) },
        },
        {
          name: 'ancillary_items', type: 'INT64', description: 'Paid add-ons bought with the booking (bags, seats, etc.).', synonyms: ['add-ons', 'extras'],
          generator: { kind: 'number', dist: 'poisson', mean: 1.8, min: 0, max: 10, decimals: 0, effects: by('fare_family', 'factor', { Business: 0.12, First: 0.1, 'Premium Economy': 0.22, 'Main Cabin Extra': 0.3, 'Main Cabin': 0.3 }) },
        },
        {
          from: 'cancelled', name: 'is_cancelled', description: 'Whether the booking was cancelled before departure.', synonyms: ['cancelled', 'cancellation'],
          generator: {
            kind: 'boolean', p: 0.06,
            effects: [{ when: { ref: 'fare_family', in: ['Basic Economy'] }, p: 0.02 }, { when: { ref: 'fare_family', in: ['Business', 'First'] }, p: 0.25 }, { when: { ref: 'booking_window', in: ['60+ days'] }, p: 0.13 }],
          },
        },
        { name: 'cancelled_date', type: 'DATE', description: 'Day the booking was cancelled (empty when not cancelled).', synonyms: ['cancellation date'], generator: { kind: 'derived', expr: 'booking_date + round(lead_time_days * 0.6) / is_cancelled', decimals: 0 } },
        {
          name: 'refund_amount', type: 'NUMERIC', description: 'Cash refunded on cancellation (empty when not cancelled; 0 when only a travel credit was given).', synonyms: ['refund', 'refunds'],
          generator: {
            kind: 'derived', expr: 'ticket_revenue / is_cancelled', decimals: 2,
            effects: [{ when: { ref: 'fare_family', in: ['Basic Economy', 'Main Cabin', 'Main Cabin Extra'] }, factor: 0.000001 }, { when: { ref: 'fare_family', in: ['Premium Economy'] }, factor: 0.5 }],
          },
        },
      ],
    },
    {
      name: 'ancillary_purchases',
      description: 'Paid extras sold on bookings: bags, seats, priority, Wi-Fi, lounge passes, meals.',
      grain: 'one row per ancillary item sold',
      rowCount: 38000,
      primaryKey: 'ancillary_id',
      synonyms: ['ancillaries', 'add-ons', 'extras', 'ancillary revenue'],
      columns: [
        { name: 'ancillary_id', type: 'INT64', description: 'Ancillary sale identifier.', generator: { kind: 'sequence', start: 800001 } },
        { name: 'booking_id', type: 'INT64', description: 'Booking the extra was sold on.', generator: { kind: 'foreignKey', table: 'bookings', column: 'booking_id', weightBy: 'ancillary_items' } },
        { name: 'fare_family', type: 'STRING', description: 'Fare family of the booking.', generator: { kind: 'copy', ref: 'booking_id.fare_family' } },
        {
          name: 'ancillary_type', type: 'STRING', description: 'Kind of extra sold.', synonyms: ['product', 'extra', 'add-on type'],
          generator: {
            kind: 'category', values: ['Checked bag', 'Seat selection', 'Extra legroom seat', 'Priority boarding', 'Wi-Fi pass', 'Lounge day pass', 'Onboard meal'], weights: [0.3, 0.2, 0.15, 0.1, 0.12, 0.03, 0.1],
            effects: [{ when: { ref: 'fare_family', in: ['Basic Economy'] }, weights: [0.4, 0.3, 0.08, 0.1, 0.05, 0.02, 0.05] }, { when: { ref: 'fare_family', in: ['Business', 'First'] }, weights: [0.05, 0, 0, 0, 0.6, 0, 0.35] }],
          },
        },
        {
          name: 'purchase_stage', type: 'STRING', description: 'When in the journey the extra was bought.', synonyms: ['touchpoint', 'stage'],
          generator: { kind: 'category', values: ['At booking', 'Manage booking', 'Online check-in', 'Airport'], weights: [0.5, 0.2, 0.2, 0.1] },
        },
        {
          name: 'price', type: 'NUMERIC', description: 'Price paid for the extra.', synonyms: ['ancillary revenue', 'amount', 'fee'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 1, sd: 0.15, min: 0.6, max: 2, decimals: 2,
            effects: [
              ...by('ancillary_type', 'factor', { 'Checked bag': 38, 'Seat selection': 24, 'Extra legroom seat': 65, 'Priority boarding': 18, 'Wi-Fi pass': 12, 'Lounge day pass': 59, 'Onboard meal': 14 }),
              { when: { ref: 'purchase_stage', in: ['Airport'] }, factor: 1.35 },
            ],
          },
        },
      ],
    },
  ],
  questions: [
    {
      id: 'q01', level: 'simple',
      question: 'How many flights did {company} operate in the last 30 days, and how many passengers did we carry?',
      insight: 'The current operating run-rate: flights, passengers and a network load factor of about 85%, the baseline for every other question.',
      expectedColumns: ['flights_operated', 'passengers', 'load_factor_pct'],
      insights: [{ kind: 'between', column: 'flights_operated', min: 1 }, { kind: 'between', column: 'load_factor_pct', min: 80, max: 90 }],
      sql: (d) => `SELECT COUNT(*) AS flights_operated, SUM(passengers_boarded) AS passengers,
  ROUND(100.0 * SUM(passengers_boarded) / SUM(seat_capacity), 1) AS load_factor_pct
FROM ${d.table('flights')}
WHERE NOT is_cancelled AND departure_date > ${d.daysAgo(30)} AND departure_date <= ${d.asOf}`,
    },
    {
      id: 'q02', level: 'simple',
      question: 'What was our ticket and ancillary revenue over the last 12 months?',
      insight: 'Twelve-month passenger revenue, of which ancillaries are only a few percent, sets the baseline for pricing and merchandising.',
      expectedColumns: ['bookings', 'ticket_revenue', 'ancillary_revenue', 'ancillary_share_pct'],
      insights: [{ kind: 'between', column: 'ticket_revenue', min: 1 }, { kind: 'between', column: 'ancillary_share_pct', min: 3, max: 6 }],
      sql: (d) => `WITH b AS (
  SELECT booking_id, ticket_revenue FROM ${d.table('bookings')}
  WHERE NOT is_cancelled AND departure_date > ${d.monthsAgo(12)} AND departure_date <= ${d.asOf}
), a AS (
  SELECT SUM(x.price) AS ancillary_revenue FROM ${d.table('ancillary_purchases')} x JOIN b ON b.booking_id = x.booking_id
)
SELECT COUNT(*) AS bookings, ROUND(SUM(b.ticket_revenue), 2) AS ticket_revenue, ROUND(MAX(a.ancillary_revenue), 2) AS ancillary_revenue,
  ROUND(100.0 * MAX(a.ancillary_revenue) / (SUM(b.ticket_revenue) + MAX(a.ancillary_revenue)), 1) AS ancillary_share_pct
FROM b CROSS JOIN a`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'Which fare families bring in the most revenue?',
      insight: '{products.1} brings in the most ticket revenue even though {products.2} carries about three times as many passengers: a {products.1} passenger pays about four times the {products.2} fare.',
      expectedColumns: ['fare_family', 'bookings', 'passengers', 'ticket_revenue', 'avg_fare'],
      insights: [{ kind: 'top', key: 'fare_family', value: '{products.1}' }],
      sql: (d) => `SELECT fare_family, COUNT(*) AS bookings, SUM(party_size) AS passengers, ROUND(SUM(ticket_revenue), 2) AS ticket_revenue,
  ROUND(SUM(ticket_revenue) / SUM(party_size), 2) AS avg_fare
FROM ${d.table('bookings')}
WHERE NOT is_cancelled
GROUP BY fare_family ORDER BY ticket_revenue DESC`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How have monthly passengers and load factor trended over the last 24 months?',
      insight: 'Traffic peaks in June-August and dips in January-February, but load factor holds steady around 85% month after month, so capacity is tracking demand.',
      expectedColumns: ['month', 'flights', 'passengers', 'load_factor_pct'],
      insights: [{ kind: 'between', column: 'load_factor_pct', min: 75, max: 95 }],
      sql: (d) => `SELECT ${d.truncMonth('departure_date')} AS month, COUNT(*) AS flights, SUM(passengers_boarded) AS passengers,
  ROUND(100.0 * SUM(passengers_boarded) / SUM(seat_capacity), 1) AS load_factor_pct
FROM ${d.table('flights')}
WHERE NOT is_cancelled AND departure_date >= ${d.truncMonth(d.monthsAgo(23))} AND departure_date <= ${d.asOf}
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'Which routes have the lowest load factor?',
      insight: 'ORD-FRA is the clear laggard at about 60% load factor, some 25 points below the rest of the network, which fills around 85% of seats.',
      expectedColumns: ['route_code', 'flights', 'seats', 'passengers', 'load_factor_pct'],
      insights: [{ kind: 'bottom', key: 'route_code', value: 'ORD-FRA', by: 'load_factor_pct' }, { kind: 'between', key: 'route_code', value: 'ORD-FRA', column: 'load_factor_pct', max: 68 }],
      sql: (d) => `SELECT r.route_code, COUNT(*) AS flights, SUM(f.seat_capacity) AS seats, SUM(f.passengers_boarded) AS passengers,
  ROUND(100.0 * SUM(f.passengers_boarded) / SUM(f.seat_capacity), 1) AS load_factor_pct
FROM ${d.table('flights')} f JOIN ${d.table('routes')} r ON r.route_id = f.route_id
WHERE NOT f.is_cancelled AND f.departure_date > ${d.monthsAgo(12)}
GROUP BY r.route_code ORDER BY load_factor_pct ASC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'How does on-time performance vary by time of day?',
      insight: 'Evening departures are late (over 15 minutes) about twice as often as morning ones, as delays build up through the day.',
      expectedColumns: ['departure_bank', 'flights', 'on_time_pct', 'avg_delay_minutes'],
      insights: [{ kind: 'compare', key: 'departure_bank', value: 'Morning', other: 'Evening', column: 'on_time_pct', atLeast: 1.2 }],
      sql: (d) => `SELECT departure_bank, COUNT(*) AS flights,
  ROUND(100.0 * SUM(CASE WHEN departure_delay_minutes <= 15 THEN 1 ELSE 0 END) / COUNT(*), 1) AS on_time_pct,
  ROUND(AVG(departure_delay_minutes), 1) AS avg_delay_minutes
FROM ${d.table('flights')}
WHERE NOT is_cancelled AND departure_date > ${d.monthsAgo(12)}
GROUP BY departure_bank ORDER BY on_time_pct ASC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'Which home markets do our passengers come from, and how do they book?',
      insight: '{regions.0} brings in more than twice the ticket revenue of any other home market; passengers from {regions.1} book through online travel agencies more often than anyone else.',
      expectedColumns: ['home_region', 'passengers', 'bookings', 'ticket_revenue', 'ota_share_pct'],
      insights: [{ kind: 'top', key: 'home_region', value: '{regions.0}', by: 'ticket_revenue' }, { kind: 'ratio', key: 'home_region', value: '{regions.0}', column: 'ticket_revenue', atLeast: 2.2 }, { kind: 'top', key: 'home_region', value: '{regions.1}', by: 'ota_share_pct' }],
      sql: (d) => `SELECT p.home_region, COUNT(DISTINCT b.passenger_id) AS passengers, COUNT(*) AS bookings, ROUND(SUM(b.ticket_revenue), 2) AS ticket_revenue,
  ROUND(100.0 * SUM(CASE WHEN b.booking_channel = 'Online travel agency' THEN 1 ELSE 0 END) / COUNT(*), 1) AS ota_share_pct
FROM ${d.table('bookings')} b JOIN ${d.table('passengers')} p ON p.passenger_id = b.passenger_id
WHERE NOT b.is_cancelled
GROUP BY p.home_region ORDER BY ticket_revenue DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'How do fares change with how far ahead people book?',
      insight: 'Fares bought in the last week before departure average more than three times those bought 60+ days out, and premium cabins make up a far larger share of last-minute bookings.',
      expectedColumns: ['booking_window', 'bookings', 'avg_lead_time_days', 'avg_fare', 'premium_cabin_share_pct'],
      insights: [{ kind: 'trend', column: 'avg_fare', direction: 'down', atLeast: 2 }],
      sql: (d) => `SELECT b.booking_window, COUNT(*) AS bookings, ROUND(AVG(b.lead_time_days), 1) AS avg_lead_time_days,
  ROUND(SUM(b.ticket_revenue) / SUM(b.party_size), 2) AS avg_fare,
  ROUND(100.0 * SUM(CASE WHEN ff.cabin <> 'Economy' THEN 1 ELSE 0 END) / COUNT(*), 1) AS premium_cabin_share_pct
FROM ${d.table('bookings')} b JOIN ${d.table('fare_families')} ff ON ff.fare_family = b.fare_family
GROUP BY b.booking_window ORDER BY MIN(b.lead_time_days)`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'Which fare families generate the most ancillary revenue per booking?',
      insight: '{products.0} bookings bring in the most ancillary revenue per booking, about three times {products.2}, mostly from checked bags and seat selection that other fares include.',
      expectedColumns: ['fare_family', 'bookings', 'ancillary_revenue', 'ancillary_revenue_per_booking', 'bag_and_seat_share_pct'],
      insights: [{ kind: 'top', key: 'fare_family', value: '{products.0}' }, { kind: 'compare', key: 'fare_family', value: '{products.0}', other: '{products.2}', column: 'ancillary_revenue_per_booking', atLeast: 2 }],
      sql: (d) => `WITH bk AS (
  SELECT fare_family, COUNT(*) AS bookings FROM ${d.table('bookings')} GROUP BY fare_family
), anc AS (
  SELECT fare_family, SUM(price) AS revenue,
    SUM(CASE WHEN ancillary_type IN ('Checked bag', 'Seat selection') THEN price ELSE 0 END) AS bag_seat
  FROM ${d.table('ancillary_purchases')} GROUP BY fare_family
)
SELECT bk.fare_family, bk.bookings, ROUND(COALESCE(anc.revenue, 0), 2) AS ancillary_revenue,
  ROUND(COALESCE(anc.revenue, 0) / bk.bookings, 2) AS ancillary_revenue_per_booking,
  ROUND(100.0 * ${d.safeDivide('anc.bag_seat', 'anc.revenue')}, 1) AS bag_and_seat_share_pct
FROM bk LEFT JOIN anc ON anc.fare_family = bk.fare_family
ORDER BY ancillary_revenue_per_booking DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'What does each sales channel cost us to distribute?',
      insight: 'Online travel agencies cost the most of any channel to sell through, as a share of the fare, and our own app the least: every booking moved direct saves real money.',
      expectedColumns: ['booking_channel', 'bookings', 'share_of_bookings_pct', 'ticket_revenue', 'distribution_cost', 'cost_pct_of_revenue'],
      insights: [{ kind: 'top', key: 'booking_channel', value: 'Online travel agency', by: 'cost_pct_of_revenue' }, { kind: 'bottom', key: 'booking_channel', value: 'Mobile app', by: 'cost_pct_of_revenue' }],
      sql: (d) => `SELECT booking_channel, COUNT(*) AS bookings, ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS share_of_bookings_pct,
  ROUND(SUM(ticket_revenue), 2) AS ticket_revenue, ROUND(SUM(distribution_cost), 2) AS distribution_cost,
  ROUND(100.0 * SUM(distribution_cost) / SUM(ticket_revenue), 1) AS cost_pct_of_revenue
FROM ${d.table('bookings')}
WHERE NOT is_cancelled
GROUP BY booking_channel ORDER BY cost_pct_of_revenue DESC`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'Which aircraft types have the worst completion factor?',
      insight: 'The E175 regional fleet cancels more than twice as often as the rest of the fleet on average, dragging down completion factor on the short regional routes.',
      expectedColumns: ['aircraft_type', 'scheduled_flights', 'cancelled_flights', 'cancellation_rate_pct', 'completion_factor_pct'],
      insights: [{ kind: 'top', key: 'aircraft_type', value: 'E175', by: 'cancellation_rate_pct' }, { kind: 'ratio', key: 'aircraft_type', value: 'E175', column: 'cancellation_rate_pct', atLeast: 2, vs: 'average' }],
      sql: (d) => `SELECT aircraft_type, COUNT(*) AS scheduled_flights, SUM(${d.boolToInt('is_cancelled')}) AS cancelled_flights,
  ROUND(100.0 * SUM(${d.boolToInt('is_cancelled')}) / COUNT(*), 2) AS cancellation_rate_pct,
  ROUND(100.0 - 100.0 * SUM(${d.boolToInt('is_cancelled')}) / COUNT(*), 2) AS completion_factor_pct
FROM ${d.table('flights')}
GROUP BY aircraft_type ORDER BY cancellation_rate_pct DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'Which fare families cancel most, how much do we refund, and how close to departure do they cancel?',
      insight: '{products.0} bookings are cancelled far less often than any other fare family, while {products.1} refunds the most money: flexible fares are the seats that come back and must be resold.',
      expectedColumns: ['fare_family', 'bookings', 'cancellation_rate_pct', 'refunded', 'avg_days_before_departure'],
      insights: [{ kind: 'bottom', key: 'fare_family', value: '{products.0}', by: 'cancellation_rate_pct' }, { kind: 'top', key: 'fare_family', value: '{products.1}', by: 'refunded' }],
      sql: (d) => `SELECT fare_family, COUNT(*) AS bookings,
  ROUND(100.0 * SUM(${d.boolToInt('is_cancelled')}) / COUNT(*), 1) AS cancellation_rate_pct,
  ROUND(SUM(COALESCE(refund_amount, 0)), 2) AS refunded,
  ROUND(AVG(${d.dateDiffDays('departure_date', 'cancelled_date')}), 1) AS avg_days_before_departure
FROM ${d.table('bookings')}
GROUP BY fare_family ORDER BY cancellation_rate_pct DESC`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'How much of our revenue comes from each loyalty tier compared with its share of travellers?',
      insight: 'Platinum members are the fewest travellers but bring in the most revenue per traveller, several times the average of the other tiers; non-members bring in the least.',
      expectedColumns: ['loyalty_tier', 'travelers', 'share_of_travelers_pct', 'ticket_revenue', 'share_of_revenue_pct', 'revenue_per_traveler'],
      insights: [{ kind: 'top', key: 'loyalty_tier', value: 'Platinum', by: 'revenue_per_traveler' }, { kind: 'ratio', key: 'loyalty_tier', value: 'Platinum', column: 'revenue_per_traveler', atLeast: 3, vs: 'average' }, { kind: 'bottom', key: 'loyalty_tier', value: 'Non-member', by: 'revenue_per_traveler' }],
      sql: (d) => `WITH pax AS (
  SELECT loyalty_tier, COUNT(*) AS travelers FROM ${d.table('passengers')} GROUP BY loyalty_tier
), rev AS (
  SELECT p.loyalty_tier, SUM(b.ticket_revenue) AS revenue
  FROM ${d.table('bookings')} b JOIN ${d.table('passengers')} p ON p.passenger_id = b.passenger_id
  WHERE NOT b.is_cancelled
  GROUP BY p.loyalty_tier
)
SELECT t.tier_name AS loyalty_tier, pax.travelers, ROUND(100.0 * pax.travelers / SUM(pax.travelers) OVER (), 1) AS share_of_travelers_pct,
  ROUND(rev.revenue, 2) AS ticket_revenue, ROUND(100.0 * rev.revenue / SUM(rev.revenue) OVER (), 1) AS share_of_revenue_pct,
  ROUND(rev.revenue / pax.travelers, 2) AS revenue_per_traveler
FROM ${d.table('loyalty_tiers')} t
JOIN pax ON pax.loyalty_tier = t.tier_name
JOIN rev ON rev.loyalty_tier = t.tier_name
ORDER BY t.tier_rank DESC`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'How do our traveller segments differ in when they book, what they pay and how much revenue they bring?',
      insight: '{customerSegments.0} bring in the largest share of ticket revenue: they book late (the largest share within the last week) and pay more than twice the average fare of {customerSegments.1}.',
      expectedColumns: ['traveler_segment', 'bookings', 'avg_lead_time_days', 'last_minute_share_pct', 'avg_fare', 'share_of_revenue_pct'],
      insights: [{ kind: 'top', key: 'traveler_segment', value: '{customerSegments.0}', by: 'share_of_revenue_pct' }, { kind: 'top', key: 'traveler_segment', value: '{customerSegments.0}', by: 'last_minute_share_pct' }, { kind: 'compare', key: 'traveler_segment', value: '{customerSegments.0}', other: '{customerSegments.1}', column: 'avg_fare', atLeast: 2 }],
      sql: (d) => `SELECT traveler_segment, COUNT(*) AS bookings, ROUND(AVG(lead_time_days), 1) AS avg_lead_time_days,
  ROUND(100.0 * SUM(CASE WHEN lead_time_days <= 6 THEN 1 ELSE 0 END) / COUNT(*), 1) AS last_minute_share_pct,
  ROUND(SUM(ticket_revenue) / SUM(party_size), 2) AS avg_fare,
  ROUND(100.0 * SUM(ticket_revenue) / SUM(SUM(ticket_revenue)) OVER (), 1) AS share_of_revenue_pct
FROM ${d.table('bookings')}
WHERE NOT is_cancelled
GROUP BY traveler_segment ORDER BY share_of_revenue_pct DESC`,
    },
  ],
  glossary: [
    { term: 'Load factor', definition: 'Passengers boarded divided by seats flown, on operated (not cancelled) flights.' },
    { term: 'On-time performance (D15)', definition: 'Share of operated flights departing no more than 15 minutes late (departure_delay_minutes <= 15).' },
    { term: 'Completion factor', definition: 'Share of scheduled flights that were operated: 100% minus the cancellation rate.' },
    { term: 'Average fare', definition: 'Ticket revenue divided by passengers (party_size) on non-cancelled bookings, before taxes and fees.' },
    { term: 'Booking window', definition: 'Days between booking and departure (lead_time_days), grouped into 0-6, 7-20, 21-59 and 60+ days.' },
    { term: 'Ancillary revenue', definition: 'Sum of price in ancillary_purchases: bags, seats, priority, Wi-Fi, lounge and meals.' },
    { term: 'Distribution cost', definition: 'Commission, GDS and payment fees of selling a booking, as a share of ticket revenue.' },
  ],
  scenes: [
    { title: 'The network at a glance', narrative: 'Start with the numbers the {company} leadership checks every morning: flights, passengers, revenue, and how full the planes are.', questionIds: ['q01', 'q02', 'q04', 'q05'] },
    { title: 'Running on time', narrative: 'Operations: when in the day delays build up and which fleet cancels most.', questionIds: ['q06', 'q11'] },
    { title: 'Pricing and who pays it', narrative: 'Fare families, booking windows and traveller segments: where yield really comes from, and what cancellations cost.', questionIds: ['q03', 'q08', 'q14', 'q12'] },
    { title: 'Selling smarter', narrative: 'Home markets and channels, ancillaries and loyalty: the levers to grow revenue per passenger and cut the cost of sale.', questionIds: ['q07', 'q10', 'q09', 'q13'] },
  ],
});
