import type { Blueprint } from './blueprint.js';
import { by } from './effects.js';
import { preset } from './preset.js';

/** Production and orders run Monday to Friday, with a light Saturday overtime shift. */
const SHOP_WEEKLY = [1.1, 1.1, 1.1, 1.05, 0.95, 0.15, 0.04];
/** Spring and autumn build seasons, the July summer shutdown and the December holiday slowdown. */
const SHOP_YEARLY = [0.95, 1.0, 1.08, 1.05, 1.05, 1.0, 0.72, 1.0, 1.05, 1.08, 1.0, 0.78];

const PLANTS = ['Cleveland', 'Grand Rapids', 'Monterrey', 'Greenville'];
const PRODUCT_FAMILIES = ['Precision shafts', 'Hydraulic fittings', 'Machined housings', 'Bushings & sleeves', 'Gears & sprockets', 'Valve components', 'Custom brackets', 'Threaded inserts'];
const SEGMENTS = ['OEM accounts', 'Industrial distributors', 'MRO & aftermarket', 'Export distributors'];

/**
 * Manufacturing (machine shops, precision machined parts): plants and production cells,
 * SKUs, work orders with yield and scrap, downtime, suppliers and purchase orders,
 * quality inspections and distributor orders.
 */
export const manufacturing: Blueprint = preset({
  // Plants, product families, distributors, work orders and their inspections, and distributor order lines are the
  // modules' tables in manufacturing's words, with its curated values and planted story; production lines, suppliers,
  // the SKU catalogue, purchase orders and downtime are its own. Work orders and order lines make and sell SKUs.
  words: { customer: { singular: 'distributor', plural: 'distributors' }, offering: { singular: 'product family', plural: 'product families' }, extra: { batch: { singular: 'work order', plural: 'work orders' }, inspection: { singular: 'quality inspection', plural: 'quality inspections' } } },
  roles: { offering: { table: 'products', key: 'product_id', name: 'part_name', term: { singular: 'part', plural: 'parts' } } },
  id: 'manufacturing',
  label: 'Manufacturing & machining',
  naics: '332710',
  businessModel: 'B2B manufacturing: machines precision metal parts in its own plants and sells them to OEMs and through industrial distributors',
  defaults: {
    products: PRODUCT_FAMILIES,
    customerSegments: SEGMENTS,
    regions: PLANTS,
    kpis: ['Order value (bookings)', 'Gross margin', 'Yield', 'Scrap rate', 'First-pass yield', 'Unplanned downtime hours', 'Supplier on-time delivery', 'On-time shipment rate'],
    keyEntities: ['Plant', 'Production line', 'Product (SKU)', 'Work order', 'Downtime event', 'Supplier', 'Purchase order', 'Inspection', 'Distributor', 'Distributor order'],
  },
  persona: {
    name: 'Karen Okafor',
    role: 'VP of Operations',
    goals: [
      'Raise yield and cut the cost of scrap',
      'Reduce unplanned downtime on the shop floor',
      'Ship distributor orders on time despite supplier delays',
      'Protect gross margin on OEM volume deals',
    ],
  },
  tables: [
    {
      module: 'locations',
      description: 'Manufacturing plants operated by {company}.',
      synonyms: ['factories', 'facilities', 'sites', 'shops', 'locations'],
      columns: [
        'plant_id',
        { from: 'plant_name', description: 'Name (location) of the plant.', synonyms: ['plant', 'factory', 'site', 'facility', 'region'], fromProfile: 'regions' },
        { name: 'plant_focus', type: 'STRING', description: 'Main type of work done at the plant.', synonyms: ['plant type', 'focus'], generator: { kind: 'list', values: ['Machining & assembly', 'High-volume turning', 'Machining & finishing', 'Prototype & short runs'] } },
        { name: 'opened_year', type: 'INT64', description: 'Year the plant started production.', synonyms: ['opened', 'start of production'], generator: { kind: 'list', values: ['1986', '1999', '2022', '2011'] } },
        { name: 'floor_area_sqft', type: 'INT64', description: 'Production floor area in square feet.', synonyms: ['square footage', 'floor space'], generator: { kind: 'number', dist: 'normal', mean: 120000, sd: 30000, min: 60000, max: 220000, decimals: 0 } },
        { name: 'plant_manager', type: 'STRING', description: 'Plant manager (synthetic).', synonyms: ['manager'], generator: { kind: 'fake', what: 'person' } },
      ],
    },
    {
      name: 'production_lines',
      description: 'Production lines (machining cells) in each plant.',
      grain: 'one row per production line',
      rowCount: 24,
      scales: false,
      primaryKey: 'line_id',
      synonyms: ['lines', 'cells', 'work centers', 'machining cells', 'machines'],
      columns: [
        { name: 'line_id', type: 'INT64', description: 'Production line identifier.', generator: { kind: 'sequence' } },
        { name: 'plant_id', type: 'INT64', description: 'Plant the line belongs to.', generator: { kind: 'foreignKey', table: 'plants', column: 'plant_id' } },
        { name: 'process_type', type: 'STRING', description: 'Main machining process of the line.', synonyms: ['process', 'operation', 'machine type'], generator: { kind: 'category', values: ['CNC turning', 'CNC milling', '5-axis machining', 'Swiss turning', 'Grinding', 'Deburr & finishing'], weights: [0.26, 0.26, 0.12, 0.14, 0.12, 0.1] } },
        { name: 'line_name', type: 'STRING', description: 'Name of the line.', synonyms: ['line', 'cell', 'work center'], generator: { kind: 'template', template: '{plant_id.plant_name} {process_type} cell {line_id}' } },
        { name: 'machine_age_years', type: 'INT64', description: 'Average age of the machines on the line, in years.', synonyms: ['machine age', 'equipment age', 'asset age'], generator: { kind: 'number', dist: 'uniform', min: 2, max: 26, decimals: 0 } },
        { name: 'failure_risk_index', type: 'FLOAT64', description: 'Maintenance risk index of the line: grows with the square of machine age.', synonyms: ['breakdown risk', 'maintenance risk'], generator: { kind: 'derived', expr: '(machine_age_years * machine_age_years + 60) / 100', decimals: 2 } },
        { name: 'capacity_hours_per_week', type: 'FLOAT64', description: 'Scheduled machine hours per week.', synonyms: ['capacity', 'available hours'], generator: { kind: 'number', dist: 'normal', mean: 100, sd: 15, min: 60, max: 140, decimals: 0 } },
        { name: 'has_robot_loading', type: 'BOOL', description: 'Whether machines are loaded by robots (lights-out capable).', synonyms: ['automated', 'robotic', 'lights-out'], generator: { kind: 'boolean', p: 0.35 } },
      ],
    },
    {
      module: 'offerings',
      description: 'Product families of machined parts sold by {company}.',
      synonyms: ['product lines', 'part families', 'categories'],
      columns: [
        { from: 'product_family_id', name: 'family_id' },
        { from: 'product_family_name', name: 'family_name', synonyms: ['product family', 'product line', 'category'], fromProfile: 'products' },
        { name: 'target_margin_pct', type: 'FLOAT64', description: 'Planned gross margin of the family at list price, percent.', synonyms: ['target margin', 'standard margin'], generator: { kind: 'number', dist: 'uniform', min: 30, max: 42, decimals: 1 } },
      ],
    },
    {
      name: 'suppliers',
      description: 'Suppliers of bar stock, castings, forgings, tooling and consumables.',
      grain: 'one row per supplier',
      rowCount: 40,
      scales: false,
      primaryKey: 'supplier_id',
      synonyms: ['vendors', 'mills', 'supply base'],
      columns: [
        { name: 'supplier_id', type: 'INT64', description: 'Supplier identifier.', generator: { kind: 'sequence', start: 301 } },
        { name: 'supplier_name', type: 'STRING', description: 'Supplier name (synthetic).', synonyms: ['supplier', 'vendor'], generator: { kind: 'fake', what: 'company' } },
        { name: 'country', type: 'STRING', description: 'Country the supplier ships from.', synonyms: ['supplier country', 'origin'], generator: { kind: 'category', values: ['USA', 'Mexico', 'Canada', 'China', 'India', 'Germany'], weights: [0.42, 0.12, 0.08, 0.2, 0.11, 0.07] } },
        {
          name: 'sourcing', type: 'STRING', description: 'Domestic, nearshore (Mexico, Canada) or offshore supply.', synonyms: ['sourcing type', 'supply origin'],
          generator: { kind: 'category', values: ['Domestic', 'Nearshore', 'Offshore'], effects: by('country', 'weights', [['USA', [1, 0, 0]], [['Mexico', 'Canada'], [0, 1, 0]], [['China', 'India', 'Germany'], [0, 0, 1]]]) },
        },
        { name: 'material_category', type: 'STRING', description: 'What the supplier mainly provides.', synonyms: ['commodity', 'material', 'spend category'], generator: { kind: 'category', values: ['Steel bar stock', 'Aluminum bar stock', 'Stainless bar stock', 'Castings', 'Forgings', 'Cutting tools & inserts', 'Coolant & consumables'], weights: [0.22, 0.16, 0.14, 0.14, 0.1, 0.14, 0.1] } },
        {
          name: 'quoted_lead_time_days', type: 'INT64', description: 'Lead time the supplier quotes, in days.', synonyms: ['quoted lead time', 'standard lead time'],
          generator: { kind: 'number', dist: 'normal', mean: 18, sd: 4, min: 7, max: 35, decimals: 0, effects: by('sourcing', 'factor', { Offshore: 2.4, Nearshore: 1.2 }) },
        },
        { name: 'is_preferred', type: 'BOOL', description: 'Whether the supplier is on the preferred-supplier list.', synonyms: ['preferred', 'approved'], generator: { kind: 'boolean', p: 0.45 } },
      ],
    },
    {
      name: 'products',
      description: 'Machined parts (SKUs) that {company} makes and sells.',
      grain: 'one row per SKU',
      rowCount: 300,
      scales: false,
      primaryKey: 'product_id',
      synonyms: ['parts', 'SKUs', 'part numbers', 'items', 'catalogue'],
      columns: [
        { name: 'product_id', type: 'INT64', description: 'Product identifier.', generator: { kind: 'sequence', start: 10001 } },
        { name: 'family_id', type: 'INT64', description: 'Product family of the part.', generator: { kind: 'foreignKey', table: 'product_families', column: 'family_id' } },
        { name: 'material_grade', type: 'STRING', description: 'Material the part is machined from.', synonyms: ['material', 'alloy', 'grade'], generator: { kind: 'category', values: ['4140 steel', '1018 steel', '304 stainless', '316 stainless', '6061 aluminum', '7075 aluminum', 'C360 brass', 'Ti-6Al-4V titanium'], weights: [0.2, 0.14, 0.14, 0.1, 0.18, 0.1, 0.1, 0.04] } },
        { name: 'part_number', type: 'STRING', description: 'Part number as printed on drawings and quotes.', synonyms: ['SKU', 'part no', 'PN'], generator: { kind: 'template', template: 'PN-{product_id}' } },
        { name: 'part_name', type: 'STRING', description: 'Descriptive name of the part.', synonyms: ['part', 'product', 'product name'], generator: { kind: 'template', template: '{family_id.family_name}, {material_grade} ({product_id})' } },
        { name: 'primary_supplier_id', type: 'INT64', description: 'Supplier of the raw material for the part.', synonyms: ['material supplier'], generator: { kind: 'foreignKey', table: 'suppliers', column: 'supplier_id' } },
        { name: 'material_sourcing', type: 'STRING', description: 'Sourcing of the raw material (from the primary supplier): Domestic, Nearshore or Offshore.', synonyms: ['material origin'], generator: { kind: 'copy', ref: 'primary_supplier_id.sourcing' } },
        {
          name: 'unit_price', type: 'NUMERIC', description: 'List price per part.', synonyms: ['price', 'list price'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 32, sd: 22, min: 1.5, max: 900, decimals: 2,
            effects: [...by('family_id', 'factor', [['1', 1.6], ['3', 2.0], [['4', '8'], 0.45]]), ...by('material_grade', 'factor', { 'Ti-6Al-4V titanium': 2.5 })],
          },
        },
        { name: 'standard_cost', type: 'NUMERIC', description: 'Standard cost per part: material, machine time and overhead.', synonyms: ['unit cost', 'cost', 'COGS per unit'], generator: { kind: 'derived', expr: 'unit_price * (1 - family_id.target_margin_pct / 100)', decimals: 2 } },
        { name: 'cycle_time_min', type: 'FLOAT64', description: 'Machine cycle time per part, in minutes.', synonyms: ['cycle time', 'run time per part'], generator: { kind: 'number', dist: 'lognormal', mean: 4, sd: 3, min: 0.3, max: 60, decimals: 2, effects: by('family_id', 'factor', { 3: 3 }) } },
        {
          name: 'demand_weight', type: 'FLOAT64', description: 'Relative demand for the part (how often it is ordered).', synonyms: ['demand'],
          generator: { kind: 'number', dist: 'lognormal', mean: 1, sd: 1.1, min: 0.02, max: 12, decimals: 3, effects: by('family_id', 'factor', { 1: 3 }) },
        },
        { name: 'is_active', type: 'BOOL', description: 'Whether the part is still quoted and sold.', generator: { kind: 'boolean', p: 0.92 } },
      ],
    },
    {
      module: 'customers',
      description: 'Distributors and direct OEM accounts that order from {company}.',
      grain: 'one row per account',
      rowCount: 600,
      synonyms: ['customers', 'accounts', 'channel partners', 'buyers'],
      columns: [
        { from: 'distributor_id', description: 'Account identifier.', generator: { kind: 'sequence', start: 70001 } },
        { from: 'distributor_name', description: 'Account name (synthetic).', synonyms: ['distributor', 'customer', 'account'] },
        { from: 'segment', description: 'Type of account.', synonyms: ['customer segment', 'channel', 'account type'], fromProfile: 'customerSegments', generator: { kind: 'category', values: SEGMENTS, weights: [0.12, 0.45, 0.3, 0.13] } },
        { name: 'territory', type: 'STRING', description: 'Sales territory of the account.', synonyms: ['sales territory', 'region'], generator: { kind: 'category', values: ['Midwest', 'Northeast', 'Southeast', 'South Central', 'West', 'Canada', 'Mexico'], weights: [0.3, 0.15, 0.15, 0.14, 0.12, 0.08, 0.06] } },
        { from: 'joined_date', name: 'account_since', description: 'Day the account was opened.', synonyms: ['customer since', 'onboarded'], generator: { kind: 'date', from: -5500, to: -30 } },
        { name: 'payment_terms', type: 'STRING', description: 'Agreed payment terms.', synonyms: ['terms', 'credit terms'], generator: { kind: 'category', values: ['Net 30', 'Net 45', 'Net 60'], weights: [0.55, 0.3, 0.15] } },
        {
          name: 'order_propensity', type: 'FLOAT64', description: 'How often the account tends to order (relative).', synonyms: ['order frequency score'],
          generator: { kind: 'number', dist: 'lognormal', mean: 1, sd: 1.6, min: 0.02, max: 20, decimals: 3, effects: by('segment', 'factor', { 'OEM accounts': 2.5 }) },
        },
      ],
    },
    {
      name: 'purchase_orders',
      description: 'Purchase orders placed with suppliers for material and tooling, with quoted and actual lead times.',
      grain: 'one row per purchase order',
      rowCount: 3000,
      primaryKey: 'po_id',
      synonyms: ['POs', 'purchasing', 'buys', 'material orders'],
      columns: [
        { name: 'po_id', type: 'INT64', description: 'Purchase order number.', synonyms: ['PO number'], generator: { kind: 'sequence', start: 450001 } },
        { name: 'supplier_id', type: 'INT64', description: 'Supplier the PO was placed with.', generator: { kind: 'foreignKey', table: 'suppliers', column: 'supplier_id', distribution: 'zipf', skew: 0.7 } },
        { name: 'plant_id', type: 'INT64', description: 'Plant receiving the material.', synonyms: ['ship-to plant'], generator: { kind: 'foreignKey', table: 'plants', column: 'plant_id' } },
        { name: 'po_date', type: 'DATE', description: 'Day the PO was issued.', synonyms: ['order date', 'issue date'], generator: { kind: 'date', from: -760, to: -1, weekly: SHOP_WEEKLY, growth: 0.1 } },
        { name: 'quoted_lead_days', type: 'INT64', description: 'Lead time quoted by the supplier for this PO, in days.', synonyms: ['quoted lead time', 'promised lead time'], generator: { kind: 'copy', ref: 'supplier_id.quoted_lead_time_days' } },
        { name: 'lead_time_ratio', type: 'FLOAT64', description: 'Lead time the supplier achieved relative to quote when nothing went wrong (1.0 = as quoted).', synonyms: ['lead time performance'], generator: { kind: 'number', dist: 'normal', mean: 0.95, sd: 0.05, min: 0.75, max: 1.15, decimals: 3 } },
        {
          name: 'was_delayed', type: 'BOOL', description: 'Whether the supply was disrupted (mill delay, port congestion, customs hold, capacity).', synonyms: ['delayed', 'disrupted'],
          generator: { kind: 'boolean', p: 0.14, effects: by('supplier_id.sourcing', 'p', { Offshore: 0.62, Nearshore: 0.22 }) },
        },
        {
          name: 'delay_days', type: 'INT64', description: 'Days of disruption added when the supply was delayed (0 otherwise).', synonyms: ['slip days'],
          generator: { kind: 'number', dist: 'lognormal', mean: 6, sd: 4, min: 1, max: 60, decimals: 0, effects: by('supplier_id.sourcing', 'factor', { Offshore: 2.5 }) },
        },
        { name: 'actual_lead_days', type: 'INT64', description: 'Days from PO to receipt (expected days for POs still open).', synonyms: ['actual lead time', 'lead time'], generator: { kind: 'derived', expr: 'round(quoted_lead_days * lead_time_ratio + was_delayed * delay_days)', decimals: 0 } },
        { name: 'due_date', type: 'DATE', description: 'Day the material was promised: PO date plus quoted lead time.', synonyms: ['promised date'], generator: { kind: 'derived', expr: 'po_date + quoted_lead_days' } },
        { name: 'received_date', type: 'DATE', description: 'Day the material was received (expected receipt date for open POs, later than today).', synonyms: ['receipt date', 'delivery date'], generator: { kind: 'derived', expr: 'po_date + actual_lead_days' } },
        { name: 'po_amount', type: 'NUMERIC', description: 'Value of the PO.', synonyms: ['spend', 'amount', 'PO value'], generator: { kind: 'number', dist: 'lognormal', mean: 16000, sd: 14000, min: 300, max: 400000, decimals: 2 } },
      ],
    },
    {
      module: 'production',
      description: 'Production work orders run on the lines, with parts started, scrapped and good.',
      rowCount: 14000,
      synonyms: ['jobs', 'production orders', 'job orders', 'runs', 'batches'],
      columns: [
        // Apart from the SKU numbers, so a join on the wrong key finds nothing.
        { from: 'work_order_id', synonyms: ['WO number', 'job number'], generator: { kind: 'sequence', start: 1000001 } },
        { name: 'line_id', type: 'INT64', description: 'Production line that ran the work order.', generator: { kind: 'foreignKey', table: 'production_lines', column: 'line_id', weightBy: 'capacity_hours_per_week' } },
        { from: 'plant_id', description: 'Plant of the line.', generator: { kind: 'copy', ref: 'line_id.plant_id' } },
        { from: 'product_id', generator: { kind: 'foreignKey', table: 'products', column: 'product_id', weightBy: 'demand_weight' } },
        { name: 'shift', type: 'STRING', description: 'Shift that ran the work order.', synonyms: ['crew', 'shift name'], generator: { kind: 'category', values: ['Day', 'Swing', 'Night'], weights: [0.46, 0.32, 0.22] } },
        { from: 'production_date', name: 'start_date', description: 'Day production started.', synonyms: ['production date', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: SHOP_WEEKLY, yearly: SHOP_YEARLY, growth: 0.1 } },
        { name: 'completed_date', type: 'DATE', description: 'Day the work order was closed.', synonyms: ['close date', 'finish date'], generator: { kind: 'date', after: { ref: 'start_date', minDays: 0, maxDays: 6 } } },
        { from: 'planned_quantity', name: 'qty_started', type: 'INT64', description: 'Parts started (released to the line).', synonyms: ['quantity', 'parts started', 'input quantity'], generator: { kind: 'number', dist: 'lognormal', mean: 400, sd: 380, min: 10, max: 6000, decimals: 0 } },
        {
          name: 'scrap_rate', type: 'FLOAT64', description: 'Share of started parts scrapped (0.03 = 3%).', synonyms: ['scrap %'],
          generator: { kind: 'number', dist: 'normal', mean: 0.024, sd: 0.01, min: 0.002, max: 0.12, decimals: 4, effects: [...by('plant_id', 'factor', { 3: 2.6 }), ...by('shift', 'factor', { Night: 1.25 })] },
        },
        { name: 'qty_scrapped', type: 'INT64', description: 'Parts scrapped.', synonyms: ['scrap', 'scrap quantity', 'rejects'], generator: { kind: 'derived', expr: 'round(qty_started * scrap_rate)' } },
        { from: 'output_quantity', name: 'qty_good', type: 'INT64', description: 'Good parts produced.', synonyms: ['good parts', 'output', 'yield quantity'], generator: { kind: 'derived', expr: 'qty_started - qty_scrapped' } },
        { name: 'scrap_cost', type: 'NUMERIC', description: 'Standard cost of the scrapped parts.', synonyms: ['cost of scrap'], generator: { kind: 'derived', expr: 'qty_scrapped * product_id.standard_cost', decimals: 2 } },
        { name: 'run_hours', type: 'FLOAT64', description: 'Machine hours the work order took.', synonyms: ['machine hours', 'run time'], generator: { kind: 'derived', expr: 'qty_started * product_id.cycle_time_min / 60', decimals: 1 } },
      ],
    },
    {
      name: 'downtime_events',
      description: 'Machine downtime events logged on the production lines.',
      grain: 'one row per downtime event',
      rowCount: 5000,
      primaryKey: 'downtime_id',
      synonyms: ['downtime', 'stoppages', 'outages', 'breakdowns', 'machine stops'],
      columns: [
        { name: 'downtime_id', type: 'INT64', description: 'Downtime event identifier.', generator: { kind: 'sequence', start: 1 } },
        { name: 'line_id', type: 'INT64', description: 'Line that stopped.', generator: { kind: 'foreignKey', table: 'production_lines', column: 'line_id', weightBy: 'failure_risk_index' } },
        { name: 'plant_id', type: 'INT64', description: 'Plant of the line.', generator: { kind: 'copy', ref: 'line_id.plant_id' } },
        { name: 'event_date', type: 'DATE', description: 'Day the stop started.', synonyms: ['date', 'downtime date'], generator: { kind: 'date', from: -400, to: 0, weekly: SHOP_WEEKLY } },
        { name: 'downtime_type', type: 'STRING', description: 'Kind of stop.', synonyms: ['type', 'category', 'loss category'], generator: { kind: 'category', values: ['Unplanned breakdown', 'Changeover', 'Planned maintenance', 'Material shortage', 'Quality hold', 'Operator unavailable'], weights: [0.28, 0.3, 0.14, 0.12, 0.08, 0.08] } },
        {
          name: 'cause', type: 'STRING', description: 'Root cause recorded by maintenance.', synonyms: ['root cause', 'reason code', 'failure mode'],
          generator: {
            kind: 'category', values: ['Spindle', 'Hydraulics', 'Electrical', 'Tool breakage', 'Coolant system', 'Controls & software', 'Setup', 'Scheduled PM', 'Late material', 'Out of tolerance', 'Staffing'],
            effects: by('downtime_type', 'weights', {
              'Unplanned breakdown': [0.24, 0.18, 0.14, 0.2, 0.12, 0.12, 0, 0, 0, 0, 0],
              Changeover: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
              'Planned maintenance': [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
              'Material shortage': [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
              'Quality hold': [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
              'Operator unavailable': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            }),
          },
        },
        {
          name: 'duration_hours', type: 'FLOAT64', description: 'Length of the stop in hours.', synonyms: ['downtime hours', 'duration', 'hours lost'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 2.2, sd: 2, min: 0.1, max: 72, decimals: 2,
            effects: by('downtime_type', 'factor', [['Unplanned breakdown', 2.3], ['Changeover', 0.6], ['Planned maintenance', 1.3], [['Operator unavailable', 'Quality hold'], 0.7]]),
          },
        },
      ],
    },
    {
      module: 'production',
      part: 1,
      description: 'Quality inspections of work orders: first article, in-process and final inspection.',
      rowCount: 6000,
      synonyms: ['inspections', 'QC checks', 'quality checks', 'audits'],
      columns: [
        { from: 'check_id', name: 'inspection_id', description: 'Inspection identifier.' },
        { from: 'work_order_id', description: 'Work order inspected.', generator: { kind: 'foreignKey', table: 'work_orders', column: 'work_order_id' } },
        { name: 'shift', type: 'STRING', description: 'Shift that ran the inspected work order.', synonyms: ['crew'], generator: { kind: 'copy', ref: 'work_order_id.shift' } },
        { name: 'plant_id', type: 'INT64', description: 'Plant of the inspected work order.', generator: { kind: 'copy', ref: 'work_order_id.plant_id' } },
        { from: 'check_date', name: 'inspection_date', description: 'Day of the inspection.', synonyms: ['date'], generator: { kind: 'date', after: { ref: 'work_order_id.start_date', minDays: 0, maxDays: 5 } } },
        { from: 'check_type', name: 'inspection_type', description: 'Stage of the inspection.', synonyms: ['type', 'stage'], generator: { kind: 'category', values: ['First article', 'In-process', 'Final'], weights: [0.2, 0.35, 0.45] } },
        { name: 'sample_size', type: 'INT64', description: 'Parts measured.', synonyms: ['sample', 'parts measured'], generator: { kind: 'number', dist: 'poisson', mean: 12, min: 1, max: 80, decimals: 0 } },
        { from: 'passed', description: 'Whether the inspection passed first time.', synonyms: ['pass', 'result', 'first-pass'], generator: { kind: 'boolean', p: 0.955, effects: by('shift', 'p', { Night: 0.865 }) } },
        {
          name: 'defect_type', type: 'STRING', description: 'Main defect found; None when the inspection passed.', synonyms: ['defect', 'nonconformance', 'failure reason'],
          generator: {
            kind: 'category', values: ['None', 'Dimensional out of tolerance', 'Surface finish', 'Burrs', 'Thread gauge fail', 'Material defect'],
            effects: by('passed', 'weights', { true: [1, 0, 0, 0, 0, 0], false: [0, 0.42, 0.18, 0.16, 0.14, 0.1] }),
          },
        },
        { name: 'inspector', type: 'STRING', description: 'Quality inspector (synthetic).', synonyms: ['QC inspector'], generator: { kind: 'fake', what: 'person' } },
      ],
    },
    {
      // The orders module's lines, one flat table: each line carries its account, segment and dates.
      module: 'orders',
      primary: false,
      part: 1,
      name: 'distributor_orders',
      description: 'Order lines booked by distributors and OEM accounts, with promised and actual ship dates.',
      rowCount: 24000,
      synonyms: ['sales orders', 'orders', 'bookings', 'order lines', 'shipments'],
      columns: [
        { from: 'line_id', name: 'order_line_id', generator: { kind: 'sequence', start: 3000001 } },
        { name: 'distributor_id', type: 'INT64', description: 'Account that placed the order.', generator: { kind: 'foreignKey', table: 'distributors', column: 'distributor_id', weightBy: 'order_propensity' } },
        { name: 'segment', type: 'STRING', description: 'Segment of the account when it ordered.', synonyms: ['customer segment', 'channel'], generator: { kind: 'copy', ref: 'distributor_id.segment' } },
        { from: 'product_id', description: 'Part ordered.', generator: { kind: 'foreignKey', table: 'products', column: 'product_id', weightBy: 'demand_weight' } },
        { name: 'material_sourcing', type: 'STRING', description: 'Sourcing of the part raw material (copied from the product).', synonyms: ['material origin'], generator: { kind: 'copy', ref: 'product_id.material_sourcing' } },
        { name: 'order_date', type: 'DATE', description: 'Day the order was booked.', synonyms: ['booking date', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: SHOP_WEEKLY, yearly: SHOP_YEARLY, growth: 0.02, notBefore: 'distributor_id.account_since' } },
        {
          from: 'quantity', description: 'Parts ordered.', synonyms: ['qty', 'units', 'pieces'],
          generator: { kind: 'number', dist: 'lognormal', mean: 90, sd: 110, min: 2, max: 8000, decimals: 0, effects: by('segment', 'factor', { 'OEM accounts': 3.5, 'MRO & aftermarket': 0.4 }) },
        },
        { from: 'unit_price', name: 'unit_list_price', description: 'List price per part.', synonyms: ['list price'], generator: { kind: 'copy', ref: 'product_id.unit_price' } },
        {
          from: 'discount_pct', synonyms: ['discount', 'price concession'],
          generator: { kind: 'number', dist: 'uniform', min: 0, max: 0.06, decimals: 3, effects: by('segment', 'factor', { 'OEM accounts': 3.6, 'Export distributors': 1.6, 'MRO & aftermarket': 0.25 }) },
        },
        { from: 'line_total', name: 'line_amount', description: 'Order value of the line: quantity x list price x (1 - discount).', synonyms: ['revenue', 'sales', 'order value', 'bookings'], generator: { kind: 'derived', expr: 'quantity * unit_list_price * (1 - discount_pct)', decimals: 2 } },
        { name: 'line_cost', type: 'NUMERIC', description: 'Standard cost of the parts on the line.', synonyms: ['COGS', 'cost'], generator: { kind: 'derived', expr: 'quantity * product_id.standard_cost', decimals: 2 } },
        { name: 'promised_lead_days', type: 'INT64', description: 'Lead time promised to the account, in days.', synonyms: ['quoted lead time'], generator: { kind: 'number', dist: 'normal', mean: 14, sd: 2, min: 7, max: 25, decimals: 0 } },
        {
          name: 'ship_lead_days', type: 'INT64', description: 'Days from order to shipment.', synonyms: ['actual lead time', 'days to ship'],
          generator: { kind: 'number', dist: 'normal', mean: 10, sd: 3, min: 2, max: 40, decimals: 0, effects: by('material_sourcing', 'factor', { Offshore: 1.35, Nearshore: 1.08 }) },
        },
        { name: 'requested_ship_date', type: 'DATE', description: 'Ship date promised to the account.', synonyms: ['promise date', 'due date'], generator: { kind: 'derived', expr: 'order_date + promised_lead_days' } },
        { name: 'ship_date', type: 'DATE', description: 'Day the line shipped (scheduled ship date when later than today).', synonyms: ['shipped date'], generator: { kind: 'derived', expr: 'order_date + ship_lead_days' } },
      ],
    },
  ],
  questions: [
    {
      id: 'q01', level: 'simple',
      question: 'How many work orders did {company} run in the last 30 days, and how many good parts came off the lines?',
      insight: 'The current production run-rate across all plants: the baseline for the rest of the story.',
      expectedColumns: ['work_orders', 'parts_started', 'good_parts'],
      insights: [{ kind: 'between', column: 'work_orders', min: 1 }, { kind: 'between', column: 'good_parts', min: 1 }],
      sql: (d) => `SELECT COUNT(*) AS work_orders, SUM(qty_started) AS parts_started, SUM(qty_good) AS good_parts
FROM ${d.table('work_orders')} WHERE start_date > ${d.daysAgo(30)} AND start_date <= ${d.asOf}`,
    },
    {
      id: 'q02', level: 'simple',
      question: 'What was our order value by product family over the last 12 months?',
      insight: '{products.0} are the largest product family, bringing in several times the order value of the average family.',
      expectedColumns: ['family_name', 'parts_ordered', 'order_value', 'share_pct'],
      insights: [{ kind: 'top', key: 'family_name', value: '{products.0}', by: 'order_value' }, { kind: 'ratio', key: 'family_name', value: '{products.0}', column: 'order_value', atLeast: 2.5, vs: 'average' }],
      sql: (d) => `SELECT f.family_name, SUM(o.quantity) AS parts_ordered, ROUND(SUM(o.line_amount), 2) AS order_value,
  ROUND(100.0 * SUM(o.line_amount) / SUM(SUM(o.line_amount)) OVER (), 1) AS share_pct
FROM ${d.table('distributor_orders')} o
JOIN ${d.table('products')} p ON p.product_id = o.product_id
JOIN ${d.table('product_families')} f ON f.family_id = p.family_id
WHERE o.order_date > ${d.monthsAgo(12)}
GROUP BY f.family_name ORDER BY order_value DESC`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'Which account segments order the most from us?',
      insight: '{customerSegments.0} are far fewer accounts than {customerSegments.1} but bring in the largest share of order value.',
      expectedColumns: ['segment', 'accounts', 'order_lines', 'order_value', 'share_pct'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'order_value' }, { kind: 'top', key: 'segment', value: '{customerSegments.1}', by: 'accounts' }],
      sql: (d) => `SELECT o.segment, COUNT(DISTINCT o.distributor_id) AS accounts, COUNT(*) AS order_lines, ROUND(SUM(o.line_amount), 2) AS order_value,
  ROUND(100.0 * SUM(o.line_amount) / SUM(SUM(o.line_amount)) OVER (), 1) AS share_pct
FROM ${d.table('distributor_orders')} o
WHERE o.order_date > ${d.monthsAgo(12)}
GROUP BY o.segment ORDER BY order_value DESC`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How has monthly order value trended over the last 24 months?',
      insight: 'Orders come in every month, with dips in July (summer shutdown) and December.',
      expectedColumns: ['month', 'order_lines', 'order_value'],
      insights: [{ kind: 'between', column: 'order_value', min: 1 }],
      sql: (d) => `SELECT ${d.truncMonth('order_date')} AS month, COUNT(*) AS order_lines, ROUND(SUM(line_amount), 2) AS order_value
FROM ${d.table('distributor_orders')}
WHERE order_date >= ${d.truncMonth(d.monthsAgo(23))}
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'What are yield and scrap rate at each plant over the last 12 months?',
      insight: '{regions.2}, the newest plant, scraps about two and a half times as many parts as the other plants.',
      expectedColumns: ['plant_name', 'work_orders', 'parts_started', 'scrap_rate_pct', 'yield_pct'],
      insights: [{ kind: 'top', key: 'plant_name', value: '{regions.2}' }, { kind: 'ratio', key: 'plant_name', value: '{regions.2}', column: 'scrap_rate_pct', atLeast: 1.8 }],
      sql: (d) => `SELECT p.plant_name, COUNT(*) AS work_orders, SUM(w.qty_started) AS parts_started,
  ROUND(100.0 * SUM(w.qty_scrapped) / SUM(w.qty_started), 2) AS scrap_rate_pct,
  ROUND(100.0 * SUM(w.qty_good) / SUM(w.qty_started), 2) AS yield_pct
FROM ${d.table('work_orders')} w JOIN ${d.table('plants')} p ON p.plant_id = w.plant_id
WHERE w.start_date > ${d.monthsAgo(12)}
GROUP BY p.plant_name ORDER BY scrap_rate_pct DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'Where are we losing machine time? Break down downtime hours by type for the last 12 months.',
      insight: 'Unplanned breakdowns cause by far the most downtime hours, more than twice any other type, even though changeovers happen as often.',
      expectedColumns: ['downtime_type', 'events', 'downtime_hours', 'avg_hours_per_event', 'share_pct'],
      insights: [{ kind: 'top', key: 'downtime_type', value: 'Unplanned breakdown', by: 'downtime_hours' }, { kind: 'ratio', key: 'downtime_type', value: 'Unplanned breakdown', column: 'downtime_hours', atLeast: 2.2 }],
      sql: (d) => `SELECT downtime_type, COUNT(*) AS events, ROUND(SUM(duration_hours), 1) AS downtime_hours,
  ROUND(AVG(duration_hours), 2) AS avg_hours_per_event,
  ROUND(100.0 * SUM(duration_hours) / SUM(SUM(duration_hours)) OVER (), 1) AS share_pct
FROM ${d.table('downtime_events')}
WHERE event_date > ${d.monthsAgo(12)}
GROUP BY downtime_type ORDER BY downtime_hours DESC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'How do quoted and actual supplier lead times compare for domestic, nearshore and offshore suppliers?',
      insight: 'Offshore suppliers quote more than twice the domestic lead time and still deliver on time only about a third of the time, against over 80% for domestic suppliers.',
      expectedColumns: ['sourcing', 'purchase_orders', 'avg_quoted_days', 'avg_actual_days', 'on_time_pct'],
      insights: [{ kind: 'compare', key: 'sourcing', value: 'Offshore', other: 'Domestic', column: 'avg_actual_days', atLeast: 2 }],
      sql: (d) => `SELECT s.sourcing, COUNT(*) AS purchase_orders, ROUND(AVG(po.quoted_lead_days), 1) AS avg_quoted_days,
  ROUND(AVG(po.actual_lead_days), 1) AS avg_actual_days,
  ROUND(100.0 * SUM(CASE WHEN po.received_date <= po.due_date THEN 1 ELSE 0 END) / COUNT(*), 1) AS on_time_pct
FROM ${d.table('purchase_orders')} po JOIN ${d.table('suppliers')} s ON s.supplier_id = po.supplier_id
WHERE po.received_date <= ${d.asOf} AND po.po_date > ${d.monthsAgo(24)}
GROUP BY s.sourcing ORDER BY avg_actual_days DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'How much discount does each segment get, and what does it do to gross margin?',
      insight: '{customerSegments.0} get the largest discount, more than three times that of {customerSegments.2}, which pay close to list, and it leaves them the lowest gross margin of any segment.',
      expectedColumns: ['segment', 'order_value', 'avg_discount_pct', 'gross_margin_pct'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'avg_discount_pct' }, { kind: 'compare', key: 'segment', value: '{customerSegments.0}', other: '{customerSegments.2}', column: 'avg_discount_pct', atLeast: 3 }, { kind: 'bottom', key: 'segment', value: '{customerSegments.0}', by: 'gross_margin_pct' }],
      sql: (d) => `SELECT segment, ROUND(SUM(line_amount), 2) AS order_value, ROUND(100 * AVG(discount_pct), 1) AS avg_discount_pct,
  ROUND(100.0 * ${d.safeDivide('SUM(line_amount - line_cost)', 'SUM(line_amount)')}, 1) AS gross_margin_pct
FROM ${d.table('distributor_orders')}
WHERE order_date > ${d.monthsAgo(12)}
GROUP BY segment ORDER BY gross_margin_pct`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'What is our first-pass inspection yield by shift, and what defects fail most?',
      insight: 'The night shift fails inspection about three times as often as the day shift, mostly on dimensional tolerance.',
      expectedColumns: ['shift', 'inspections', 'failed', 'first_pass_yield_pct', 'top_defect'],
      insights: [{ kind: 'compare', key: 'shift', value: 'Day', other: 'Night', column: 'first_pass_yield_pct', atLeast: 1.05 }],
      sql: (d) => `WITH defects AS (
  SELECT shift, defect_type, COUNT(*) AS n,
    ROW_NUMBER() OVER (PARTITION BY shift ORDER BY COUNT(*) DESC) AS rn
  FROM ${d.table('quality_inspections')} WHERE NOT passed
  GROUP BY shift, defect_type
)
SELECT q.shift, COUNT(*) AS inspections, SUM(CASE WHEN q.passed THEN 0 ELSE 1 END) AS failed,
  ROUND(100.0 * SUM(${d.boolToInt('q.passed')}) / COUNT(*), 1) AS first_pass_yield_pct,
  MAX(df.defect_type) AS top_defect
FROM ${d.table('quality_inspections')} q LEFT JOIN defects df ON df.shift = q.shift AND df.rn = 1
GROUP BY q.shift ORDER BY first_pass_yield_pct`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'Do older machines cost us more downtime? Compare downtime per line by machine age.',
      insight: 'Lines with machines over 15 years old lose several times as many hours per line as lines under 8 years old, about half of it from breakdowns: the case for a replacement plan.',
      expectedColumns: ['age_band', 'lines', 'downtime_hours', 'hours_per_line', 'breakdown_hours_per_line'],
      insights: [{ kind: 'trend', column: 'hours_per_line', direction: 'up', atLeast: 3 }],
      sql: (d) => `WITH per_line AS (
  SELECT l.line_id,
    CASE WHEN l.machine_age_years < 8 THEN '1. Under 8 years' WHEN l.machine_age_years <= 15 THEN '2. 8-15 years' ELSE '3. Over 15 years' END AS age_band,
    COALESCE(SUM(e.duration_hours), 0) AS hours,
    COALESCE(SUM(CASE WHEN e.downtime_type = 'Unplanned breakdown' THEN e.duration_hours ELSE 0 END), 0) AS breakdown_hours
  FROM ${d.table('production_lines')} l
  LEFT JOIN ${d.table('downtime_events')} e ON e.line_id = l.line_id AND e.event_date > ${d.monthsAgo(12)}
  GROUP BY l.line_id, l.machine_age_years
)
SELECT age_band, COUNT(*) AS lines, ROUND(SUM(hours), 1) AS downtime_hours, ROUND(AVG(hours), 1) AS hours_per_line,
  ROUND(AVG(breakdown_hours), 1) AS breakdown_hours_per_line
FROM per_line GROUP BY age_band ORDER BY age_band`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'Which suppliers are least reliable on delivery?',
      insight: 'The least reliable suppliers deliver only a fraction of their POs on time and run days late per PO.',
      expectedColumns: ['supplier_name', 'country', 'purchase_orders', 'on_time_pct', 'avg_days_late'],
      insights: [{ kind: 'trend', column: 'on_time_pct', direction: 'up' }],
      sql: (d) => `SELECT s.supplier_name, s.country, COUNT(*) AS purchase_orders,
  ROUND(100.0 * SUM(CASE WHEN po.received_date <= po.due_date THEN 1 ELSE 0 END) / COUNT(*), 1) AS on_time_pct,
  ROUND(AVG(CASE WHEN po.received_date > po.due_date THEN ${d.dateDiffDays('po.received_date', 'po.due_date')} ELSE 0 END), 1) AS avg_days_late
FROM ${d.table('purchase_orders')} po JOIN ${d.table('suppliers')} s ON s.supplier_id = po.supplier_id
WHERE po.received_date <= ${d.asOf}
GROUP BY s.supplier_name, s.country HAVING COUNT(*) >= 10
ORDER BY on_time_pct, avg_days_late DESC LIMIT 10`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'Are supplier delays reaching our distributors? Compare on-time shipment by where the part\'s material comes from.',
      insight: 'Parts made from offshore-sourced material ship late to distributors three to four times as often as parts made from domestic material: supplier lead-time slips flow straight through to customers.',
      expectedColumns: ['material_sourcing', 'order_lines', 'late_lines', 'on_time_pct', 'avg_days_late', 'late_order_value'],
      insights: [{ kind: 'compare', key: 'material_sourcing', value: 'Domestic', other: 'Offshore', column: 'on_time_pct', atLeast: 1.3 }],
      sql: (d) => `SELECT s.sourcing AS material_sourcing, COUNT(*) AS order_lines,
  SUM(CASE WHEN o.ship_date > o.requested_ship_date THEN 1 ELSE 0 END) AS late_lines,
  ROUND(100.0 * SUM(CASE WHEN o.ship_date <= o.requested_ship_date THEN 1 ELSE 0 END) / COUNT(*), 1) AS on_time_pct,
  ROUND(AVG(CASE WHEN o.ship_date > o.requested_ship_date THEN ${d.dateDiffDays('o.ship_date', 'o.requested_ship_date')} END), 1) AS avg_days_late,
  ROUND(SUM(CASE WHEN o.ship_date > o.requested_ship_date THEN o.line_amount ELSE 0 END), 2) AS late_order_value
FROM ${d.table('distributor_orders')} o
JOIN ${d.table('products')} p ON p.product_id = o.product_id
JOIN ${d.table('suppliers')} s ON s.supplier_id = p.primary_supplier_id
WHERE o.ship_date <= ${d.asOf} AND o.order_date > ${d.monthsAgo(12)}
GROUP BY s.sourcing ORDER BY on_time_pct`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'How much would we save in a year if every plant ran at the scrap rate of the others?',
      insight: '{regions.2} scraps at more than twice the rate of the other plants: bringing it to their scrap rate would save more than half of its scrap cost, the only real savings opportunity in the group.',
      expectedColumns: ['plant_name', 'parts_share_pct', 'scrap_cost', 'scrap_cost_share_pct', 'scrap_rate_pct', 'others_scrap_rate_pct', 'potential_savings'],
      insights: [{ kind: 'top', key: 'plant_name', value: '{regions.2}', by: 'scrap_rate_pct' }, { kind: 'ratio', key: 'plant_name', value: '{regions.2}', column: 'scrap_rate_pct', atLeast: 2 }, { kind: 'top', key: 'plant_name', value: '{regions.2}', by: 'potential_savings' }],
      sql: (d) => `WITH per_plant AS (
  SELECT w.plant_id, SUM(w.qty_started) AS started, SUM(w.qty_scrapped) AS scrapped, SUM(w.scrap_cost) AS scrap_cost
  FROM ${d.table('work_orders')} w WHERE w.start_date > ${d.monthsAgo(12)}
  GROUP BY w.plant_id
), totals AS (
  SELECT SUM(started) AS started, SUM(scrapped) AS scrapped, SUM(scrap_cost) AS scrap_cost FROM per_plant
), compared AS (
  SELECT pp.plant_id, pp.started, pp.scrap_cost, 1.0 * pp.scrapped / pp.started AS scrap_rate,
    1.0 * (t.scrapped - pp.scrapped) / (t.started - pp.started) AS others_rate, t.started AS total_started, t.scrap_cost AS total_scrap_cost
  FROM per_plant pp CROSS JOIN totals t
)
SELECT p.plant_name, ROUND(100.0 * c.started / c.total_started, 1) AS parts_share_pct, ROUND(c.scrap_cost, 2) AS scrap_cost,
  ROUND(100.0 * c.scrap_cost / c.total_scrap_cost, 1) AS scrap_cost_share_pct,
  ROUND(100 * c.scrap_rate, 2) AS scrap_rate_pct, ROUND(100 * c.others_rate, 2) AS others_scrap_rate_pct,
  ROUND(CASE WHEN c.scrap_rate > c.others_rate THEN c.scrap_cost * (1 - c.others_rate / c.scrap_rate) ELSE 0 END, 2) AS potential_savings
FROM compared c JOIN ${d.table('plants')} p ON p.plant_id = c.plant_id
ORDER BY potential_savings DESC`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'How concentrated is our revenue? What share of order value comes from the top 10% of accounts, and which segments are they?',
      insight: 'The top decile of accounts brings in several times the order value of the lower deciles, and most of those accounts are {customerSegments.0}: losing one of them would hurt far more than losing dozens of small distributors.',
      expectedColumns: ['decile', 'accounts', 'order_value', 'share_pct', 'cumulative_share_pct', 'top_segment', 'top_segment_share_pct'],
      insights: [{ kind: 'top', key: 'top_segment', value: '{customerSegments.0}' }, { kind: 'trend', column: 'order_value', direction: 'down', atLeast: 3 }],
      sql: (d) => `WITH per_account AS (
  SELECT distributor_id, MAX(segment) AS segment, SUM(line_amount) AS value
  FROM ${d.table('distributor_orders')} WHERE order_date > ${d.monthsAgo(12)}
  GROUP BY distributor_id
), ranked AS (
  SELECT distributor_id, segment, value, NTILE(10) OVER (ORDER BY value DESC) AS decile FROM per_account
), seg AS (
  SELECT decile, segment, COUNT(*) AS n, ROW_NUMBER() OVER (PARTITION BY decile ORDER BY COUNT(*) DESC, segment) AS rn
  FROM ranked GROUP BY decile, segment
), by_decile AS (
  SELECT r.decile, COUNT(*) AS accounts, SUM(r.value) AS value FROM ranked r GROUP BY r.decile
)
SELECT b.decile, b.accounts, ROUND(b.value, 2) AS order_value,
  ROUND(100.0 * b.value / SUM(b.value) OVER (), 1) AS share_pct,
  ROUND(100.0 * SUM(b.value) OVER (ORDER BY b.decile) / SUM(b.value) OVER (), 1) AS cumulative_share_pct,
  s.segment AS top_segment, ROUND(100.0 * s.n / b.accounts, 1) AS top_segment_share_pct
FROM by_decile b JOIN seg s ON s.decile = b.decile AND s.rn = 1
ORDER BY b.decile`,
    },
  ],
  glossary: [
    { term: 'Order value', definition: 'Sum of line_amount (quantity x list price x (1 - discount)) on distributor order lines, by order date.' },
    { term: 'Gross margin', definition: 'Order value minus standard cost of the parts (line_amount - line_cost), as a share of order value.' },
    { term: 'Yield', definition: 'Good parts divided by parts started on work orders (qty_good / qty_started).' },
    { term: 'Scrap rate', definition: 'Scrapped parts divided by parts started (qty_scrapped / qty_started); scrap cost values them at standard cost.' },
    { term: 'First-pass yield', definition: 'Share of quality inspections that passed the first time.' },
    { term: 'Supplier on-time delivery', definition: 'Share of purchase orders received on or before the due date (PO date plus quoted lead time).' },
    { term: 'On-time shipment', definition: 'Share of distributor order lines shipped on or before the requested ship date.' },
    { term: 'Offshore / nearshore', definition: 'Supplier sourcing: offshore ships from China, India or Germany; nearshore from Mexico or Canada; domestic from the USA.' },
  ],
  scenes: [
    { title: 'The state of the business', narrative: 'Start with what the {company} leadership team looks at every week: production output, bookings by product family and who is ordering.', questionIds: ['q01', 'q02', 'q03', 'q04'] },
    { title: 'The shop floor', narrative: 'One plant scraps far more than the others, old machines break down more, and the night shift struggles with quality.', questionIds: ['q05', 'q13', 'q06', 'q10', 'q09'] },
    { title: 'The supply chain', narrative: 'Offshore suppliers slip, and the slips show up in late shipments to distributors.', questionIds: ['q07', 'q11', 'q12'] },
    { title: 'Customers and margin', narrative: 'OEM volume comes with deep discounts, and a handful of accounts carry the business.', questionIds: ['q08', 'q14'] },
  ],
});
