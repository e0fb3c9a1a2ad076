import type { Blueprint } from './blueprint.js';
import { by } from './effects.js';
import { preset } from './preset.js';

/** Restaurants fill up at the weekend; Friday and Saturday carry the week. */
const DINING_WEEKLY = [0.72, 0.78, 0.88, 1.0, 1.35, 1.5, 1.12];
/** Slow January-February, a summer patio season and the December holiday-party peak. */
const DINING_YEARLY = [0.82, 0.8, 0.9, 0.95, 1.02, 1.08, 1.12, 1.08, 0.95, 1.0, 1.02, 1.38];
const BOOKING_WEEKLY = [0.55, 0.6, 0.78, 0.95, 1.55, 1.85, 1.0];

const LOCATIONS = ['Downtown', 'Midtown', 'Riverside', 'Old Town', 'Harbor', 'Uptown', 'University District', 'Airport'];
const MENU_CATEGORIES = ['Mains', 'Starters & shares', 'Cocktails', 'Wine & beer', 'Desserts & bakery', 'Brunch', 'Salads & bowls', 'Coffee & soft drinks'];
const GUEST_SEGMENTS = ['VIP regulars', 'Loyalty members', 'Occasional diners', 'Corporate & events'];
const ORDER_CHANNELS = ['Dine-in', 'Takeout', 'Online pickup', 'DoorDash', 'Uber Eats'];
const DELIVERY_APPS = ['DoorDash', 'Uber Eats'];
const OFF_PREMISE = ['Takeout', 'Online pickup', ...DELIVERY_APPS];
const STAFF_ROLES = ['Server', 'Bartender', 'Host', 'Line cook', 'Prep cook', 'Dishwasher', 'Shift manager'];
const STAFF_ROLE_WEIGHTS = [0.3, 0.12, 0.08, 0.2, 0.12, 0.1, 0.08];
/** Tipped roles earn a lower base wage; cooks and managers earn more. */
const WAGE_EFFECTS = [
  { when: { ref: 'role', in: ['Server', 'Bartender'] }, factor: 0.72 },
  { when: { ref: 'role', in: ['Line cook'] }, factor: 1.15 },
  { when: { ref: 'role', in: ['Shift manager'] }, factor: 1.55 },
];

/**
 * Hospitality and food & beverage: a multi-location restaurant group with its menu, loyalty
 * guests, checks and check lines by channel, reservations, shifts, waste and reviews.
 */
