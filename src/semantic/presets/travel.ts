import type { SemanticOverlay } from './index.js';

const operated = { table: 'flights', filters: ['flights_not_cancelled'], timeDimension: 'departure_date' };

/** Airline: load factor of operated flights, revenue of bookings that were not cancelled. */
export const travel: SemanticOverlay = {
  measures: [
    { ...operated, name: 'seats_flown', label: 'seats flown', description: 'Seats on operated flights.', synonyms: ['seats flown'], agg: 'sum', expr: 'seat_capacity', format: 'number' },
    { ...operated, name: 'load_factor', label: 'load factor', description: 'Passengers boarded divided by seats flown, on operated flights.', synonyms: ['load factor'], agg: 'ratio', expr: '', numerator: 'passengers_boarded', denominator: 'seats_flown', format: 'percent', decimals: 3 },
  ],
  measureSynonyms: { ticket_revenue: ['revenue', 'passenger revenue', 'ticket sales'], is_cancelled_rate: ['cancellation rate'], price_total: ['ancillary revenue', 'ancillary sales'] },
};
