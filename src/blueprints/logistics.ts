import type { Blueprint } from './blueprint.js';
import { preset } from './preset.js';

/** Freight peaks in Q4 (retail replenishment and holidays) and dips after New Year. */
const FREIGHT_YEARLY = [0.8, 0.84, 0.95, 0.97, 1.0, 1.0, 0.96, 1.0, 1.05, 1.2, 1.32, 1.22];
/** Deliveries happen on weekdays; a little Saturday work, almost none on Sunday. */
const FREIGHT_WEEKLY = [1.15, 1.15, 1.15, 1.15, 1.1, 0.3, 0.12];

/** Model years 2016 and older: the ageing part of the fleet. */
const OLD_MODEL_YEARS = ['2013', '2014', '2015', '2016'];

/** Freight trucking and logistics: shippers, lanes, hubs, carriers, fleet, shipments and claims. */
export const logistics: Blueprint = preset({
  // Regions and shippers are the locations and customers modules in freight's words; hubs, lanes, fleet and shipments are its own.
  words: { place: { singular: 'region', plural: 'regions' } },
  id: 'logistics',
  label: 'Logistics & freight',
  naics: '484110',
  businessModel: 'B2B freight: moves shippers\' freight over a network of hubs and lanes with its own fleet and partner carriers, billed per load',
  defaults: {
    products: ['Full Truckload', 'Less-than-Truckload', 'Expedited', 'Temperature-Controlled', 'Dedicated Fleet', 'Intermodal'],
    customerSegments: ['Enterprise contract', 'Mid-market', 'E-commerce sellers', 'Small business & spot'],
    regions: ['Midwest', 'Northeast', 'Mountain West', 'Southeast', 'South Central', 'West Coast'],
    kpis: ['On-time delivery %', 'Revenue per mile', 'Gross margin per load', 'Claims per 1,000 shipments', 'Dwell time', 'Maintenance cost per mile'],
    keyEntities: ['Shipment', 'Shipper', 'Lane', 'Hub', 'Carrier', 'Vehicle', 'Freight claim', 'Region'],
  },
  persona: {
    name: 'Marcus Okafor',
    role: 'VP of Network Operations',
    goals: [
      'Lift on-time delivery back above 95%',
      'Find and fix the lanes and accounts that lose money',
      'Cut freight claims and the cost of damage',
      'Decide which carriers and trucks to keep in the network',
    ],
  },
  tables: [
    {
      module: 'locations',
      description: 'Service regions that {company} picks up from and delivers to.',
      synonyms: ['territories', 'markets', 'delivery regions'],
      columns: ['region_id', { from: 'region_name', fromProfile: 'regions', synonyms: ['region', 'territory', 'market'] }],
    },
    {
      name: 'hubs',
      description: 'Terminals, cross-docks and distribution centers of the {company} network where freight is picked up, sorted and dispatched.',
      grain: 'one row per hub',
      rowCount: 20,
      scales: false,
      primaryKey: 'hub_id',
      synonyms: ['terminals', 'cross-docks', 'warehouses', 'distribution centers', 'facilities', 'depots'],
      columns: [
        { name: 'hub_id', type: 'INT64', description: 'Hub identifier.', generator: { kind: 'sequence' } },
        { name: 'region_id', type: 'INT64', description: 'Region the hub is located in.', generator: { kind: 'foreignKey', table: 'regions', column: 'region_id', distribution: 'zipf', skew: 0.5 } },
        { name: 'hub_type', type: 'STRING', description: 'Kind of facility.', synonyms: ['facility type'], generator: { kind: 'category', values: ['Cross-dock', 'Terminal', 'Distribution center', 'Drop yard'], weights: [0.35, 0.35, 0.2, 0.1] } },
        { name: 'city', type: 'STRING', description: 'City of the hub.', generator: { kind: 'fake', what: 'city' } },
        { name: 'hub_name', type: 'STRING', description: 'Display name of the hub.', synonyms: ['hub', 'terminal', 'facility', 'origin terminal'], generator: { kind: 'template', template: '{city} {hub_type} #{hub_id}' } },
        { name: 'dock_doors', type: 'INT64', description: 'Number of dock doors.', synonyms: ['doors'], generator: { kind: 'number', dist: 'poisson', mean: 42, min: 6, max: 160, decimals: 0 } },
        { name: 'opened_date', type: 'DATE', description: 'Day the hub opened.', generator: { kind: 'date', from: -6000, to: -400 } },
      ],
    },
    {
      module: 'customers',
      description: 'Customer accounts that ship freight with {company}.',
      grain: 'one row per shipper account',
      synonyms: ['customers', 'accounts', 'clients', 'consignors'],
      columns: [
        'shipper_id',
        { from: 'shipper_name', synonyms: ['customer', 'account', 'shipper'] },
        { from: 'segment', fromProfile: 'customerSegments', generator: { kind: 'category', values: ['Enterprise contract', 'Mid-market', 'E-commerce sellers', 'Small business & spot'], weights: [0.1, 0.35, 0.25, 0.3] } },
        { name: 'industry_vertical', type: 'STRING', description: 'Industry of the shipper.', synonyms: ['vertical', 'industry'], generator: { kind: 'category', values: ['Retail & CPG', 'Food & beverage', 'Manufacturing', 'Building materials', 'Automotive', 'Healthcare'], weights: [0.28, 0.2, 0.2, 0.12, 0.12, 0.08] } },
        { from: 'region_id', generator: { kind: 'foreignKey', table: 'regions', column: 'region_id', distribution: 'zipf', skew: 0.6 } },
        { from: 'joined_date', name: 'customer_since', description: 'Day the account shipped its first load.', synonyms: ['onboarded', 'start date'], generator: { kind: 'date', from: -2400, to: -400, growth: 0.1 } },
        {
          name: 'annual_load_commitment', type: 'INT64', description: 'Loads per year the shipper committed to in its contract or forecast.', synonyms: ['volume commitment', 'committed loads'],
          generator: { kind: 'number', dist: 'lognormal', mean: 20, sd: 30, min: 1, max: 400, decimals: 0, effects: [{ when: { ref: 'segment', in: ['Enterprise contract'] }, factor: 10 }] },
        },
        { name: 'payment_terms', type: 'STRING', description: 'Invoice payment terms.', generator: { kind: 'category', values: ['Net 30', 'Net 45', 'Net 15', 'Prepaid'], weights: [0.5, 0.25, 0.15, 0.1] } },
      ],
    },
    {
      name: 'carriers',
      description: 'Carriers that haul {company} loads: the company fleet, dedicated contract carriers, partner carriers and spot-market carriers.',
      grain: 'one row per carrier',
      rowCount: 45,
      scales: false,
      primaryKey: 'carrier_id',
      synonyms: ['trucking partners', 'haulers', 'motor carriers', 'subcontractors'],
      columns: [
        { name: 'carrier_id', type: 'INT64', description: 'Carrier identifier.', generator: { kind: 'sequence' } },
        { name: 'carrier_name', type: 'STRING', description: 'Name of the carrier (synthetic).', synonyms: ['carrier', 'hauler'], generator: { kind: 'fake', what: 'company' } },
        { name: 'carrier_type', type: 'STRING', description: 'How the carrier is engaged.', synonyms: ['carrier category', 'capacity type'], generator: { kind: 'category', values: ['Company fleet', 'Dedicated contract', 'Partner carrier', 'Spot-market carrier'], weights: [0.2, 0.2, 0.35, 0.25] } },
        { name: 'safety_rating', type: 'STRING', description: 'FMCSA safety rating.', generator: { kind: 'category', values: ['Satisfactory', 'Conditional', 'Not rated'], weights: [0.75, 0.08, 0.17] } },
        { name: 'onboarded_date', type: 'DATE', description: 'Day the carrier was approved to haul our freight.', generator: { kind: 'date', from: -3000, to: -90 } },
      ],
    },
    {
      name: 'vehicles',
      description: 'Power units (tractors and trucks) dispatched on {company} loads, with their age, maintenance spend and breakdowns.',
      grain: 'one row per truck',
      rowCount: 400,
      scaling: 'sublinear',
      primaryKey: 'vehicle_id',
      synonyms: ['fleet', 'trucks', 'tractors', 'power units', 'equipment'],
      columns: [
        { name: 'vehicle_id', type: 'INT64', description: 'Vehicle identifier.', generator: { kind: 'sequence', start: 1001 } },
        { name: 'unit_number', type: 'STRING', description: 'Unit number painted on the truck.', synonyms: ['truck number', 'unit'], generator: { kind: 'template', template: 'TRK-{vehicle_id}' } },
        { name: 'carrier_id', type: 'INT64', description: 'Carrier operating the truck.', generator: { kind: 'foreignKey', table: 'carriers', column: 'carrier_id', distribution: 'zipf', skew: 0.8 } },
        { name: 'carrier_type', type: 'STRING', description: 'How the operating carrier is engaged (copied from the carrier).', generator: { kind: 'copy', ref: 'carrier_id.carrier_type' } },
        { name: 'home_hub_id', type: 'INT64', description: 'Hub the truck is domiciled at.', synonyms: ['domicile'], generator: { kind: 'foreignKey', table: 'hubs', column: 'hub_id' } },
        { name: 'vehicle_type', type: 'STRING', description: 'Kind of power unit.', synonyms: ['truck type', 'equipment type'], generator: { kind: 'category', values: ['Sleeper tractor', 'Day cab tractor', 'Straight truck', 'Cargo van'], weights: [0.5, 0.3, 0.15, 0.05] } },
        { name: 'make', type: 'STRING', description: 'Manufacturer of the truck.', synonyms: ['manufacturer', 'brand'], generator: { kind: 'category', values: ['Freightliner', 'Volvo', 'Kenworth', 'Peterbilt', 'International', 'Mack'], weights: [0.32, 0.18, 0.16, 0.14, 0.12, 0.08] } },
        {
          name: 'model_year', type: 'INT64', description: 'Model year of the truck.', synonyms: ['year', 'truck age'],
          generator: { kind: 'category', values: ['2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'], weights: [0.04, 0.05, 0.07, 0.09, 0.08, 0.08, 0.08, 0.09, 0.09, 0.09, 0.09, 0.08, 0.07] },
        },
        {
          name: 'odometer_miles', type: 'INT64', description: 'Odometer reading.', synonyms: ['mileage'],
          generator: { kind: 'number', dist: 'lognormal', mean: 310000, sd: 110000, min: 5000, max: 900000, decimals: 0, effects: [{ when: { ref: 'model_year', in: OLD_MODEL_YEARS }, factor: 1.8 }] },
        },
        {
          name: 'avg_mpg', type: 'FLOAT64', description: 'Average fuel economy, miles per gallon.', synonyms: ['fuel economy', 'mpg'],
          generator: { kind: 'number', dist: 'normal', mean: 7.1, sd: 0.4, min: 5.2, max: 9.5, decimals: 1, effects: [{ when: { ref: 'model_year', in: OLD_MODEL_YEARS }, factor: 0.86 }] },
        },
        {
          name: 'maintenance_cost_12m', type: 'NUMERIC', description: 'Repair and maintenance spend over the last 12 months.', synonyms: ['maintenance spend', 'repair cost', 'R&M cost'],
          generator: { kind: 'number', dist: 'lognormal', mean: 9000, sd: 3500, min: 1500, max: 30000, decimals: 2, effects: [{ when: { ref: 'model_year', in: OLD_MODEL_YEARS }, factor: 2.6 }] },
        },
        {
          name: 'breakdowns_12m', type: 'INT64', description: 'Roadside breakdowns over the last 12 months.', synonyms: ['roadside failures', 'road calls'],
          generator: { kind: 'number', dist: 'poisson', mean: 0.6, min: 0, max: 6, decimals: 0, effects: [{ when: { ref: 'model_year', in: OLD_MODEL_YEARS }, factor: 3 }] },
        },
        { name: 'is_active', type: 'BOOL', description: 'Whether the truck is still in service.', generator: { kind: 'boolean', p: 0.94 } },
      ],
    },
    {
      name: 'lanes',
      description: 'Origin-destination lanes the {company} network runs: from an origin hub to a destination city.',
      grain: 'one row per lane',
      rowCount: 320,
      scales: false,
      primaryKey: 'lane_id',
      synonyms: ['routes', 'corridors', 'O-D pairs'],
      columns: [
        { name: 'lane_id', type: 'INT64', description: 'Lane identifier.', generator: { kind: 'sequence' } },
        { name: 'origin_hub_id', type: 'INT64', description: 'Hub the lane starts from.', synonyms: ['origin', 'origin terminal'], generator: { kind: 'foreignKey', table: 'hubs', column: 'hub_id', distribution: 'zipf', skew: 0.6 } },
        { name: 'destination_region_id', type: 'INT64', description: 'Region the lane delivers into.', synonyms: ['destination region'], generator: { kind: 'foreignKey', table: 'regions', column: 'region_id' } },
        { name: 'destination_city', type: 'STRING', description: 'City the lane delivers to.', synonyms: ['destination', 'consignee city'], generator: { kind: 'fake', what: 'city' } },
        { name: 'lane_name', type: 'STRING', description: 'Origin and destination of the lane.', synonyms: ['lane', 'route'], generator: { kind: 'template', template: 'L{lane_id} {origin_hub_id.city} to {destination_city}' } },
        { name: 'distance_miles', type: 'INT64', description: 'Practical miles from origin to destination.', synonyms: ['miles', 'length of haul', 'distance'], generator: { kind: 'number', dist: 'lognormal', mean: 620, sd: 480, min: 35, max: 2600, decimals: 0 } },
      ],
    },
    {
      name: 'shipments',
      description: 'Delivered shipments (loads): who shipped what on which lane and truck, when it was promised and delivered, what we billed and what it cost.',
      grain: 'one row per delivered shipment',
      rowCount: 40000,
      primaryKey: 'shipment_id',
      synonyms: ['loads', 'deliveries', 'orders', 'consignments', 'moves'],
      columns: [
        { name: 'shipment_id', type: 'INT64', description: 'Shipment identifier.', generator: { kind: 'sequence', start: 1000001 } },
        { name: 'pro_number', type: 'STRING', description: 'PRO (tracking) number of the shipment.', synonyms: ['tracking number', 'PRO'], generator: { kind: 'template', template: 'PRO{shipment_id}' } },
        { name: 'shipper_id', type: 'INT64', description: 'Shipper that tendered the load.', generator: { kind: 'foreignKey', table: 'shippers', column: 'shipper_id', weightBy: 'annual_load_commitment' } },
        { name: 'shipper_segment', type: 'STRING', description: 'Segment of the shipper when the load moved.', synonyms: ['segment', 'customer segment'], generator: { kind: 'copy', ref: 'shipper_id.segment' } },
        { name: 'lane_id', type: 'INT64', description: 'Lane the load moved on.', generator: { kind: 'foreignKey', table: 'lanes', column: 'lane_id', distribution: 'zipf', skew: 0.7 } },
        { name: 'origin_hub_id', type: 'INT64', description: 'Hub the load was picked up from (the lane\'s origin).', synonyms: ['origin hub', 'terminal'], generator: { kind: 'copy', ref: 'lane_id.origin_hub_id' } },
        { name: 'vehicle_id', type: 'INT64', description: 'Truck that hauled the load.', synonyms: ['truck', 'unit'], generator: { kind: 'foreignKey', table: 'vehicles', column: 'vehicle_id', distribution: 'zipf', skew: 0.3 } },
        { name: 'service_line', type: 'STRING', description: 'Service the load was sold as.', synonyms: ['service', 'mode', 'product', 'service type'], fromProfile: 'products', generator: { kind: 'category', values: ['Full Truckload', 'Less-than-Truckload', 'Expedited', 'Temperature-Controlled', 'Dedicated Fleet', 'Intermodal'], weights: [0.4, 0.25, 0.08, 0.12, 0.09, 0.06] } },
        { name: 'promised_delivery_date', type: 'DATE', description: 'Delivery date promised to the shipper.', synonyms: ['due date', 'promised date', 'appointment date'], generator: { kind: 'date', from: -760, to: -4, weekly: FREIGHT_WEEKLY, yearly: FREIGHT_YEARLY, growth: 0.12, notBefore: 'shipper_id.customer_since' } },
        { name: 'distance_miles', type: 'INT64', description: 'Billed miles of the load (the lane distance).', synonyms: ['miles', 'loaded miles'], generator: { kind: 'copy', ref: 'lane_id.distance_miles' } },
        {
          name: 'planned_transit_days', type: 'INT64', description: 'Transit time quoted to the shipper, days.', synonyms: ['transit time', 'quoted transit'],
          generator: { kind: 'derived', expr: '1 + round(distance_miles / 550)', decimals: 0, effects: [{ when: { ref: 'service_line', in: ['Expedited'] }, factor: 0.6 }, { when: { ref: 'service_line', in: ['Less-than-Truckload'] }, add: 1 }, { when: { ref: 'service_line', in: ['Intermodal'] }, factor: 1.5 }] },
        },
        { name: 'pickup_date', type: 'DATE', description: 'Day the load was picked up (ship date).', synonyms: ['ship date', 'pickup', 'tender date'], generator: { kind: 'derived', expr: 'promised_delivery_date - planned_transit_days', decimals: 0 } },
        {
          name: 'weight_lbs', type: 'INT64', description: 'Billed weight of the load, pounds.', synonyms: ['weight', 'pounds'],
          generator: { kind: 'number', dist: 'lognormal', mean: 24000, sd: 10000, min: 150, max: 45000, decimals: 0, effects: [{ when: { ref: 'service_line', in: ['Less-than-Truckload'] }, factor: 0.12 }, { when: { ref: 'service_line', in: ['Expedited'] }, factor: 0.25 }] },
        },
        { name: 'pallet_count', type: 'INT64', description: 'Pallets (handling units) on the load.', synonyms: ['pallets', 'handling units'], generator: { kind: 'derived', expr: 'max(1, round(weight_lbs / 1500))', decimals: 0 } },
        {
          name: 'handling_touches', type: 'INT64', description: 'Times the freight was loaded, unloaded or cross-docked on the way.', synonyms: ['touches', 'transfers', 'rehandles'],
          generator: { kind: 'number', dist: 'poisson', mean: 1.3, min: 1, max: 5, decimals: 0, effects: [{ when: { ref: 'service_line', in: ['Less-than-Truckload'] }, add: 2.5 }] },
        },
        {
          name: 'on_time_delivery', type: 'BOOL', description: 'Whether the load was delivered on or before the promised date.', synonyms: ['on time', 'OTD', 'delivered on time'],
          generator: {
            kind: 'boolean', p: 0.965,
            effects: [
              { when: { ref: 'vehicle_id.carrier_type', in: ['Spot-market carrier'] }, p: 0.74 },
              { when: { ref: 'lane_id.destination_region_id', in: ['2'] }, p: 0.74 },
              { when: { ref: 'vehicle_id.model_year', in: OLD_MODEL_YEARS }, p: 0.86 },
            ],
          },
        },
        {
          name: 'dwell_hours', type: 'FLOAT64', description: 'Hours the truck waited at pickup before it was loaded.', synonyms: ['dwell', 'wait time', 'detention time'],
          generator: { kind: 'number', dist: 'lognormal', mean: 2.2, sd: 1.8, min: 0.2, max: 30, decimals: 1, effects: [{ when: { ref: 'origin_hub_id', in: ['4'] }, factor: 2.6 }] },
        },
        { name: 'days_late', type: 'INT64', description: 'Days the delivery slipped past the promised date; 0 when on time.', synonyms: ['delay', 'days delayed', 'lateness'], generator: { kind: 'derived', expr: '(1 - on_time_delivery) * (1 + min(3, round(dwell_hours / 6)))', decimals: 0 } },
        { name: 'actual_delivery_date', type: 'DATE', description: 'Day the load was actually delivered (proof of delivery).', synonyms: ['delivery date', 'delivered date', 'POD date'], generator: { kind: 'derived', expr: 'promised_delivery_date + days_late - on_time_delivery * min(1, round(distance_miles / 1800))', decimals: 0 } },
        {
          name: 'linehaul_rate_per_mile', type: 'NUMERIC', description: 'Linehaul rate charged to the shipper per mile.', synonyms: ['rate per mile', 'RPM', 'price per mile'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 2.45, sd: 0.3, min: 1.5, max: 4.5, decimals: 2,
            effects: [
              { when: { ref: 'shipper_segment', in: ['Enterprise contract'] }, factor: 0.9 },
              { when: { ref: 'shipper_segment', in: ['Small business & spot'] }, factor: 1.3 },
              { when: { ref: 'service_line', in: ['Less-than-Truckload'] }, factor: 0.4 },
              { when: { ref: 'service_line', in: ['Expedited'] }, factor: 2.1 },
              { when: { ref: 'service_line', in: ['Temperature-Controlled'] }, factor: 1.3 },
              { when: { ref: 'service_line', in: ['Intermodal'] }, factor: 0.8 },
            ],
          },
        },
        { name: 'linehaul_revenue', type: 'NUMERIC', description: 'Linehaul charge billed (miles x rate, with a minimum charge).', synonyms: ['linehaul'], generator: { kind: 'derived', expr: 'max(175, distance_miles * linehaul_rate_per_mile)', decimals: 2 } },
        { name: 'fuel_surcharge_pct', type: 'FLOAT64', description: 'Fuel surcharge rate applied to linehaul (0.22 = 22%).', synonyms: ['FSC rate'], generator: { kind: 'number', dist: 'uniform', min: 0.16, max: 0.28, decimals: 3 } },
        { name: 'fuel_surcharge', type: 'NUMERIC', description: 'Fuel surcharge billed.', synonyms: ['FSC', 'fuel'], generator: { kind: 'derived', expr: 'linehaul_revenue * fuel_surcharge_pct', decimals: 2 } },
        { name: 'detention_charges', type: 'NUMERIC', description: 'Detention billed for waiting beyond two free hours at pickup ($85 per hour).', synonyms: ['detention', 'accessorials', 'accessorial charges'], generator: { kind: 'derived', expr: 'max(0, dwell_hours - 2) * 85', decimals: 2 } },
        { name: 'total_revenue', type: 'NUMERIC', description: 'Total billed to the shipper: linehaul + fuel surcharge + detention.', synonyms: ['revenue', 'freight revenue', 'billed amount', 'sales'], generator: { kind: 'derived', expr: 'linehaul_revenue + fuel_surcharge + detention_charges', decimals: 2 } },
        {
          name: 'carrier_cost_per_mile', type: 'NUMERIC', description: 'All-in cost per mile paid for the truck (fuel included).', synonyms: ['cost per mile', 'CPM', 'buy rate'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 2.2, sd: 0.2, min: 1.4, max: 3.6, decimals: 2,
            effects: [
              { when: { ref: 'vehicle_id.carrier_type', in: ['Spot-market carrier'] }, factor: 1.22 },
              { when: { ref: 'lane_id.destination_region_id', in: ['3'] }, factor: 1.45 },
              { when: { ref: 'service_line', in: ['Less-than-Truckload'] }, factor: 0.4 },
              { when: { ref: 'service_line', in: ['Expedited'] }, factor: 1.7 },
              { when: { ref: 'service_line', in: ['Temperature-Controlled'] }, factor: 1.3 },
              { when: { ref: 'service_line', in: ['Intermodal'] }, factor: 0.72 },
            ],
          },
        },
        { name: 'carrier_cost', type: 'NUMERIC', description: 'Cost of moving the load: miles x cost per mile (with a minimum) plus detention paid to the driver.', synonyms: ['cost', 'purchased transportation', 'linehaul cost'], generator: { kind: 'derived', expr: 'max(140, distance_miles * carrier_cost_per_mile) + detention_charges', decimals: 2 } },
      ],
    },
    {
      name: 'freight_claims',
      description: 'Cargo claims filed by shippers for damaged, short, lost or spoiled freight.',
      grain: 'one row per claim',
      rowCount: 1600,
      primaryKey: 'claim_id',
      synonyms: ['claims', 'damage claims', 'cargo claims', 'exceptions', 'OS&D'],
      columns: [
        { name: 'claim_id', type: 'INT64', description: 'Claim identifier.', generator: { kind: 'sequence', start: 70001 } },
        { name: 'shipment_id', type: 'INT64', description: 'Shipment the claim is about.', generator: { kind: 'foreignKey', table: 'shipments', column: 'shipment_id', weightBy: 'handling_touches' } },
        {
          name: 'claim_type', type: 'STRING', description: 'What went wrong.', synonyms: ['exception type', 'claim reason', 'damage type'],
          generator: { kind: 'category', values: ['Damage', 'Shortage', 'Concealed damage', 'Temperature excursion', 'Loss'], weights: [0.46, 0.24, 0.16, 0.02, 0.12], effects: [{ when: { ref: 'shipment_id.service_line', in: ['Temperature-Controlled'] }, weights: [0.15, 0.08, 0.07, 0.65, 0.05] }] },
        },
        { name: 'filed_date', type: 'DATE', description: 'Day the claim was filed.', synonyms: ['claim date'], generator: { kind: 'date', after: { ref: 'shipment_id.actual_delivery_date', minDays: 0, maxDays: 45 } } },
        {
          name: 'claim_amount', type: 'NUMERIC', description: 'Amount claimed by the shipper.', synonyms: ['claim value', 'claimed amount', 'damage cost'],
          generator: { kind: 'number', dist: 'lognormal', mean: 1800, sd: 2000, min: 75, max: 40000, decimals: 2, effects: [{ when: { ref: 'shipment_id.service_line', in: ['Temperature-Controlled'] }, factor: 3.2 }, { when: { ref: 'shipment_id.service_line', in: ['Less-than-Truckload'] }, factor: 0.55 }] },
        },
        { name: 'claim_status', type: 'STRING', description: 'Where the claim stands.', synonyms: ['status'], generator: { kind: 'category', values: ['Paid', 'Settled', 'Denied', 'Open'], weights: [0.5, 0.15, 0.2, 0.15] } },
      ],
    },
  ],
  questions: [
    {
      id: 'q01', level: 'simple',
      question: 'How many shipments did {company} deliver in the last 30 days?',
      insight: 'The current delivery run-rate: the baseline for every operations review.',
      expectedColumns: ['shipments_delivered'],
      insights: [{ kind: 'between', column: 'shipments_delivered', min: 1 }],
      sql: (d) => `SELECT COUNT(*) AS shipments_delivered FROM ${d.table('shipments')} WHERE actual_delivery_date > ${d.daysAgo(30)} AND actual_delivery_date <= ${d.asOf}`,
    },
    {
      id: 'q02', level: 'simple',
      question: 'What was our freight revenue over the last 12 months, and what does an average load bring in?',
      insight: 'Twelve-month revenue and revenue per load (somewhere near $2,000 a load) set the scale of the network.',
      expectedColumns: ['shipments', 'revenue', 'revenue_per_shipment'],
      insights: [{ kind: 'between', column: 'revenue', min: 1 }, { kind: 'between', column: 'revenue_per_shipment', min: 1200, max: 2600 }],
      sql: (d) => `SELECT COUNT(*) AS shipments, ROUND(SUM(total_revenue), 2) AS revenue, ROUND(AVG(total_revenue), 2) AS revenue_per_shipment
FROM ${d.table('shipments')}
WHERE actual_delivery_date > ${d.monthsAgo(12)}`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'What is our on-time delivery rate over the last 90 days?',
      insight: 'On-time delivery is stuck in the 80s, well short of the 95% that shippers expect.',
      expectedColumns: ['shipments', 'on_time_shipments', 'on_time_pct'],
      insights: [{ kind: 'between', column: 'on_time_pct', min: 80, max: 92 }],
      sql: (d) => `SELECT COUNT(*) AS shipments, SUM(${d.boolToInt('on_time_delivery')}) AS on_time_shipments,
  ROUND(100.0 * SUM(${d.boolToInt('on_time_delivery')}) / COUNT(*), 1) AS on_time_pct
FROM ${d.table('shipments')}
WHERE actual_delivery_date > ${d.daysAgo(90)}`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How have monthly shipments and revenue trended over the last 24 months?',
      insight: 'Shipments grow steadily: the latest months ship clearly more than the first months of the window.',
      expectedColumns: ['month', 'shipments', 'revenue'],
      insights: [{ kind: 'trend', column: 'shipments', direction: 'up', atLeast: 1.15 }],
      sql: (d) => `SELECT ${d.truncMonth('pickup_date')} AS month, COUNT(*) AS shipments, ROUND(SUM(total_revenue), 2) AS revenue
FROM ${d.table('shipments')}
WHERE pickup_date >= ${d.truncMonth(d.monthsAgo(23))}
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'Which service lines bring in the most revenue, and what do they earn per mile?',
      insight: '{products.0} brings in the most revenue, but {products.2} earns the most per mile: about twice the {products.0} rate.',
      expectedColumns: ['service_line', 'shipments', 'revenue', 'revenue_per_mile'],
      insights: [{ kind: 'top', key: 'service_line', value: '{products.0}', by: 'revenue' }, { kind: 'compare', key: 'service_line', value: '{products.2}', other: '{products.0}', column: 'revenue_per_mile', atLeast: 1.5 }],
      sql: (d) => `SELECT service_line, COUNT(*) AS shipments, ROUND(SUM(total_revenue), 2) AS revenue,
  ROUND(${d.safeDivide('SUM(total_revenue)', 'SUM(distance_miles)')}, 2) AS revenue_per_mile
FROM ${d.table('shipments')}
GROUP BY service_line ORDER BY revenue DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'How does on-time delivery compare across our carrier types?',
      insight: 'Spot-market carriers deliver on time less often than any other carrier type, some points below the company fleet, dedicated and partner carriers.',
      expectedColumns: ['carrier_type', 'shipments', 'on_time_pct'],
      insights: [{ kind: 'bottom', key: 'carrier_type', value: 'Spot-market carrier', by: 'on_time_pct' }],
      sql: (d) => `SELECT v.carrier_type, COUNT(*) AS shipments,
  ROUND(100.0 * SUM(${d.boolToInt('s.on_time_delivery')}) / COUNT(*), 1) AS on_time_pct
FROM ${d.table('shipments')} s JOIN ${d.table('vehicles')} v ON v.vehicle_id = s.vehicle_id
GROUP BY v.carrier_type ORDER BY on_time_pct`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'Who are our ten largest shippers by revenue, and how much of the business do they represent?',
      insight: 'The largest shippers are {customerSegments.0} accounts, and revenue falls quickly down the top ten: a concentration to protect at renewal time.',
      expectedColumns: ['shipper_name', 'segment', 'shipments', 'revenue', 'revenue_share_pct', 'cumulative_share_pct'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'revenue' }, { kind: 'trend', column: 'revenue', direction: 'down' }],
      sql: (d) => `WITH by_shipper AS (
  SELECT sh.shipper_id, sh.shipper_name, sh.segment, COUNT(*) AS shipments, SUM(s.total_revenue) AS revenue
  FROM ${d.table('shipments')} s JOIN ${d.table('shippers')} sh ON sh.shipper_id = s.shipper_id
  GROUP BY sh.shipper_id, sh.shipper_name, sh.segment
)
SELECT shipper_name, segment, shipments, ROUND(revenue, 2) AS revenue,
  ROUND(100.0 * revenue / SUM(revenue) OVER (), 2) AS revenue_share_pct,
  ROUND(100.0 * SUM(revenue) OVER (ORDER BY revenue DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / SUM(revenue) OVER (), 2) AS cumulative_share_pct
FROM by_shipper ORDER BY revenue DESC LIMIT 10`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'Which destination regions have the worst on-time delivery?',
      insight: 'Deliveries into {regions.1} are on time only about three times in four, at least ten points below every other region.',
      expectedColumns: ['region_name', 'shipments', 'late_shipments', 'on_time_pct'],
      insights: [{ kind: 'top', key: 'region_name', value: '{regions.1}' }],
      sql: (d) => `SELECT r.region_name, COUNT(*) AS shipments, SUM(1 - ${d.boolToInt('s.on_time_delivery')}) AS late_shipments,
  ROUND(100.0 * SUM(${d.boolToInt('s.on_time_delivery')}) / COUNT(*), 1) AS on_time_pct
FROM ${d.table('shipments')} s
JOIN ${d.table('lanes')} l ON l.lane_id = s.lane_id
JOIN ${d.table('regions')} r ON r.region_id = l.destination_region_id
GROUP BY r.region_name ORDER BY on_time_pct`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'Which service lines generate the most freight claims, and what do they cost us?',
      insight: '{products.1} generates claims at least one and a half times as often per 1,000 shipments as any other service, because its freight is rehandled at every cross-dock; {products.3} claims are the most expensive, about twice the average claim, mostly temperature excursions.',
      expectedColumns: ['service_line', 'shipments', 'claims', 'claims_per_1000', 'avg_claim', 'claimed_amount'],
      insights: [{ kind: 'top', key: 'service_line', value: '{products.1}', by: 'claims_per_1000' }, { kind: 'ratio', key: 'service_line', value: '{products.1}', column: 'claims_per_1000', atLeast: 1.5 }, { kind: 'top', key: 'service_line', value: '{products.3}', by: 'avg_claim' }, { kind: 'ratio', key: 'service_line', value: '{products.3}', column: 'avg_claim', atLeast: 1.8, vs: 'average' }],
      sql: (d) => `WITH claims AS (
  SELECT s.service_line, COUNT(*) AS claims, AVG(c.claim_amount) AS avg_claim, SUM(c.claim_amount) AS claimed_amount
  FROM ${d.table('freight_claims')} c JOIN ${d.table('shipments')} s ON s.shipment_id = c.shipment_id
  GROUP BY s.service_line
), volume AS (
  SELECT service_line, COUNT(*) AS shipments FROM ${d.table('shipments')} GROUP BY service_line
)
SELECT v.service_line, v.shipments, c.claims, ROUND(1000.0 * c.claims / v.shipments, 1) AS claims_per_1000,
  ROUND(c.avg_claim, 2) AS avg_claim, ROUND(c.claimed_amount, 2) AS claimed_amount
FROM volume v JOIN claims c ON c.service_line = v.service_line
ORDER BY claimed_amount DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'Which lanes lose the most money once we pay for the truck?',
      insight: 'The least profitable lane delivers into {regions.2}, where trucks return empty and the cost per mile wipes out the margin.',
      expectedColumns: ['lane_name', 'destination_region', 'shipments', 'revenue', 'carrier_cost', 'margin_pct'],
      insights: [{ kind: 'top', key: 'destination_region', value: '{regions.2}' }],
      sql: (d) => `SELECT l.lane_name, r.region_name AS destination_region, COUNT(*) AS shipments,
  ROUND(SUM(s.total_revenue), 2) AS revenue, ROUND(SUM(s.carrier_cost), 2) AS carrier_cost,
  ROUND(100.0 * ${d.safeDivide('SUM(s.total_revenue - s.carrier_cost)', 'SUM(s.total_revenue)')}, 1) AS margin_pct
FROM ${d.table('shipments')} s
JOIN ${d.table('lanes')} l ON l.lane_id = s.lane_id
JOIN ${d.table('regions')} r ON r.region_id = l.destination_region_id
GROUP BY l.lane_name, r.region_name
HAVING COUNT(*) >= 40
ORDER BY margin_pct LIMIT 10`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'Where are trucks waiting the longest at pickup, and what does it do to our late loads?',
      insight: 'One origin hub stands out: trucks wait far longer there than at the rest of the network, and the hubs at the top of the list wait well above the bottom ones.',
      expectedColumns: ['hub_name', 'shipments', 'avg_dwell_hours', 'detention_billed', 'avg_days_late_when_late'],
      insights: [{ kind: 'trend', column: 'avg_dwell_hours', direction: 'down', atLeast: 1.2 }],
      sql: (d) => `SELECT h.hub_name, COUNT(*) AS shipments, ROUND(AVG(s.dwell_hours), 1) AS avg_dwell_hours,
  ROUND(SUM(s.detention_charges), 2) AS detention_billed,
  ROUND(AVG(CASE WHEN s.days_late > 0 THEN s.days_late END), 2) AS avg_days_late_when_late
FROM ${d.table('shipments')} s JOIN ${d.table('hubs')} h ON h.hub_id = s.origin_hub_id
GROUP BY h.hub_name ORDER BY avg_dwell_hours DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'Which shipper segments are actually profitable once carrier costs and freight claims are taken into account?',
      insight: '{customerSegments.0} accounts ship the most freight but at contract rates that leave the thinnest margin of any segment, while {customerSegments.3} earns the highest.',
      expectedColumns: ['segment', 'shipments', 'revenue', 'carrier_cost', 'claims_cost', 'margin_pct'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'shipments' }, { kind: 'bottom', key: 'segment', value: '{customerSegments.0}', by: 'margin_pct' }, { kind: 'top', key: 'segment', value: '{customerSegments.3}', by: 'margin_pct' }],
      sql: (d) => `WITH claim_cost AS (
  SELECT shipment_id, SUM(claim_amount) AS claimed FROM ${d.table('freight_claims')} WHERE claim_status IN ('Paid', 'Settled') GROUP BY shipment_id
)
SELECT s.shipper_segment AS segment, COUNT(*) AS shipments, ROUND(SUM(s.total_revenue), 2) AS revenue,
  ROUND(SUM(s.carrier_cost), 2) AS carrier_cost, ROUND(SUM(COALESCE(cc.claimed, 0)), 2) AS claims_cost,
  ROUND(100.0 * ${d.safeDivide('SUM(s.total_revenue - s.carrier_cost - COALESCE(cc.claimed, 0))', 'SUM(s.total_revenue)')}, 1) AS margin_pct
FROM ${d.table('shipments')} s LEFT JOIN claim_cost cc ON cc.shipment_id = s.shipment_id
GROUP BY s.shipper_segment ORDER BY shipments DESC`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'Is our ageing fleet costing us: maintenance per mile, breakdowns and on-time by truck model year?',
      insight: 'Trucks from 2016 and older cost two and a half to three times as much to maintain per mile, break down more than three times as often and deliver late more often: the case for replacing them.',
      expectedColumns: ['model_year_band', 'trucks', 'miles_12m', 'maintenance_cost_per_mile', 'breakdowns_per_truck', 'on_time_pct'],
      insights: [{ kind: 'compare', key: 'model_year_band', value: '2016 and older', other: '2021 and newer', column: 'maintenance_cost_per_mile', atLeast: 1.8 }],
      sql: (d) => `WITH usage AS (
  SELECT vehicle_id, SUM(distance_miles) AS miles, COUNT(*) AS loads, SUM(${d.boolToInt('on_time_delivery')}) AS on_time_loads
  FROM ${d.table('shipments')} WHERE actual_delivery_date > ${d.monthsAgo(12)}
  GROUP BY vehicle_id
), banded AS (
  SELECT CASE WHEN v.model_year <= 2016 THEN '2016 and older' WHEN v.model_year <= 2020 THEN '2017 to 2020' ELSE '2021 and newer' END AS model_year_band,
    v.vehicle_id, v.maintenance_cost_12m, v.breakdowns_12m, COALESCE(u.miles, 0) AS miles, COALESCE(u.loads, 0) AS loads, COALESCE(u.on_time_loads, 0) AS on_time_loads
  FROM ${d.table('vehicles')} v LEFT JOIN usage u ON u.vehicle_id = v.vehicle_id
)
SELECT model_year_band, COUNT(*) AS trucks, SUM(miles) AS miles_12m,
  ROUND(${d.safeDivide('SUM(maintenance_cost_12m)', 'SUM(miles)')}, 3) AS maintenance_cost_per_mile,
  ROUND(AVG(breakdowns_12m), 2) AS breakdowns_per_truck,
  ROUND(100.0 * ${d.safeDivide('SUM(on_time_loads)', 'SUM(loads)')}, 1) AS on_time_pct
FROM banded GROUP BY model_year_band ORDER BY model_year_band`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'Build a carrier scorecard: on-time, cost per mile and claims per 1,000 loads. Which carriers should we drop?',
      insight: 'The bottom of the scorecard is led by spot-market carriers: the worst on-time rate belongs to one of them.',
      expectedColumns: ['carrier_name', 'carrier_type', 'shipments', 'on_time_pct', 'cost_per_mile', 'claims_per_1000', 'on_time_rank'],
      insights: [{ kind: 'top', key: 'carrier_type', value: 'Spot-market carrier' }],
      sql: (d) => `WITH claims AS (
  SELECT shipment_id, COUNT(*) AS claims FROM ${d.table('freight_claims')} GROUP BY shipment_id
), per_carrier AS (
  SELECT c.carrier_name, c.carrier_type, COUNT(*) AS shipments,
    100.0 * SUM(${d.boolToInt('s.on_time_delivery')}) / COUNT(*) AS on_time_pct,
    ${d.safeDivide('SUM(s.carrier_cost - s.detention_charges)', 'SUM(s.distance_miles)')} AS cost_per_mile,
    1000.0 * SUM(COALESCE(cl.claims, 0)) / COUNT(*) AS claims_per_1000
  FROM ${d.table('shipments')} s
  JOIN ${d.table('vehicles')} v ON v.vehicle_id = s.vehicle_id
  JOIN ${d.table('carriers')} c ON c.carrier_id = v.carrier_id
  LEFT JOIN claims cl ON cl.shipment_id = s.shipment_id
  GROUP BY c.carrier_name, c.carrier_type
  HAVING COUNT(*) >= 150
)
SELECT carrier_name, carrier_type, shipments, ROUND(on_time_pct, 1) AS on_time_pct, ROUND(cost_per_mile, 2) AS cost_per_mile,
  ROUND(claims_per_1000, 1) AS claims_per_1000, RANK() OVER (ORDER BY on_time_pct) AS on_time_rank
FROM per_carrier ORDER BY on_time_pct`,
    },
  ],
  glossary: [
    { term: 'On-time delivery (OTD)', definition: 'Share of shipments delivered on or before the promised delivery date (on_time_delivery = true).' },
    { term: 'Revenue', definition: 'total_revenue: linehaul plus fuel surcharge plus detention billed to the shipper.' },
    { term: 'Revenue per mile', definition: 'Total revenue divided by billed miles (distance_miles).' },
    { term: 'Margin', definition: 'Revenue minus carrier cost (and, where stated, paid or settled claims), as a share of revenue.' },
    { term: 'Claims per 1,000', definition: 'Freight claims filed per 1,000 shipments.' },
    { term: 'Dwell time', definition: 'Hours a truck waits at pickup before it is loaded (dwell_hours); beyond two free hours it is billed as detention.' },
    { term: 'Lane', definition: 'An origin hub to destination city pair that the network runs regularly.' },
    { term: 'Spot-market carrier', definition: 'A carrier booked load by load at market rates, without a contract.' },
  ],
  scenes: [
    { title: 'The state of the network', narrative: 'Start with what the {company} operations team checks every Monday: loads delivered, revenue and on-time performance.', questionIds: ['q01', 'q02', 'q03', 'q04'] },
    { title: 'Where the money is made', narrative: 'Service lines and shippers differ sharply in what they pay per mile, and a few large accounts carry the business.', questionIds: ['q05', 'q07', 'q12'] },
    { title: 'Why loads run late', narrative: 'Lateness is not random: it clusters in one destination region, one kind of carrier and one congested hub.', questionIds: ['q06', 'q08', 'q11'] },
    { title: 'Cutting the cost to serve', narrative: 'Finish with the decisions: fix the lanes that lose money, the freight that gets damaged, the carriers to drop and the trucks to replace.', questionIds: ['q10', 'q09', 'q14', 'q13'] },
  ],
});