export const hospitality: Blueprint = preset({
  // Locations, menu categories, guests, staff, reservations, checks and check lines are the modules' tables in
  // hospitality's words; the menu items (what a check line sells), shifts, waste and reviews are its own.
  words: { staff: { singular: 'staff', plural: 'staff' }, offering: { singular: 'menu category', plural: 'menu categories' } },
  roles: { offering: { table: 'menu_items', key: 'menu_item_id', name: 'item_name', term: { singular: 'menu item', plural: 'menu items' } } },
  id: 'hospitality',
  label: 'Hospitality & food service',
  naics: '722511',
  businessModel: 'B2C hospitality: operates restaurants, bars and cafés serving guests dine-in, takeout and through delivery apps',
  defaults: {
    products: MENU_CATEGORIES,
    customerSegments: GUEST_SEGMENTS,
    regions: LOCATIONS,
    kpis: ['Net sales', 'Covers', 'Average check', 'Food cost %', 'Labour cost %', 'Prime cost', 'No-show rate', 'Average guest rating'],
    keyEntities: ['Location', 'Menu item', 'Menu category', 'Guest', 'Check', 'Reservation', 'Shift', 'Review'],
  },
  persona: {
    name: 'Rosa Calderón',
    role: 'VP of Operations',
    goals: [
      'Grow same-store sales and covers across every location',
      'Hold food and labour cost (prime cost) inside budget',
      'Cut reservation no-shows and make delivery apps pay their way',
      'Lift guest ratings without over-staffing',
    ],
  },
  tables: [
    {
      module: 'locations',
      description: 'Restaurants (outlets) operated by {company}.',
      synonyms: ['restaurants', 'outlets', 'sites', 'venues', 'stores', 'units'],
      columns: [
        'location_id',
        { from: 'location_name', description: 'Name of the location (neighbourhood or city).', synonyms: ['location', 'restaurant', 'outlet', 'site', 'branch', 'market', 'region'], fromProfile: 'regions' },
        { name: 'service_format', type: 'STRING', description: 'Service format of the location.', synonyms: ['format', 'concept', 'service style'], generator: { kind: 'list', values: ['Full service', 'Full service', 'Full service', 'Full service', 'Full service', 'Full service', 'Fast casual', 'Bar & grill'] } },
        {
          name: 'seats', type: 'INT64', description: 'Seating capacity of the dining room, bar and patio.', synonyms: ['capacity', 'seat count', 'covers capacity'],
          generator: { kind: 'number', dist: 'normal', mean: 110, sd: 10, min: 85, max: 135, decimals: 0, effects: [{ when: { ref: 'location_id', in: ['1'] }, factor: 2.2 }] },
        },
        { name: 'opened_date', type: 'DATE', description: 'Day the location opened.', synonyms: ['opening date'], generator: { kind: 'date', from: -5200, to: -1100 } },
        { name: 'general_manager', type: 'STRING', description: 'General manager of the location (synthetic).', synonyms: ['GM', 'manager'], generator: { kind: 'fake', what: 'person' } },
      ],
    },
    {
      module: 'offerings',
      description: 'Sections of the {company} menu.',
      synonyms: ['menu sections', 'menu groups', 'categories'],
      columns: [
        'menu_category_id',
        { from: 'menu_category_name', name: 'category_name', description: 'Name of the menu category.', synonyms: ['category', 'menu section', 'product line'], fromProfile: 'products' },
        { name: 'is_beverage', type: 'BOOL', description: 'Whether the category is sold by the bar (beverage) rather than the kitchen.', synonyms: ['beverage', 'bar'], generator: { kind: 'boolean', p: 0, effects: [{ when: { ref: 'menu_category_id', in: ['3', '4', '8'] }, p: 1 }] } },
        {
          name: 'target_food_cost_pct', type: 'FLOAT64', description: 'Target cost of ingredients as a percent of menu price (theoretical food or pour cost).', synonyms: ['target food cost', 'target pour cost', 'cost target'],
          generator: { kind: 'number', dist: 'normal', mean: 28, sd: 0, decimals: 0, effects: by('menu_category_id', 'add', { 1: 4, 3: -8, 4: 2, 5: -3, 7: 2, 8: -10 }) },
        },
      ],
    },
    {
      name: 'menu_items',
      description: 'Dishes and drinks on the {company} menu.',
      grain: 'one row per menu item',
      rowCount: 140,
      scales: false,
      primaryKey: 'menu_item_id',
      synonyms: ['dishes', 'items', 'menu', 'plates', 'drinks', 'PLUs'],
      columns: [
        { name: 'menu_item_id', type: 'INT64', description: 'Menu item identifier (POS PLU).', synonyms: ['PLU', 'item id'], generator: { kind: 'sequence', start: 101 } },
        { name: 'menu_category_id', type: 'INT64', description: 'Menu category of the item.', generator: { kind: 'foreignKey', table: 'menu_categories', column: 'menu_category_id', perParent: { dist: 'uniform', min: 17, max: 18 } } },
        { name: 'dish_style', type: 'STRING', description: 'Style tag used in the item name.', generator: { kind: 'category', values: ['Signature', 'House', 'Seasonal', "Chef's", 'Classic', 'Market', 'Smoked', 'Wood-fired', 'Heritage', 'Local'] } },
        { name: 'item_name', type: 'STRING', description: 'Name of the dish or drink as printed on the menu.', synonyms: ['dish', 'item', 'menu item', 'drink'], generator: { kind: 'template', template: '{dish_style} {menu_category_id.category_name} #{menu_item_id}' } },
        {
          name: 'menu_price', type: 'NUMERIC', description: 'Current menu price.', synonyms: ['price', 'selling price'],
          generator: { kind: 'number', dist: 'lognormal', mean: 17, sd: 4, min: 4, max: 90, decimals: 2, effects: by('menu_category_id', 'factor', { 1: 1.75, 2: 0.8, 3: 0.88, 4: 0.8, 5: 0.6, 7: 0.95, 8: 0.33 }) },
        },
        {
          name: 'cost_drift', type: 'FLOAT64', description: 'Actual ingredient cost relative to the recipe target (1.0 = on target).', synonyms: ['cost variance', 'recipe cost drift'],
          generator: { kind: 'number', dist: 'normal', mean: 1.0, sd: 0.06, min: 0.85, max: 1.15, decimals: 3, effects: [{ when: { ref: 'menu_category_id', in: ['1'] }, factor: 1.32 }] },
        },
        { name: 'plate_cost', type: 'NUMERIC', description: 'Current ingredient cost of one portion (plate or pour cost).', synonyms: ['food cost per plate', 'pour cost', 'recipe cost', 'COGS per item'], generator: { kind: 'derived', expr: 'menu_price * menu_category_id.target_food_cost_pct / 100 * cost_drift', decimals: 2 } },
        {
          name: 'popularity_score', type: 'FLOAT64', description: 'Relative popularity of the item with guests (drives how often it is ordered).', synonyms: ['popularity'],
          generator: { kind: 'number', dist: 'lognormal', mean: 1, sd: 0.7, min: 0.05, max: 8, decimals: 3, effects: by('menu_category_id', 'factor', { 1: 2.2, 5: 0.4, 8: 1.6 }) },
        },
        { name: 'is_vegetarian', type: 'BOOL', description: 'Whether the item is vegetarian.', synonyms: ['veggie', 'meat-free'], generator: { kind: 'boolean', p: 0.3 } },
        { name: 'added_date', type: 'DATE', description: 'Day the item was added to the menu.', synonyms: ['menu launch date'], generator: { kind: 'date', from: -1400, to: -60 } },
      ],
    },
    {
      module: 'customers',
      description: 'Guests known to {company}: loyalty members and guests with a reservation or online profile.',
      grain: 'one row per guest profile',
      rowCount: 5000,
      synonyms: ['loyalty members', 'diners', 'members', 'patrons', 'guest profiles'],
      columns: [
        'guest_id',
        { from: 'guest_name', name: 'full_name', description: 'Guest name (synthetic).', synonyms: [] },
        { name: 'email', type: 'STRING', description: 'Guest email (synthetic, example domains).', generator: { kind: 'fake', what: 'email' } },
        { from: 'segment', description: 'Guest segment from loyalty tier and visit behaviour.', synonyms: ['guest segment', 'loyalty tier', 'tier', 'member type'], fromProfile: 'customerSegments', generator: { kind: 'category', values: GUEST_SEGMENTS, weights: [0.1, 0.34, 0.46, 0.1] } },
        { from: 'location_id', name: 'home_location_id', description: 'Location the guest visits most or signed up at.', synonyms: ['home restaurant'], generator: { kind: 'foreignKey', table: 'locations', column: 'location_id', weightBy: 'seats' } },
        { name: 'acquisition_source', type: 'STRING', description: 'How the guest profile was created.', synonyms: ['source', 'sign-up source'], generator: { kind: 'category', values: ['Reservation', 'Loyalty app', 'Guest Wi-Fi', 'Online ordering', 'Gift card', 'Event inquiry'], weights: [0.34, 0.22, 0.14, 0.16, 0.06, 0.08] } },
        { from: 'joined_date', name: 'signup_date', description: 'Day the guest profile was created.', synonyms: ['joined', 'member since'], generator: { kind: 'date', from: -2900, to: -1 } },
        { name: 'marketing_opt_in', type: 'BOOL', description: 'Whether the guest accepts marketing emails and texts.', synonyms: ['opted in', 'subscribed'], generator: { kind: 'boolean', p: 0.58 } },
        {
          name: 'visit_propensity', type: 'FLOAT64', description: 'How often the guest tends to come back (relative).', synonyms: ['visit frequency score'],
          generator: { kind: 'number', dist: 'lognormal', mean: 1, sd: 0.5, min: 0.1, max: 6, decimals: 3, effects: by('segment', 'factor', { 'VIP regulars': 5, 'Loyalty members': 1.6, 'Occasional diners': 0.55 }) },
        },
      ],
    },
    {
      module: 'staff',
      description: 'Employees on the {company} roster, front and back of house.',
      grain: 'one row per employee',
      rowCount: 240,
      synonyms: ['employees', 'team members', 'crew', 'roster', 'workforce'],
      columns: [
        { from: 'staff_id', description: 'Employee identifier.' },
        { from: 'full_name', description: 'Employee name (synthetic).', synonyms: [] },
        { from: 'location_id', description: 'Home location of the employee.', generator: { kind: 'foreignKey', table: 'locations', column: 'location_id', weightBy: 'seats' } },
        { name: 'role', type: 'STRING', description: 'Job role.', synonyms: ['position', 'job', 'station'], generator: { kind: 'category', values: STAFF_ROLES, weights: STAFF_ROLE_WEIGHTS } },
        { name: 'house', type: 'STRING', description: 'Front of house (FOH) or back of house (BOH).', synonyms: ['FOH/BOH', 'department'], generator: { kind: 'category', values: ['Front of house', 'Back of house'], effects: [{ when: { ref: 'role', in: ['Server', 'Bartender', 'Host', 'Shift manager'] }, weights: [1, 0] }, { when: { ref: 'role', in: ['Line cook', 'Prep cook', 'Dishwasher'] }, weights: [0, 1] }] } },
        {
          from: 'hourly_rate', description: 'Base hourly wage, before tips.', synonyms: ['wage', 'pay rate'],
          generator: { kind: 'number', dist: 'lognormal', mean: 18, sd: 2.5, min: 11, max: 40, decimals: 2, effects: WAGE_EFFECTS },
        },
        { name: 'employment_type', type: 'STRING', description: 'Full-time or part-time.', generator: { kind: 'category', values: ['Full-time', 'Part-time'], weights: [0.45, 0.55] } },
        { from: 'hire_date', description: 'Day the employee was hired.', synonyms: ['start date'], generator: { kind: 'date', from: -1500, to: -20, growth: 0.25 } },
        {
          name: 'has_left', type: 'BOOL', description: 'Whether the employee has since left the company (separation).', synonyms: ['terminated', 'separated', 'churned'],
          generator: { kind: 'boolean', p: 0.24, effects: [{ when: { ref: 'location_id', in: ['4'] }, p: 0.62 }] },
        },
      ],
    },
    {
      // The bookings module beside the checks: its table is named in its own word (reservations).
      module: 'bookings',
      primary: false,
      description: 'Table reservations taken for {company} locations, with party size and outcome.',
      rowCount: 12000,
      synonyms: ['bookings', 'table bookings', 'covers booked'],
      columns: [
        'reservation_id',
        'guest_id',
        { from: 'location_id', generator: { kind: 'foreignKey', table: 'locations', column: 'location_id', weightBy: 'seats' } },
        { from: 'channel', name: 'booking_channel', synonyms: ['booking source', 'reservation channel'], generator: { kind: 'category', values: ['Direct website', 'Phone', 'OpenTable', 'Resy', 'Google Reserve'], weights: [0.34, 0.2, 0.25, 0.12, 0.09] } },
        { from: 'start_date', name: 'reservation_date', description: 'Day of the reservation.', synonyms: ['booking date', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: BOOKING_WEEKLY, yearly: DINING_YEARLY, growth: 0.15, notBefore: 'guest_id.signup_date' } },
        { name: 'seating_time', type: 'STRING', description: 'Booked seating time (local time).', synonyms: ['time slot', 'seating'], generator: { kind: 'category', values: ['11:30', '12:30', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00'], weights: [0.05, 0.06, 0.07, 0.1, 0.13, 0.17, 0.16, 0.13, 0.08, 0.05] } },
        { from: 'lead_days', name: 'lead_time_days', description: 'Days between making the booking and the reservation.', synonyms: ['booking lead time', 'booking window'], generator: { kind: 'number', dist: 'lognormal', mean: 7, sd: 9, min: 0, max: 120, decimals: 0 } },
        { from: 'booked_date', name: 'booked_on', synonyms: ['booked date'] },
        {
          from: 'nights', name: 'party_size', description: 'Number of guests booked (covers).', synonyms: ['covers', 'party', 'guests', 'pax'],
          generator: { kind: 'number', dist: 'poisson', mean: 2.6, min: 1, max: 16, decimals: 0, effects: [{ when: { ref: 'guest_id.segment', in: ['Corporate & events'] }, factor: 2.4 }] },
        },
        {
          name: 'status', type: 'STRING', description: 'Outcome of the reservation.', synonyms: ['reservation status', 'outcome'],
          generator: {
            kind: 'category', values: ['Seated', 'Cancelled', 'No-show'], weights: [0.855, 0.1, 0.045],
            effects: [{ when: { ref: 'booking_channel', in: ['OpenTable', 'Resy', 'Google Reserve'] }, weights: [0.76, 0.1, 0.14] }, { when: { ref: 'booking_channel', in: ['Phone'] }, weights: [0.845, 0.1, 0.055] }],
          },
        },
        { name: 'special_request', type: 'STRING', description: 'Occasion or special request noted on the booking.', synonyms: ['occasion', 'notes'], generator: { kind: 'category', values: ['Birthday', 'Anniversary', 'Business dinner', 'Allergy', 'High chair', 'Patio'], nullRate: 0.7 } },
      ],
    },
    {
      module: 'orders',
      description: 'Guest checks (tickets) rung on the POS: dine-in, takeout, online pickup and delivery-app orders.',
      rowCount: 16000,
      synonyms: ['tickets', 'orders', 'bills', 'transactions', 'sales'],
      columns: [
        { from: 'check_id', synonyms: ['ticket number', 'order id'] },
        { from: 'location_id', description: 'Location that rang the check.', generator: { kind: 'foreignKey', table: 'locations', column: 'location_id', weightBy: 'seats' } },
        { from: 'guest_id', description: 'Known guest on the check (loyalty lookup); empty for anonymous guests.', generator: { kind: 'foreignKey', table: 'guests', column: 'guest_id', weightBy: 'visit_propensity', nullRate: 0.5 } },
        { from: 'segment', name: 'guest_segment', description: 'Segment of the known guest at the time of the visit; empty for anonymous guests.', synonyms: ['segment', 'loyalty tier'] },
        { from: 'order_date', name: 'check_date', description: 'Business day of the check.', synonyms: ['business date', 'date', 'order date'], generator: { kind: 'date', from: -760, to: 0, weekly: DINING_WEEKLY, yearly: DINING_YEARLY, growth: 0.02, notBefore: 'guest_id.signup_date' } },
        { name: 'daypart', type: 'STRING', description: 'Daypart of the check.', synonyms: ['meal period', 'service'], generator: { kind: 'category', values: ['Brunch', 'Lunch', 'Happy hour', 'Dinner', 'Late night'], weights: [0.1, 0.24, 0.12, 0.46, 0.08] } },
        { from: 'channel', name: 'order_channel', description: 'How the order came in: dine-in, takeout, online pickup or a delivery app.', synonyms: ['channel', 'order type', 'sales channel'], generator: { kind: 'category', values: ORDER_CHANNELS, weights: [0.62, 0.1, 0.08, 0.12, 0.08], effects: [{ when: { ref: 'guest_segment', in: ['Corporate & events'] }, weights: [0.86, 0.08, 0.06, 0, 0] }] } },
        {
          name: 'covers', type: 'INT64', description: 'Guests served on the check (1 for takeout and delivery).', synonyms: ['guest count', 'pax', 'party size'],
          generator: { kind: 'number', dist: 'poisson', mean: 2.3, min: 1, max: 12, decimals: 0, effects: [{ when: { ref: 'guest_segment', in: ['Corporate & events'] }, factor: 2.8 }, { when: { ref: 'order_channel', in: OFF_PREMISE }, factor: 0.01, add: 1 }] },
        },
        { name: 'line_weight', type: 'FLOAT64', description: 'Technical: expected number of lines on the check.', generator: { kind: 'derived', expr: 'covers + 2', decimals: 0 } },
        {
          name: 'commission_rate', type: 'FLOAT64', description: 'Commission the ordering or delivery platform keeps, as a fraction of the check (0.28 = 28%).', synonyms: ['platform fee', 'delivery commission', 'marketplace fee'],
          generator: { kind: 'number', dist: 'normal', mean: 0, sd: 0, decimals: 3, effects: by('order_channel', 'add', { DoorDash: 0.28, 'Uber Eats': 0.3, 'Online pickup': 0.04 }) },
        },
        {
          name: 'tip_amount', type: 'NUMERIC', description: 'Tip left on the check.', synonyms: ['gratuity', 'tips'],
          generator: { kind: 'number', dist: 'lognormal', mean: 14, sd: 8, min: 0, max: 400, decimals: 2, effects: [{ when: { ref: 'order_channel', in: OFF_PREMISE }, factor: 0.2 }] },
        },
      ],
    },
    {
      module: 'orders',
      part: 1,
      description: 'Items on each check: menu item, quantity, price and ingredient cost.',
      rowCount: 48000,
      synonyms: ['order lines', 'line items', 'items sold', 'menu item sales'],
      columns: [
        { from: 'line_id', name: 'check_line_id' },
        { from: 'check_id', generator: { kind: 'foreignKey', table: 'checks', column: 'check_id', weightBy: 'line_weight' } },
        { from: 'menu_item_id', generator: { kind: 'foreignKey', table: 'menu_items', column: 'menu_item_id', weightBy: 'popularity_score' } },
        { from: 'quantity', description: 'Portions or drinks sold on the line.', synonyms: ['qty', 'units', 'portions'], generator: { kind: 'number', dist: 'poisson', mean: 1.2, min: 1, max: 10, decimals: 0 } },
        { from: 'unit_price', description: 'Menu price charged per portion.', generator: { kind: 'copy', ref: 'menu_item_id.menu_price' } },
        { from: 'line_total', description: 'Net sales of the line: quantity x unit price.', synonyms: ['net sales', 'revenue', 'sales', 'amount'], generator: { kind: 'derived', expr: 'quantity * unit_price', decimals: 2 } },
        { name: 'food_cost', type: 'NUMERIC', description: 'Ingredient cost of the line (food or beverage cost).', synonyms: ['COGS', 'cost of sales', 'beverage cost'], generator: { kind: 'derived', expr: 'quantity * menu_item_id.plate_cost', decimals: 2 } },
      ],
    },
    {
      name: 'shifts',
      description: 'Worked shifts exported from the time-clock system, by location and job role, with hours and labour cost.',
      grain: 'one row per worked shift',
      rowCount: 1600,
      primaryKey: 'shift_id',
      synonyms: ['timesheets', 'labour', 'labor', 'schedule', 'time punches', 'staff shifts'],
      columns: [
        { name: 'shift_id', type: 'INT64', description: 'Shift identifier.', generator: { kind: 'sequence', start: 1 } },
        { name: 'location_id', type: 'INT64', description: 'Location where the shift was worked.', generator: { kind: 'foreignKey', table: 'locations', column: 'location_id', weightBy: 'seats' } },
        { name: 'role', type: 'STRING', description: 'Job role worked on the shift.', synonyms: ['position', 'station', 'job code'], generator: { kind: 'category', values: STAFF_ROLES, weights: STAFF_ROLE_WEIGHTS } },
        { name: 'shift_date', type: 'DATE', description: 'Business day of the shift.', synonyms: ['date', 'work date'], generator: { kind: 'date', from: -400, to: 0, weekly: DINING_WEEKLY, yearly: DINING_YEARLY } },
        {
          name: 'hours_worked', type: 'FLOAT64', description: 'Clocked hours on the shift.', synonyms: ['hours', 'labour hours', 'labor hours'],
          generator: { kind: 'number', dist: 'normal', mean: 7, sd: 1.4, min: 3, max: 11, decimals: 2, effects: by('location_id', 'factor', { 5: 1.45, 4: 0.62 }) },
        },
        { name: 'hourly_rate', type: 'NUMERIC', description: 'Hourly wage paid for the shift, before tips.', synonyms: ['wage', 'pay rate'], generator: { kind: 'number', dist: 'lognormal', mean: 18, sd: 2.5, min: 11, max: 40, decimals: 2, effects: WAGE_EFFECTS } },
        { name: 'labour_cost', type: 'NUMERIC', description: 'Wage cost of the shift including a 12% employer burden (taxes and benefits).', synonyms: ['labor cost', 'wage cost', 'payroll cost'], generator: { kind: 'derived', expr: 'hours_worked * hourly_rate * 1.12', decimals: 2 } },
      ],
    },
    {
      name: 'waste_log',
      description: 'Food and beverage waste recorded by the kitchen and bar, valued at ingredient cost.',
      grain: 'one row per waste entry',
      rowCount: 2500,
      primaryKey: 'waste_id',
      synonyms: ['waste', 'spoilage', 'wastage', 'shrink'],
      columns: [
        { name: 'waste_id', type: 'INT64', description: 'Waste entry identifier.', generator: { kind: 'sequence', start: 1 } },
        { name: 'location_id', type: 'INT64', description: 'Location that logged the waste.', generator: { kind: 'foreignKey', table: 'locations', column: 'location_id', weightBy: 'seats' } },
        { name: 'menu_item_id', type: 'INT64', description: 'Menu item (recipe) that was wasted.', generator: { kind: 'foreignKey', table: 'menu_items', column: 'menu_item_id' } },
        { name: 'menu_category_id', type: 'INT64', description: 'Menu category of the wasted item.', generator: { kind: 'copy', ref: 'menu_item_id.menu_category_id' } },
        { name: 'logged_date', type: 'DATE', description: 'Day the waste was logged.', synonyms: ['date', 'waste date'], generator: { kind: 'date', from: -400, to: 0, weekly: [1.4, 1.0, 0.9, 0.9, 1.0, 1.1, 1.2] } },
        {
          name: 'waste_reason', type: 'STRING', description: 'Why the food or drink was thrown away.', synonyms: ['reason', 'waste type'],
          generator: {
            kind: 'category', values: ['Overproduction', 'Spoilage', 'Prep error', 'Returned by guest', 'Expired'], weights: [0.3, 0.25, 0.2, 0.12, 0.13],
            effects: [{ when: { ref: 'menu_category_id', in: ['5'] }, weights: [0.62, 0.12, 0.06, 0.05, 0.15] }],
          },
        },
        {
          name: 'portions', type: 'FLOAT64', description: 'Portions wasted (weighed waste converted to portions).', synonyms: ['quantity', 'units'],
          generator: { kind: 'number', dist: 'lognormal', mean: 0.9, sd: 0.6, min: 0.1, max: 12, decimals: 2, effects: [{ when: { ref: 'menu_category_id', in: ['5'] }, factor: 2 }] },
        },
        { name: 'waste_cost', type: 'NUMERIC', description: 'Ingredient cost of the waste.', synonyms: ['waste value', 'cost of waste'], generator: { kind: 'derived', expr: 'portions * menu_item_id.plate_cost', decimals: 2 } },
      ],
    },
    {
      name: 'guest_reviews',
      description: 'Online reviews and post-visit survey ratings linked to a check.',
      grain: 'one row per review',
      rowCount: 3000,
      primaryKey: 'review_id',
      synonyms: ['reviews', 'ratings', 'guest feedback', 'surveys'],
      columns: [
        { name: 'review_id', type: 'INT64', description: 'Review identifier.', generator: { kind: 'sequence', start: 1 } },
        { name: 'check_id', type: 'INT64', description: 'Check the review is about.', generator: { kind: 'foreignKey', table: 'checks', column: 'check_id' } },
        { name: 'location_id', type: 'INT64', description: 'Location reviewed.', generator: { kind: 'copy', ref: 'check_id.location_id' } },
        { name: 'order_channel', type: 'STRING', description: 'Channel of the reviewed order.', synonyms: ['channel'], generator: { kind: 'copy', ref: 'check_id.order_channel' } },
        { name: 'review_date', type: 'DATE', description: 'Day the review was posted.', synonyms: ['date'], generator: { kind: 'date', after: { ref: 'check_id.check_date', minDays: 0, maxDays: 10 } } },
        {
          name: 'platform', type: 'STRING', description: 'Where the review was left.', synonyms: ['review site', 'source'],
          generator: {
            kind: 'category', values: ['Google', 'Yelp', 'TripAdvisor', 'OpenTable', 'DoorDash', 'Uber Eats'], weights: [0.45, 0.22, 0.13, 0.2, 0, 0],
            effects: [{ when: { ref: 'order_channel', in: ['DoorDash'] }, weights: [0.2, 0.05, 0, 0, 0.75, 0] }, { when: { ref: 'order_channel', in: ['Uber Eats'] }, weights: [0.2, 0.05, 0, 0, 0, 0.75] }],
          },
        },
        {
          name: 'rating', type: 'INT64', description: 'Star rating from 1 to 5.', synonyms: ['stars', 'score', 'review score'],
          generator: {
            kind: 'number', dist: 'normal', mean: 4.45, sd: 0.85, min: 1, max: 5, decimals: 0,
            effects: [
              { when: { ref: 'location_id', in: ['4'] }, factor: 0.76 },
              { when: { ref: 'order_channel', in: DELIVERY_APPS }, factor: 0.8 },
            ],
          },
        },
        {
          name: 'complaint_tag', type: 'STRING', description: 'Main complaint raised in the review, if any.', synonyms: ['complaint', 'issue', 'theme'],
          generator: {
            kind: 'category', values: ['None', 'Slow service', 'Food temperature', 'Order accuracy', 'Noise', 'Price / value', 'Staff friendliness'], weights: [0.62, 0.08, 0.06, 0.05, 0.07, 0.08, 0.04],
            effects: [
              { when: { ref: 'order_channel', in: DELIVERY_APPS }, weights: [0.45, 0.05, 0.22, 0.2, 0, 0.08, 0] },
              { when: { ref: 'location_id', in: ['4'] }, weights: [0.4, 0.32, 0.07, 0.05, 0.04, 0.06, 0.06] },
            ],
          },
        },
      ],
    },
  ],
  questions: [
    {
      id: 'q01', level: 'simple',
      question: 'How many checks and covers did {company} serve in the last 30 days?',
      insight: 'The current run-rate of checks and covers across every location: the baseline for the rest of the story.',
      expectedColumns: ['checks', 'covers'],
      insights: [{ kind: 'between', column: 'checks', min: 1 }, { kind: 'between', column: 'covers', min: 1 }],
      sql: (d) => `SELECT COUNT(*) AS checks, SUM(covers) AS covers FROM ${d.table('checks')} WHERE check_date > ${d.daysAgo(30)} AND check_date <= ${d.asOf}`,
    },
    {
      id: 'q02', level: 'simple',
      question: 'What were net sales by location over the last 12 months?',
      insight: '{regions.0}, the flagship, sells close to twice as much as any other location.',
      expectedColumns: ['location_name', 'checks', 'net_sales'],
      insights: [{ kind: 'top', key: 'location_name', value: '{regions.0}' }, { kind: 'ratio', key: 'location_name', value: '{regions.0}', column: 'net_sales', atLeast: 1.5 }],
      sql: (d) => `SELECT l.location_name, COUNT(DISTINCT c.check_id) AS checks, ROUND(SUM(cl.line_total), 2) AS net_sales
FROM ${d.table('check_lines')} cl
JOIN ${d.table('checks')} c ON c.check_id = cl.check_id
JOIN ${d.table('locations')} l ON l.location_id = c.location_id
WHERE c.check_date > ${d.monthsAgo(12)}
GROUP BY l.location_name ORDER BY net_sales DESC`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'Which menu categories bring in the most sales?',
      insight: '{products.0} are by far the biggest category, bringing in about 40% of all food and beverage sales; {products.4} barely register.',
      expectedColumns: ['category_name', 'items_sold', 'net_sales', 'share_pct'],
      insights: [{ kind: 'top', key: 'category_name', value: '{products.0}' }, { kind: 'ratio', key: 'category_name', value: '{products.0}', column: 'net_sales', atLeast: 1.5 }],
      sql: (d) => `SELECT mc.category_name, SUM(cl.quantity) AS items_sold, ROUND(SUM(cl.line_total), 2) AS net_sales,
  ROUND(100.0 * SUM(cl.line_total) / SUM(SUM(cl.line_total)) OVER (), 1) AS share_pct
FROM ${d.table('check_lines')} cl
JOIN ${d.table('menu_items')} mi ON mi.menu_item_id = cl.menu_item_id
JOIN ${d.table('menu_categories')} mc ON mc.menu_category_id = mi.menu_category_id
GROUP BY mc.category_name ORDER BY net_sales DESC`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How have monthly net sales and covers trended over the last 24 months?',
      insight: 'Sales grow year over year: the latest months sell clearly above the first months of the window.',
      expectedColumns: ['month', 'covers', 'net_sales'],
      insights: [{ kind: 'trend', column: 'net_sales', direction: 'up', atLeast: 1.1 }],
      sql: (d) => `WITH per_check AS (
  SELECT c.check_id, c.check_date, c.covers, SUM(cl.line_total) AS sales
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.check_date >= ${d.truncMonth(d.monthsAgo(23))}
  GROUP BY c.check_id, c.check_date, c.covers
)
SELECT ${d.truncMonth('check_date')} AS month, SUM(covers) AS covers, ROUND(SUM(sales), 2) AS net_sales
FROM per_check GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'How do sales split between dine-in, takeout and the delivery apps, and what is the average check in each?',
      insight: 'Dine-in still brings in about 70% of sales and has the largest average check of any channel; takeout and delivery-app checks are smaller.',
      expectedColumns: ['order_channel', 'checks', 'net_sales', 'share_pct', 'avg_check'],
      insights: [{ kind: 'top', key: 'order_channel', value: 'Dine-in', by: 'net_sales' }, { kind: 'between', key: 'order_channel', value: 'Dine-in', column: 'share_pct', min: 60, max: 85 }, { kind: 'top', key: 'order_channel', value: 'Dine-in', by: 'avg_check' }],
      sql: (d) => `WITH per_check AS (
  SELECT c.check_id, c.order_channel, SUM(cl.line_total) AS sales
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.check_date > ${d.monthsAgo(12)}
  GROUP BY c.check_id, c.order_channel
)
SELECT order_channel, COUNT(*) AS checks, ROUND(SUM(sales), 2) AS net_sales,
  ROUND(100.0 * SUM(sales) / SUM(SUM(sales)) OVER (), 1) AS share_pct, ROUND(AVG(sales), 2) AS avg_check
FROM per_check GROUP BY order_channel ORDER BY net_sales DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'What is our no-show rate by booking channel over the last year?',
      insight: 'Bookings from OpenTable, Resy and Google Reserve no-show two to three times as often as bookings made directly on our website.',
      expectedColumns: ['booking_channel', 'reservations', 'no_shows', 'no_show_rate_pct'],
      insights: [{ kind: 'compare', key: 'booking_channel', value: 'OpenTable', other: 'Direct website', column: 'no_show_rate_pct', atLeast: 2 }, { kind: 'trend', column: 'no_show_rate_pct', direction: 'down', atLeast: 2 }],
      sql: (d) => `SELECT booking_channel, COUNT(*) AS reservations,
  SUM(CASE WHEN status = 'No-show' THEN 1 ELSE 0 END) AS no_shows,
  ROUND(100.0 * SUM(CASE WHEN status = 'No-show' THEN 1 ELSE 0 END) / SUM(CASE WHEN status <> 'Cancelled' THEN 1 ELSE 0 END), 1) AS no_show_rate_pct
FROM ${d.table('reservations')}
WHERE reservation_date > ${d.monthsAgo(12)}
GROUP BY booking_channel ORDER BY no_show_rate_pct DESC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'How often does each guest segment visit, and how much do they spend per visit?',
      insight: '{customerSegments.0} visit about three times as often as any other segment, while {customerSegments.3} bring the biggest parties and close to double the average check.',
      expectedColumns: ['segment', 'guests', 'visits', 'visits_per_guest', 'avg_check'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'visits_per_guest' }, { kind: 'ratio', key: 'segment', value: '{customerSegments.0}', column: 'visits_per_guest', atLeast: 2 }],
      sql: (d) => `WITH per_check AS (
  SELECT c.check_id, c.guest_id, SUM(cl.line_total) AS sales
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.guest_id IS NOT NULL AND c.check_date > ${d.monthsAgo(12)}
  GROUP BY c.check_id, c.guest_id
)
SELECT g.segment, COUNT(DISTINCT g.guest_id) AS guests, COUNT(pc.check_id) AS visits,
  ROUND(1.0 * COUNT(pc.check_id) / COUNT(DISTINCT g.guest_id), 2) AS visits_per_guest, ROUND(AVG(pc.sales), 2) AS avg_check
FROM ${d.table('guests')} g LEFT JOIN per_check pc ON pc.guest_id = g.guest_id
GROUP BY g.segment ORDER BY visits_per_guest DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'Which menu categories are running over their target food cost?',
      insight: '{products.0} run roughly ten points over their target food cost: ingredient prices have drifted while menu prices stood still.',
      expectedColumns: ['category_name', 'net_sales', 'target_food_cost_pct', 'actual_food_cost_pct', 'variance_pts'],
      insights: [{ kind: 'top', key: 'category_name', value: '{products.0}', by: 'variance_pts' }, { kind: 'between', key: 'category_name', value: '{products.0}', column: 'variance_pts', min: 6, max: 15 }],
      sql: (d) => `SELECT mc.category_name, ROUND(SUM(cl.line_total), 2) AS net_sales, MAX(mc.target_food_cost_pct) AS target_food_cost_pct,
  ROUND(100.0 * SUM(cl.food_cost) / SUM(cl.line_total), 1) AS actual_food_cost_pct,
  ROUND(100.0 * SUM(cl.food_cost) / SUM(cl.line_total) - MAX(mc.target_food_cost_pct), 1) AS variance_pts
FROM ${d.table('check_lines')} cl
JOIN ${d.table('checks')} c ON c.check_id = cl.check_id
JOIN ${d.table('menu_items')} mi ON mi.menu_item_id = cl.menu_item_id
JOIN ${d.table('menu_categories')} mc ON mc.menu_category_id = mi.menu_category_id
WHERE c.check_date > ${d.monthsAgo(12)}
GROUP BY mc.category_name ORDER BY variance_pts DESC`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'After platform commissions and food cost, how much do we actually keep from each order channel?',
      insight: 'After commission and food cost a delivery-app dollar leaves well under 50 cents, against about two thirds of a dollar for dine-in.',
      expectedColumns: ['order_channel', 'net_sales', 'commission', 'food_cost', 'contribution', 'contribution_pct'],
      insights: [{ kind: 'between', key: 'order_channel', value: 'Uber Eats', column: 'contribution_pct', max: 50 }, { kind: 'between', key: 'order_channel', value: 'DoorDash', column: 'contribution_pct', max: 50 }, { kind: 'between', key: 'order_channel', value: 'Dine-in', column: 'contribution_pct', min: 55 }],
      sql: (d) => `WITH per_check AS (
  SELECT c.check_id, c.order_channel, c.commission_rate, SUM(cl.line_total) AS sales, SUM(cl.food_cost) AS food_cost
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.check_date > ${d.monthsAgo(12)}
  GROUP BY c.check_id, c.order_channel, c.commission_rate
)
SELECT order_channel, ROUND(SUM(sales), 2) AS net_sales, ROUND(SUM(sales * commission_rate), 2) AS commission,
  ROUND(SUM(food_cost), 2) AS food_cost, ROUND(SUM(sales - sales * commission_rate - food_cost), 2) AS contribution,
  ROUND(100.0 * SUM(sales - sales * commission_rate - food_cost) / SUM(sales), 1) AS contribution_pct
FROM per_check GROUP BY order_channel ORDER BY contribution_pct DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'What is labour cost as a percentage of sales at each location over the last 12 months?',
      insight: '{regions.4} is scheduled far above its sales, with labour well above the share of sales of {regions.3}, which runs suspiciously lean.',
      expectedColumns: ['location_name', 'net_sales', 'labour_hours', 'labour_cost', 'labour_pct', 'sales_per_labour_hour'],
      insights: [{ kind: 'compare', key: 'location_name', value: '{regions.4}', other: '{regions.3}', column: 'labour_pct', atLeast: 1.2 }],
      sql: (d) => `WITH sales AS (
  SELECT c.location_id, SUM(cl.line_total) AS net_sales
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.check_date > ${d.monthsAgo(12)}
  GROUP BY c.location_id
), labour AS (
  SELECT location_id, SUM(hours_worked) AS hours, SUM(labour_cost) AS cost
  FROM ${d.table('shifts')} WHERE shift_date > ${d.monthsAgo(12)}
  GROUP BY location_id
)
SELECT l.location_name, ROUND(s.net_sales, 2) AS net_sales, ROUND(lb.hours, 1) AS labour_hours, ROUND(lb.cost, 2) AS labour_cost,
  ROUND(100.0 * lb.cost / s.net_sales, 1) AS labour_pct, ROUND(${d.safeDivide('s.net_sales', 'lb.hours')}, 2) AS sales_per_labour_hour
FROM ${d.table('locations')} l
JOIN sales s ON s.location_id = l.location_id
JOIN labour lb ON lb.location_id = l.location_id
ORDER BY labour_pct DESC`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'Where is our food waste coming from, relative to what each menu category sells?',
      insight: '{products.4} waste several times more of their food cost than any other category, mostly from overproduction: bake and prep to forecast, not to habit.',
      expectedColumns: ['category_name', 'waste_cost', 'food_cost', 'waste_pct_of_food_cost', 'overproduction_pct'],
      insights: [{ kind: 'top', key: 'category_name', value: '{products.4}' }, { kind: 'ratio', key: 'category_name', value: '{products.4}', column: 'waste_pct_of_food_cost', atLeast: 2 }],
      sql: (d) => `WITH waste AS (
  SELECT menu_category_id, SUM(waste_cost) AS waste_cost,
    SUM(CASE WHEN waste_reason = 'Overproduction' THEN waste_cost ELSE 0 END) AS overproduction_cost
  FROM ${d.table('waste_log')} WHERE logged_date > ${d.monthsAgo(12)}
  GROUP BY menu_category_id
), used AS (
  SELECT mi.menu_category_id, SUM(cl.food_cost) AS food_cost
  FROM ${d.table('check_lines')} cl
  JOIN ${d.table('checks')} c ON c.check_id = cl.check_id
  JOIN ${d.table('menu_items')} mi ON mi.menu_item_id = cl.menu_item_id
  WHERE c.check_date > ${d.monthsAgo(12)}
  GROUP BY mi.menu_category_id
)
SELECT mc.category_name, ROUND(w.waste_cost, 2) AS waste_cost, ROUND(u.food_cost, 2) AS food_cost,
  ROUND(100.0 * w.waste_cost / u.food_cost, 1) AS waste_pct_of_food_cost,
  ROUND(100.0 * w.overproduction_cost / w.waste_cost, 1) AS overproduction_pct
FROM ${d.table('menu_categories')} mc
JOIN waste w ON w.menu_category_id = mc.menu_category_id
JOIN used u ON u.menu_category_id = mc.menu_category_id
ORDER BY waste_pct_of_food_cost DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'Run a menu engineering analysis: how many stars, plowhorses, puzzles and dogs does each menu category have?',
      insight: '{products.0} supply the most stars (popular and high margin), and {products.4} have the most dogs: candidates to cut or rework.',
      expectedColumns: ['category_name', 'items', 'stars', 'plowhorses', 'puzzles', 'dogs'],
      insights: [{ kind: 'top', key: 'category_name', value: '{products.0}', by: 'stars' }, { kind: 'top', key: 'category_name', value: '{products.4}', by: 'dogs' }],
      sql: (d) => `WITH item AS (
  SELECT mi.menu_item_id, mc.category_name, SUM(cl.quantity) AS qty, SUM(cl.line_total - cl.food_cost) AS margin
  FROM ${d.table('check_lines')} cl
  JOIN ${d.table('checks')} c ON c.check_id = cl.check_id
  JOIN ${d.table('menu_items')} mi ON mi.menu_item_id = cl.menu_item_id
  JOIN ${d.table('menu_categories')} mc ON mc.menu_category_id = mi.menu_category_id
  WHERE c.check_date > ${d.monthsAgo(12)}
  GROUP BY mi.menu_item_id, mc.category_name
), menu AS (
  SELECT SUM(margin) / SUM(qty) AS avg_margin, SUM(qty) AS total_qty, 0.7 / COUNT(*) AS popularity_threshold FROM item
), classified AS (
  SELECT i.category_name,
    CASE
      WHEN 1.0 * i.qty / m.total_qty >= m.popularity_threshold AND i.margin / i.qty >= m.avg_margin THEN 'Star'
      WHEN 1.0 * i.qty / m.total_qty >= m.popularity_threshold THEN 'Plowhorse'
      WHEN i.margin / i.qty >= m.avg_margin THEN 'Puzzle'
      ELSE 'Dog'
    END AS quadrant
  FROM item i CROSS JOIN menu m
)
SELECT category_name, COUNT(*) AS items,
  SUM(CASE WHEN quadrant = 'Star' THEN 1 ELSE 0 END) AS stars,
  SUM(CASE WHEN quadrant = 'Plowhorse' THEN 1 ELSE 0 END) AS plowhorses,
  SUM(CASE WHEN quadrant = 'Puzzle' THEN 1 ELSE 0 END) AS puzzles,
  SUM(CASE WHEN quadrant = 'Dog' THEN 1 ELSE 0 END) AS dogs
FROM classified GROUP BY category_name ORDER BY stars DESC, dogs`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'Is lean staffing hurting the guest experience? Compare labour %, ratings, slow-service complaints and staff turnover by location.',
      insight: '{regions.3} runs lean, and has the lowest dine-in rating, the most slow-service complaints and the highest staff turnover: the savings are costing guests and people.',
      expectedColumns: ['location_name', 'labour_pct', 'avg_rating', 'slow_service_pct', 'staff_turnover_pct'],
      insights: [{ kind: 'bottom', key: 'location_name', value: '{regions.3}', by: 'avg_rating' }, { kind: 'top', key: 'location_name', value: '{regions.3}', by: 'slow_service_pct' }, { kind: 'top', key: 'location_name', value: '{regions.3}', by: 'staff_turnover_pct' }],
      sql: (d) => `WITH sales AS (
  SELECT c.location_id, SUM(cl.line_total) AS net_sales
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.check_date > ${d.monthsAgo(12)}
  GROUP BY c.location_id
), labour AS (
  SELECT location_id, SUM(labour_cost) AS cost FROM ${d.table('shifts')} WHERE shift_date > ${d.monthsAgo(12)} GROUP BY location_id
), reviews AS (
  SELECT location_id, AVG(rating) AS avg_rating,
    100.0 * SUM(CASE WHEN complaint_tag = 'Slow service' THEN 1 ELSE 0 END) / COUNT(*) AS slow_service_pct
  FROM ${d.table('guest_reviews')} WHERE order_channel = 'Dine-in'
  GROUP BY location_id
), roster AS (
  SELECT location_id, 100.0 * SUM(${d.boolToInt('has_left')}) / COUNT(*) AS turnover_pct FROM ${d.table('staff')} GROUP BY location_id
)
SELECT l.location_name, ROUND(100.0 * lb.cost / s.net_sales, 1) AS labour_pct, ROUND(r.avg_rating, 2) AS avg_rating,
  ROUND(r.slow_service_pct, 1) AS slow_service_pct, ROUND(ro.turnover_pct, 1) AS staff_turnover_pct
FROM ${d.table('locations')} l
JOIN sales s ON s.location_id = l.location_id
JOIN labour lb ON lb.location_id = l.location_id
JOIN reviews r ON r.location_id = l.location_id
JOIN roster ro ON ro.location_id = l.location_id
ORDER BY avg_rating`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'How much revenue did no-shows cost us in the last year, by booking channel, at our average dine-in spend per cover?',
      insight: 'OpenTable bookings cost the most revenue lost to no-shows of any channel, although direct-website bookings are more numerous: a card guarantee on marketplace bookings pays for itself.',
      expectedColumns: ['booking_channel', 'reservations', 'lost_covers', 'lost_revenue', 'share_of_lost_pct'],
      insights: [{ kind: 'top', key: 'booking_channel', value: 'OpenTable', by: 'lost_revenue' }, { kind: 'top', key: 'booking_channel', value: 'Direct website', by: 'reservations' }],
      sql: (d) => `WITH dine_in AS (
  SELECT c.check_id, c.covers, SUM(cl.line_total) AS sales
  FROM ${d.table('checks')} c JOIN ${d.table('check_lines')} cl ON cl.check_id = c.check_id
  WHERE c.order_channel = 'Dine-in' AND c.check_date > ${d.monthsAgo(12)}
  GROUP BY c.check_id, c.covers
), spend AS (
  SELECT SUM(sales) / SUM(covers) AS spend_per_cover FROM dine_in
), lost AS (
  SELECT booking_channel, COUNT(*) AS reservations, SUM(CASE WHEN status = 'No-show' THEN party_size ELSE 0 END) AS lost_covers
  FROM ${d.table('reservations')} WHERE reservation_date > ${d.monthsAgo(12)}
  GROUP BY booking_channel
)
SELECT lost.booking_channel, lost.reservations, lost.lost_covers, ROUND(lost.lost_covers * spend.spend_per_cover, 2) AS lost_revenue,
  ROUND(100.0 * lost.lost_covers / SUM(lost.lost_covers) OVER (), 1) AS share_of_lost_pct
FROM lost CROSS JOIN spend
ORDER BY lost_revenue DESC`,
    },
  ],
  glossary: [
    { term: 'Net sales', definition: 'Sum of check line totals (quantity x menu price), before tips and platform commissions.' },
    { term: 'Cover', definition: 'One guest served; covers on a check are its guest count (1 for takeout and delivery orders).' },
    { term: 'Average check', definition: 'Net sales divided by the number of checks.' },
    { term: 'Food cost %', definition: 'Ingredient cost of items sold (food_cost) divided by their net sales, compared with the category target_food_cost_pct.' },
    { term: 'Labour cost %', definition: 'Labour cost of worked shifts (hours x wage x 1.12 burden) divided by net sales over the same period.' },
    { term: 'No-show rate', definition: 'Reservations with status No-show divided by reservations that were not cancelled.' },
    { term: 'Menu engineering', definition: 'Classifies items by popularity (share of portions sold vs 70% of an even share) and margin per portion (vs the menu average): stars, plowhorses, puzzles and dogs.' },
    { term: 'Staff turnover', definition: 'Share of employees on a location roster who have since left (has_left).' },
  ],
  scenes: [
    { title: 'How the group is trading', narrative: 'Start with the numbers a {company} operator checks every Monday: covers, sales by location and what guests order.', questionIds: ['q01', 'q02', 'q03', 'q04'] },
    { title: 'Channels and guests', narrative: 'Delivery apps bring volume at a price, marketplaces bring bookings that do not show up, and a small group of regulars carries the dining room.', questionIds: ['q05', 'q09', 'q06', 'q14', 'q07'] },
    { title: 'Protecting prime cost', narrative: 'Food cost has drifted on the biggest category, waste concentrates in one section, and labour is out of line at two locations.', questionIds: ['q08', 'q11', 'q10'] },
    { title: 'Fixing the menu and the floor', narrative: 'Finish with the decisions: which dishes to promote, rework or cut, and whether lean scheduling is really saving money.', questionIds: ['q12', 'q13'] },
  ],
});
