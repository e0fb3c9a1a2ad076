import type { Industry, Term, Vocabulary } from './types.js';

// The industries research classifies into, as data (STYLE.md: knowledge as data). Each one
// says how such a business talks about itself (vocabulary), what its leadership measures
// (KPIs), how it operates (modules) and how to recognise it on a web page (signals).
//
// Signal weights: identity phrases (what a business calls itself) are the strongest evidence;
// keywords weigh 1 (common word, many industries use it) to 5 (a phrase only this industry
// writes). Keep phrases lowercase; they are matched as whole words, case-insensitive.
//
// Vocabulary `extra` keys modules may ask for: category, batch, outcome, channel, unit, event,
// member, location_type, product_line, session, visit, asset. A module falls back to its own word.

/** "matter" → matter/matters; irregular plurals are spelled out. */
function t(singular: string, plural = `${singular}s`): Term {
  return { singular, plural };
}

function vocab(customer: Term, offering: Term, transaction: Term, place: Term, staff: Term, extra?: Record<string, Term>): Vocabulary {
  return extra ? { customer, offering, transaction, place, staff, extra } : { customer, offering, transaction, place, staff };
}

export const INDUSTRIES: readonly Industry[] = [
  // ── The nine with curated presets (their signals moved here from the blueprints) ──
  {
    id: 'retail',
    label: 'Retail & e-commerce',
    naics: '454110',
    sector: '44-45',
    businessModel: 'B2C retail: sells products online and in stores to consumers',
    vocabulary: vocab(t('customer'), t('product'), t('order'), t('store'), t('associate'), { category: t('category', 'categories'), channel: t('channel'), return: t('return') }),
    kpis: ['Revenue', 'Average order value', 'Gross margin', 'Return rate', 'Repeat purchase rate', 'Return on ad spend'],
    modules: ['orders'],
    signals: {
      identity: ['online store', 'retailer', 'e-commerce store', 'webshop', 'online shop', 'online retailer', 'sells … online', 'sold … online'],
      keywords: [
        ['shop', 3], ['shop now', 4], ['add to cart', 5], ['cart', 3], ['checkout', 4], ['free shipping', 5], ['returns', 3],
        ['store', 2], ['stores', 2], ['retail', 4], ['e-commerce', 4], ['ecommerce', 4], ['collection', 2], ['new arrivals', 5],
        ['sale', 2], ['gift card', 4], ['loyalty', 2], ['in stock', 4], ['apparel', 3], ['footwear', 3], ['size guide', 5],
        // How a shop describes itself in prose, where a script-built page or a summary has no cart buttons.
        ['shop online', 4], ['order online', 3], ['online shoppers', 4], ['orders over', 5], ['free shipping on', 5], ['shipping is free', 5],
        ['ships', 2], ['shipped', 2], ['shipping', 2], ['delivered to your door', 4],
      ],
      schemaTypes: ['Store', 'OnlineStore', 'ClothingStore', 'SportingGoodsStore', 'HardwareStore', 'ShoppingCenter', 'DepartmentStore', 'ShoeStore', 'JewelryStore', 'HomeGoodsStore', 'ElectronicsStore', 'ToyStore', 'BookStore', 'OutletStore'],
    },
    defaults: { offerings: ['Apparel', 'Footwear', 'Accessories', 'Home', 'Outdoor', 'Electronics'], segments: ['VIP members', 'Loyalty members', 'Occasional shoppers', 'Bargain hunters'] },
    preset: 'retail',
  },
  {
    id: 'saas',
    label: 'B2B SaaS & software subscriptions',
    naics: '511210',
    sector: '51',
    businessModel: 'B2B software-as-a-service: sells per-seat subscriptions to business customers on monthly or annual contracts',
    vocabulary: vocab(t('account'), t('plan'), t('subscription'), t('region'), t('customer success manager'), { unit: t('seat'), event: t('usage event'), ticket: t('support ticket') }),
    kpis: ['MRR', 'ARR', 'Net new MRR', 'Logo churn rate', 'ARPA', 'Seat utilisation', 'Failed payment rate', 'SLA attainment'],
    modules: ['subscriptions', 'usage'],
    signals: {
      identity: ['saas', 'software as a service', 'saas platform', 'cloud platform'],
      keywords: [
        ['saas', 5], ['software as a service', 5], ['free trial', 4], ['start your free trial', 5], ['no credit card required', 5],
        ['per user per month', 5], ['per seat', 4], ['billed annually', 5], ['pricing plans', 3], ['book a demo', 4],
        ['request a demo', 3], ['integrations', 3], ['api documentation', 4], ['workspace', 3], ['single sign-on', 4],
        ['sso', 3], ['soc 2', 4], ['uptime', 3], ['changelog', 4], ['enterprise plan', 4], ['onboarding', 2], ['cloud-based', 3],
      ],
      schemaTypes: ['WebApplication'],
    },
    defaults: { offerings: ['Core Platform', 'Analytics', 'Automation', 'Integrations', 'Security & Compliance'], segments: ['Enterprise', 'Mid-Market', 'SMB', 'Startup'] },
    preset: 'saas',
  },
  {
    id: 'financial_services',
    label: 'Financial services & banking',
    naics: '522110',
    sector: '52',
    businessModel: 'Retail bank / fintech: takes deposits and lends to consumers and small businesses, earning the spread plus card and account fees',
    vocabulary: vocab(t('customer'), t('account product'), t('transaction'), t('branch', 'branches'), t('banker'), { category: t('product type'), application: t('loan application'), alert: t('fraud alert') }),
    kpis: ['Total deposits', 'Loans outstanding', 'Approval rate', 'Default rate', 'Charge-off rate', 'Fraud losses', 'Account closure rate'],
    modules: ['subscriptions', 'usage'],
    signals: {
      identity: ['bank', 'credit union', 'fintech', 'banking'],
      keywords: [
        ['checking account', 5], ['savings account', 5], ['member fdic', 5], ['fdic insured', 5], ['apy', 4], ['apr', 3],
        ['routing number', 5], ['online banking', 4], ['mobile banking', 4], ['mortgage rates', 4], ['personal loans', 4],
        ['auto loans', 4], ['certificate of deposit', 4], ['credit card', 3], ['debit card', 3], ['overdraft', 4],
        ['direct deposit', 4], ['wire transfer', 3], ['equal housing lender', 5], ['nmls', 5], ['branch locator', 4], ['atm', 2],
        ['financial services', 3], ['fintech', 4], ['payments', 2],
      ],
      schemaTypes: ['BankOrCreditUnion', 'Bank', 'CreditUnion', 'FinancialService', 'FinancialProduct', 'BankAccount', 'LoanOrCredit', 'DepositAccount', 'AutomatedTeller'],
    },
    defaults: { offerings: ['Checking', 'Savings', 'Credit Card', 'Personal Loan', 'Mortgage'], segments: ['Private Banking', 'Mass Affluent', 'Small Business', 'Mass Market'] },
    preset: 'financial_services',
  },
  {
    id: 'healthcare',
    label: 'Healthcare providers',
    naics: '621111',
    sector: '62',
    businessModel: 'Care delivery: physician clinics and hospitals bill payers and patients for visits, procedures and admissions',
    vocabulary: vocab(t('patient'), t('service line'), t('encounter'), t('facility', 'facilities'), t('provider'), { category: t('specialty', 'specialties'), visit: t('appointment'), payer: t('payer'), claim: t('claim') }),
    kpis: ['Patient encounters', 'No-show rate', 'Door-to-provider wait time', 'Gross charges', 'Denial rate', 'Net collection rate', '30-day readmission rate'],
    modules: ['encounters', 'appointments'],
    signals: {
      identity: ['medical center', 'health system', 'medical group', 'clinic', 'hospital', 'medical practice', 'healthcare provider'],
      keywords: [
        ['find a doctor', 5], ['find a provider', 5], ['patient portal', 5], ['request an appointment', 5], ['book an appointment', 3], ['insurance accepted', 5],
        ['accepting new patients', 5], ['primary care', 4], ['urgent care', 4], ['telehealth', 3], ['physicians', 3], ['medical group', 4], ['health system', 4],
        ['hospital', 3], ['clinic', 3], ['board-certified', 4], ['cardiology', 3], ['orthopedics', 3], ['pediatrics', 3], ['behavioral health', 3],
        ['emergency department', 4], ['medicare', 3], ['mychart', 5], ['billing and insurance', 4], ['patients', 2], ['healthcare', 2], ['clinical', 2],
      ],
      schemaTypes: ['Hospital', 'MedicalClinic', 'MedicalOrganization', 'Physician', 'MedicalBusiness', 'DiagnosticLab', 'EmergencyService'],
    },
    defaults: { offerings: ['Primary Care', 'Cardiology', 'Orthopedics', 'Pediatrics', 'Urgent Care'], segments: ['Commercial insurance', 'Medicare', 'Medicaid', 'Self-pay'] },
    preset: 'healthcare',
  },
  {
    id: 'travel',
    label: 'Airlines & travel',
    naics: '481111',
    sector: '48-49',
    businessModel: 'Scheduled passenger airline: sells seats by fare family through direct and indirect channels, plus ancillaries and loyalty',
    vocabulary: vocab(t('passenger'), t('fare family', 'fare families'), t('booking'), t('route'), t('crew member'), { category: t('cabin'), channel: t('sales channel'), unit: t('seat'), tier: t('loyalty tier') }),
    kpis: ['Load factor', 'On-time performance', 'Completion factor', 'Passenger revenue', 'Average fare', 'Ancillary revenue per booking', 'Cancellation rate'],
    modules: ['bookings'],
    signals: {
      identity: ['airline', 'airlines', 'air carrier', 'travel agency', 'tour operator'],
      keywords: [
        ['book a flight', 5], ['flight status', 5], ['online check-in', 5], ['boarding pass', 5], ['baggage allowance', 5], ['checked bag', 4], ['carry-on', 4],
        ['basic economy', 5], ['premium economy', 5], ['business class', 4], ['frequent flyer', 5], ['award travel', 4], ['elite status', 4], ['seat selection', 4],
        ['nonstop', 4], ['round trip', 3], ['airline', 4], ['airport', 3], ['destinations', 2], ['manage booking', 4], ['lounge', 2], ['fleet', 2], ['miles', 2],
        ['vacation packages', 4], ['tours', 2],
      ],
      schemaTypes: ['Airline', 'Flight', 'FlightReservation', 'Airport', 'TravelAgency'],
    },
    defaults: { offerings: ['Basic Economy', 'Main Cabin', 'Premium Economy', 'Business'], segments: ['Leisure', 'Business travellers', 'Loyalty elites', 'Groups'] },
    preset: 'travel',
  },
  {
    id: 'logistics',
    label: 'Logistics & freight',
    naics: '484110',
    sector: '48-49',
    businessModel: "B2B freight: moves shippers' freight over a network of hubs and lanes with its own fleet and partner carriers, billed per load",
    vocabulary: vocab(t('shipper'), t('service level'), t('shipment'), t('hub'), t('driver'), { lane: t('lane'), carrier: t('carrier'), vehicle: t('truck'), claim: t('freight claim') }),
    kpis: ['On-time delivery %', 'Revenue per mile', 'Gross margin per load', 'Claims per 1,000 shipments', 'Dwell time', 'Maintenance cost per mile'],
    modules: ['shipments'],
    signals: {
      identity: ['logistics company', 'freight company', 'trucking company', 'carrier', '3pl', 'freight forwarder', 'courier'],
      keywords: [
        ['freight', 5], ['trucking', 5], ['truckload', 5], ['less-than-truckload', 5], ['ltl', 4], ['ftl', 3], ['shippers', 3],
        ['carrier', 3], ['carriers', 3], ['logistics', 3], ['3pl', 4], ['track your shipment', 5], ['tracking number', 3], ['get a quote', 2],
        ['dispatch', 3], ['fleet', 2], ['drayage', 5], ['cross-dock', 5], ['reefer', 4], ['intermodal', 5], ['bill of lading', 5],
        ['freight claims', 5], ['on-time delivery', 3], ['dot number', 4], ['final mile', 3], ['warehousing', 3],
      ],
      schemaTypes: ['ParcelDelivery', 'DeliveryEvent'],
    },
    defaults: { offerings: ['Full Truckload', 'Less-than-Truckload', 'Expedited', 'Temperature-Controlled', 'Intermodal'], segments: ['Enterprise contract', 'Mid-market', 'E-commerce sellers', 'Small business & spot'] },
    preset: 'logistics',
  },
  {
    id: 'education',
    label: 'Higher education & online learning',
    naics: '611310',
    sector: '61',
    businessModel: 'B2C education: enrols students in degree, certificate and online programs, funded by tuition net of scholarships',
    vocabulary: vocab(t('student'), t('program'), t('enrolment'), t('campus', 'campuses'), t('instructor'), { category: t('school'), course: t('course'), section: t('section'), application: t('application') }),
    kpis: ['Applications', 'Admit rate', 'Yield', 'Course completion rate', 'Second-year retention', 'Net tuition revenue', 'Tuition discount rate'],
    modules: ['enrolments'],
    signals: {
      identity: ['university', 'college', 'community college', 'online university', 'school of', 'institute of technology'],
      keywords: [
        ['admissions', 4], ['apply now', 3], ['tuition', 5], ['financial aid', 5], ['scholarships', 4], ['undergraduate', 5],
        ['graduate programs', 5], ['degree programs', 5], ["bachelor's", 4], ["master's", 4], ['enroll', 2], ['campus', 3],
        ['faculty', 3], ['accredited', 4], ['accreditation', 4], ['online courses', 4], ['curriculum', 3], ['alumni', 3],
        ['registrar', 5], ['academic calendar', 5], ['student life', 5], ['course catalog', 5], ['credit hours', 5], ['semester', 3],
        ['university', 4], ['students', 2], ['professor', 3],
      ],
      schemaTypes: ['EducationalOrganization', 'CollegeOrUniversity', 'EducationalOccupationalProgram'],
    },
    defaults: { offerings: ['Business', 'Nursing', 'Computer Science', 'Education', 'Engineering'], segments: ['First-year undergraduates', 'Working adults', 'International students', 'Transfer students'] },
    preset: 'education',
  },
  {
    id: 'hospitality',
    label: 'Hospitality & food service',
    naics: '722511',
    sector: '72',
    businessModel: 'B2C hospitality: operates restaurants, bars and cafés serving guests dine-in, takeout and through delivery apps',
    vocabulary: vocab(t('guest'), t('menu item'), t('check'), t('location'), t('server'), { category: t('menu category', 'menu categories'), booking: t('reservation'), shift: t('shift'), channel: t('order channel') }),
    kpis: ['Net sales', 'Covers', 'Average check', 'Food cost %', 'Labour cost %', 'Prime cost', 'No-show rate', 'Average guest rating'],
    modules: ['orders', 'bookings'],
    signals: {
      identity: ['restaurant', 'bistro', 'trattoria', 'osteria', 'brasserie', 'eatery', 'diner', 'steakhouse', 'pizzeria', 'bar & grill', 'hospitality group', 'gastropub'],
      keywords: [
        ['restaurant', 4], ['reservations', 4], ['book a table', 5], ['reserve a table', 5], ['our menu', 4], ['view menu', 4],
        ['brunch', 4], ['happy hour', 5], ['private dining', 5], ['private events', 3], ['order online', 3], ['takeout', 4],
        ['dine-in', 5], ['catering', 3], ['chef', 3], ['cocktails', 3], ['wine list', 5], ['seasonal menu', 4],
        ['opentable', 5], ['doordash', 4], ['uber eats', 4], ['bar & grill', 4], ['hospitality group', 5], ['tasting menu', 4],
        ['menu', 2], ['lunch', 2], ['dinner', 2],
      ],
      schemaTypes: ['Restaurant', 'FoodEstablishment', 'BarOrPub', 'FastFoodRestaurant', 'Menu', 'MenuSection'],
    },
    defaults: { offerings: ['Starters', 'Mains', 'Desserts', 'Cocktails', 'Wine'], segments: ['Regulars', 'Families', 'Business diners', 'Tourists'] },
    preset: 'hospitality',
  },
  {
    id: 'manufacturing',
    label: 'Manufacturing & machining',
    naics: '332710',
    sector: '31-33',
    businessModel: 'B2B manufacturing: machines precision metal parts in its own plants and sells them to OEMs and through industrial distributors',
    vocabulary: vocab(t('OEM customer'), t('part'), t('work order'), t('plant'), t('machinist'), { category: t('product family', 'product families'), batch: t('production run'), line: t('production line'), supplier: t('supplier') }),
    kpis: ['Bookings', 'Gross margin', 'Yield', 'Scrap rate', 'First-pass yield', 'Unplanned downtime hours', 'On-time shipment rate'],
    modules: ['production', 'orders'],
    signals: {
      identity: ['machine shop', 'precision machining', 'contract manufacturer', 'cnc machining'],
      keywords: [
        ['machine shop', 5], ['precision machining', 5], ['cnc machining', 5], ['cnc turning', 4], ['cnc milling', 4], ['swiss turning', 5],
        ['machined parts', 5], ['tight tolerances', 5], ['iso 9001', 3], ['as9100', 5], ['iatf 16949', 5], ['first article inspection', 5],
        ['ppap', 5], ['cmm', 3], ['request a quote', 2], ['rfq', 3], ['production runs', 3], ['contract manufacturing', 4],
        ['manufacturing facility', 3], ['lean manufacturing', 3], ['itar', 4], ['prototype to production', 4], ['bar stock', 4], ['oem', 2],
      ],
    },
    defaults: { offerings: ['Turned parts', 'Milled parts', 'Assemblies', 'Prototypes'], segments: ['Aerospace', 'Automotive', 'Medical devices', 'Industrial distributors'] },
    preset: 'manufacturing',
  },

  // ── 11 Agriculture ──
  {
    id: 'farm',
    label: 'Agriculture & farms',
    naics: '111998',
    sector: '11',
    businessModel: 'Grows crops or raises livestock and sells harvests to processors, wholesalers, markets and direct to consumers (CSA, farm shop)',
    vocabulary: vocab(t('buyer'), t('crop'), t('sale'), t('field'), t('farmhand'), { batch: t('harvest'), category: t('crop type'), yield: t('yield'), member: t('CSA member'), channel: t('market channel') }),
    kpis: ['Yield per acre', 'Harvest volume', 'Revenue per acre', 'Input cost per acre', 'Price realised', 'Spoilage rate'],
    modules: ['production', 'orders'],
    signals: {
      identity: ['farm', 'family farm', 'ranch', 'orchard', 'vineyard', 'dairy farm', 'agricultural cooperative', 'nursery'],
      keywords: [
        ['farm', 3], ['farmers', 3], ['harvest', 4], ['crops', 4], ['acres', 4], ['livestock', 5], ['cattle', 4], ['organic produce', 5],
        ['csa', 4], ['farm stand', 5], ['farmers market', 4], ['grain', 3], ['orchard', 4], ['pasture-raised', 5], ['grass-fed', 4],
        ['seed', 2], ['tractor', 3], ['agriculture', 4], ['agricultural', 4], ['irrigation', 3], ['growers', 3],
      ],
      schemaTypes: [],
    },
    defaults: { offerings: ['Vegetables', 'Fruit', 'Eggs', 'Beef', 'Grain'], segments: ['Wholesale buyers', 'Restaurants', 'CSA members', 'Farmers market shoppers'] },
  },

  // ── 21 Mining, oil & gas ──
  {
    id: 'oil_gas',
    label: 'Energy — oil & gas',
    naics: '211120',
    sector: '21',
    businessModel: 'Explores for, produces and sells crude oil and natural gas from its wells, paid per barrel or per thousand cubic feet at market prices',
    vocabulary: vocab(t('offtaker'), t('product'), t('sale'), t('well'), t('field engineer'), { batch: t('production day'), asset: t('field'), category: t('basin'), unit: t('barrel of oil equivalent', 'barrels of oil equivalent'), shipment: t('cargo', 'cargoes'), vehicle: t('tanker') }),
    kpis: ['Production (boe/d)', 'Lifting cost per boe', 'Reserve replacement ratio', 'Realised price', 'Uptime', 'Safety incident rate (TRIR)'],
    modules: ['production', 'shipments'],
    signals: {
      identity: ['oil and gas', 'oil & gas', 'energy company', 'exploration and production', 'e&p', 'petroleum company', 'midstream'],
      keywords: [
        ['oil and gas', 5], ['oil & gas', 5], ['upstream', 4], ['downstream', 3], ['midstream', 5], ['barrels', 4], ['crude oil', 5],
        ['natural gas', 4], ['lng', 4], ['refinery', 5], ['refining', 4], ['drilling', 4], ['wells', 3], ['reservoir', 3],
        ['pipeline', 3], ['offshore', 3], ['exploration', 3], ['boe', 5], ['petroleum', 4], ['energy transition', 3], ['hydrocarbons', 5],
      ],
    },
    defaults: { offerings: ['Crude oil', 'Natural gas', 'NGLs', 'LNG'], segments: ['Refiners', 'Utilities', 'Traders', 'Industrial buyers'] },
  },
  {
    id: 'mining',
    label: 'Mining & quarrying',
    naics: '212290',
    sector: '21',
    businessModel: 'Extracts and processes ore, coal or aggregates from its mines and quarries and sells the concentrate or material by the tonne',
    vocabulary: vocab(t('buyer'), t('commodity', 'commodities'), t('shipment'), t('mine'), t('operator'), { batch: t('shift'), asset: t('pit'), category: t('ore grade'), unit: t('tonne'), vehicle: t('haul truck') }),
    kpis: ['Tonnes mined', 'Ore grade', 'Recovery rate', 'All-in sustaining cost', 'Equipment availability', 'Safety incident rate'],
    modules: ['production', 'shipments'],
    signals: {
      identity: ['mining company', 'quarry', 'mine', 'mining'],
      keywords: [
        ['mining', 4], ['mine', 3], ['ore', 4], ['quarry', 5], ['aggregates', 4], ['tonnes', 3], ['copper', 3], ['gold', 2], ['lithium', 3],
        ['iron ore', 5], ['coal', 3], ['exploration', 2], ['concentrate', 3], ['mineral resources', 5], ['open pit', 5], ['underground mine', 5],
      ],
    },
    defaults: { offerings: ['Copper concentrate', 'Gold', 'Iron ore', 'Aggregates'], segments: ['Smelters', 'Traders', 'Construction', 'Steelmakers'] },
  },

  // ── 22 Utilities ──
  {
    id: 'utility',
    label: 'Utilities — electric, gas & water',
    naics: '221122',
    sector: '22',
    businessModel: 'Supplies electricity, gas or water to homes and businesses over its network, billed on metered usage plus a standing charge under regulated tariffs',
    vocabulary: vocab(t('customer'), t('tariff'), t('bill'), t('service area'), t('field technician'), { unit: t('meter'), event: t('meter reading'), outage: t('outage'), category: t('rate class', 'rate classes'), subscription: t('service agreement') }),
    kpis: ['Consumption (kWh)', 'Revenue per customer', 'Outage minutes (SAIDI)', 'Bad debt rate', 'Peak demand', 'Customer satisfaction'],
    modules: ['usage', 'subscriptions'],
    signals: {
      identity: ['utility', 'electric company', 'power company', 'water utility', 'energy supplier', 'electric cooperative'],
      keywords: [
        ['outage map', 5], ['report an outage', 5], ['power outage', 4], ['pay my bill', 4], ['start service', 4], ['stop service', 4],
        ['kwh', 4], ['meter', 3], ['smart meter', 5], ['rates and tariffs', 5], ['tariff', 3], ['electricity', 3], ['natural gas service', 4],
        ['water service', 4], ['energy efficiency', 2], ['grid', 3], ['utility', 3], ['service territory', 4], ['budget billing', 5],
      ],
    },
    defaults: { offerings: ['Residential electricity', 'Commercial electricity', 'Natural gas', 'Water'], segments: ['Residential', 'Small business', 'Commercial & industrial', 'Municipal'] },
  },
  {
    id: 'solar_energy',
    label: 'Solar & renewable energy',
    naics: '221114',
    sector: '22',
    businessModel: 'Designs and installs solar (and storage) systems for homes and businesses, or sells the power they generate under long-term agreements',
    vocabulary: vocab(t('homeowner'), t('system'), t('installation'), t('service area'), t('installer'), { project: t('install project'), unit: t('production meter'), event: t('generation reading'), category: t('system size') }),
    kpis: ['Installations completed', 'MW installed', 'Cost per watt', 'Sales cycle length', 'Generation vs. forecast', 'Customer referrals'],
    modules: ['projects', 'usage'],
    signals: {
      identity: ['solar company', 'solar installer', 'solar energy', 'renewable energy company', 'solar'],
      keywords: [
        ['solar', 4], ['solar panels', 5], ['solar installation', 5], ['photovoltaic', 5], ['battery storage', 4], ['net metering', 5],
        ['renewable energy', 4], ['kw system', 4], ['inverter', 4], ['tax credit', 2], ['wind farm', 4], ['clean energy', 3], ['rooftop', 3],
      ],
    },
    defaults: { offerings: ['Residential solar', 'Commercial solar', 'Battery storage', 'EV chargers'], segments: ['Homeowners', 'Small businesses', 'Commercial property', 'Farms'] },
  },

  // ── 23 Construction ──
  {
    id: 'construction',
    label: 'Construction & contractors',
    naics: '236220',
    sector: '23',
    businessModel: 'Builds, renovates and fits out buildings for owners and developers on fixed-price or cost-plus contracts, billed by project milestone',
    vocabulary: vocab(t('client'), t('service'), t('project'), t('job site'), t('crew member'), { category: t('project type'), milestone: t('milestone'), change: t('change order'), subcontractor: t('subcontractor') }),
    kpis: ['Backlog', 'Gross margin by project', 'Schedule variance', 'Change order rate', 'Safety incident rate', 'Bid win rate'],
    modules: ['projects'],
    signals: {
      identity: ['general contractor', 'construction company', 'builder', 'builders', 'design-build', 'contractor', 'homebuilder', 'construction'],
      keywords: [
        ['general contractor', 5], ['construction', 4], ['design-build', 5], ['preconstruction', 5], ['construction management', 5],
        ['renovation', 3], ['remodeling', 4], ['commercial construction', 5], ['residential construction', 5], ['job site', 4],
        ['subcontractors', 4], ['bid', 2], ['tenant improvement', 5], ['ground-up', 4], ['licensed and insured', 3], ['building permits', 4],
      ],
      schemaTypes: ['GeneralContractor', 'HomeAndConstructionBusiness', 'RoofingContractor'],
    },
    defaults: { offerings: ['Commercial construction', 'Renovations', 'Design-build', 'Tenant improvements'], segments: ['Developers', 'Homeowners', 'Public sector', 'Commercial owners'] },
  },
  {
    id: 'trades',
    label: 'Home services & trades (plumbing, electrical, HVAC)',
    naics: '238220',
    sector: '23',
    businessModel: 'Sends licensed technicians to homes and businesses for repairs, installations and maintenance plans, billed per job or by service agreement',
    vocabulary: vocab(t('customer'), t('service'), t('job'), t('service area'), t('technician'), { visit: t('service call'), plan: t('maintenance plan'), category: t('trade') }),
    kpis: ['Jobs completed', 'Average ticket', 'First-time fix rate', 'Technician utilisation', 'Maintenance plan renewals', 'Callback rate'],
    modules: ['appointments', 'projects'],
    signals: {
      identity: ['plumber', 'plumbing company', 'electrician', 'electrical contractor', 'hvac company', 'roofing company', 'landscaping company', 'handyman', 'pest control'],
      keywords: [
        ['plumbing', 5], ['electrical', 3], ['hvac', 5], ['heating and cooling', 5], ['air conditioning', 4], ['water heater', 5],
        ['drain cleaning', 5], ['emergency service', 3], ['24/7', 2], ['licensed and insured', 3], ['furnace', 4], ['roofing', 4],
        ['landscaping', 4], ['service call', 4], ['same-day service', 4], ['free estimate', 4], ['technicians', 3], ['pest control', 5],
      ],
      schemaTypes: ['Plumber', 'Electrician', 'HVACBusiness', 'RoofingContractor', 'HousePainter', 'Locksmith'],
    },
    defaults: { offerings: ['Repairs', 'Installations', 'Maintenance plans', 'Emergency service'], segments: ['Homeowners', 'Landlords', 'Small businesses', 'Property managers'] },
  },

  // ── 31-33 Manufacturing ──
  {
    id: 'industrial_manufacturing',
    label: 'Chemicals & industrial manufacturing',
    naics: '325998',
    sector: '31-33',
    businessModel: 'Formulates and manufactures chemicals, materials or industrial products in its plants and sells them to manufacturers through direct sales and distributors',
    vocabulary: vocab(t('customer'), t('product'), t('order'), t('plant'), t('operator'), { batch: t('batch', 'batches'), category: t('product line'), line: t('production line'), distributor: t('distributor') }),
    kpis: ['Volume shipped', 'Gross margin', 'Batch yield', 'Off-spec rate', 'Plant utilisation', 'On-time in-full'],
    modules: ['production', 'orders'],
    signals: {
      identity: ['chemical company', 'manufacturer', 'chemicals manufacturer', 'industrial manufacturer', 'specialty chemicals'],
      keywords: [
        ['chemicals', 4], ['chemical', 3], ['specialty chemicals', 5], ['formulations', 4], ['safety data sheets', 5], ['sds', 4],
        ['manufacturer', 3], ['manufacturing', 3], ['industrial', 3], ['coatings', 3], ['polymers', 4], ['resins', 4], ['etching', 4],
        ['plating', 4], ['distributors', 2], ['technical data sheet', 5], ['bulk', 2], ['msds', 5], ['process chemistry', 5], ['industrial applications', 4],
      ],
    },
    defaults: { offerings: ['Specialty chemicals', 'Coatings', 'Cleaners', 'Process chemistry'], segments: ['Electronics manufacturers', 'Automotive', 'Aerospace', 'Distributors'] },
  },
  {
    id: 'brewery',
    label: 'Breweries & craft beer',
    naics: '312120',
    sector: '31-33',
    businessModel: 'Brews beer and sells it in its taproom, to bars and shops through distributors, and in cans and kegs direct to drinkers',
    vocabulary: vocab(t('drinker'), t('beer'), t('order'), t('taproom'), t('brewer'), { batch: t('brew'), category: t('style'), channel: t('sales channel'), container: t('keg'), distributor: t('distributor') }),
    kpis: ['Barrels brewed', 'Barrels sold', 'Taproom sales', 'Distribution volume', 'Batch loss rate', 'Keg return rate'],
    modules: ['production', 'orders'],
    signals: {
      identity: ['brewery', 'brewing company', 'brewing co', 'brewpub', 'craft brewery', 'microbrewery', 'brewing'],
      keywords: [
        ['brewery', 5], ['taproom', 5], ['craft beer', 5], ['ipa', 4], ['lager', 4], ['stout', 4], ['ale', 3], ['pilsner', 4],
        ['on tap', 4], ['brewed', 4], ['hops', 4], ['brewmaster', 5], ['beer garden', 4], ['cans', 2], ['growler', 5], ['kegs', 4], ['abv', 4],
      ],
      schemaTypes: ['Brewery'],
    },
    defaults: { offerings: ['IPA', 'Lager', 'Stout', 'Seasonal releases'], segments: ['Taproom visitors', 'Bars & restaurants', 'Bottle shops', 'Distributors'] },
  },
  {
    id: 'winery_distillery',
    label: 'Wineries & distilleries',
    naics: '312130',
    sector: '31-33',
    businessModel: 'Makes wine or spirits and sells them through its tasting room, wine club, distributors and restaurants',
    vocabulary: vocab(t('club member'), t('wine'), t('order'), t('tasting room'), t('winemaker'), { batch: t('vintage'), category: t('varietal'), channel: t('sales channel'), member: t('club member') }),
    kpis: ['Cases sold', 'Club members', 'Club churn', 'Tasting room conversion', 'Average bottle price', 'Distributor depletions'],
    modules: ['production', 'orders'],
    signals: {
      identity: ['winery', 'vineyard', 'distillery', 'wine estate', 'cidery'],
      keywords: [
        ['winery', 5], ['vineyard', 5], ['wine club', 5], ['tasting room', 5], ['vintage', 4], ['cabernet', 4], ['chardonnay', 4], ['pinot', 4],
        ['distillery', 5], ['whiskey', 4], ['bourbon', 4], ['gin', 3], ['spirits', 3], ['barrel aged', 4], ['wine tasting', 5],
      ],
      schemaTypes: ['Winery', 'Distillery'],
    },
    defaults: { offerings: ['Red wines', 'White wines', 'Sparkling', 'Library releases'], segments: ['Wine club members', 'Tasting room visitors', 'Restaurants', 'Distributors'] },
  },
  {
    id: 'coffee_roaster',
    label: 'Coffee roasters',
    naics: '311920',
    sector: '31-33',
    businessModel: 'Sources green coffee, roasts it and sells beans by subscription, online, to cafés wholesale and in its own shop',
    vocabulary: vocab(t('customer'), t('coffee', 'coffees'), t('order'), t('roastery', 'roasteries'), t('roaster'), { batch: t('roast'), category: t('origin'), plan: t('coffee subscription'), channel: t('sales channel') }),
    kpis: ['Pounds roasted', 'Subscription count', 'Subscriber churn', 'Wholesale accounts', 'Roast loss', 'Average order value'],
    modules: ['production', 'subscriptions', 'orders'],
    signals: {
      identity: ['coffee roasters', 'coffee roaster', 'roastery', 'coffee roasting company', 'roasting co'],
      keywords: [
        ['roasters', 4], ['roastery', 5], ['roasted', 4], ['single origin', 5], ['green coffee', 5], ['whole bean', 5], ['espresso', 3],
        ['tasting notes', 4], ['direct trade', 5], ['coffee subscription', 5], ['wholesale coffee', 5], ['roast date', 5], ['light roast', 4], ['ethiopia', 2],
      ],
    },
    defaults: { offerings: ['Single origins', 'Espresso blends', 'Decaf', 'Subscriptions'], segments: ['Home brewers', 'Subscribers', 'Cafés (wholesale)', 'Offices'] },
  },
  {
    id: 'chocolatier',
    label: 'Chocolatiers & confectioners',
    naics: '311351',
    sector: '31-33',
    businessModel: 'Makes chocolates and confections by hand and sells them in its shop, online, as corporate gifts and through classes and events',
    vocabulary: vocab(t('customer'), t('confection'), t('order'), t('shop'), t('chocolatier'), { batch: t('batch', 'batches'), category: t('collection'), channel: t('sales channel'), event: t('class', 'classes') }),
    kpis: ['Sales', 'Average order value', 'Seasonal peak share', 'Batch waste', 'Corporate gift orders', 'Repeat customers'],
    modules: ['orders', 'production'],
    signals: {
      identity: ['chocolatier', 'chocolatiers', 'chocolate shop', 'confectionery', 'confectioner', 'candy shop', 'chocolate company', 'chocolate makers'],
      keywords: [
        ['chocolate', 4], ['chocolates', 4], ['truffles', 5], ['bonbons', 5], ['confections', 5], ['fudge', 4], ['candy', 3], ['cocoa', 4],
        ['cacao', 4], ['toffee', 4], ['handmade chocolates', 5], ['dark chocolate', 4], ['milk chocolate', 4], ['chocolate bars', 4],
      ],
      schemaTypes: ['CandyStore'],
    },
    defaults: { offerings: ['Truffles', 'Chocolate bars', 'Gift boxes', 'Seasonal collections'], segments: ['Gift buyers', 'Corporate clients', 'Locals', 'Wedding & events'] },
  },
  {
    id: 'food_production',
    label: 'Food & beverage production',
    naics: '311999',
    sector: '31-33',
    businessModel: 'Produces packaged food or drink in its own facility and sells it to grocers, distributors and food service, plus direct online',
    vocabulary: vocab(t('retail partner'), t('product'), t('order'), t('facility', 'facilities'), t('production worker'), { batch: t('production lot'), category: t('product line'), channel: t('sales channel'), distributor: t('distributor') }),
    kpis: ['Cases shipped', 'Gross margin', 'Lot yield', 'Shelf-life write-offs', 'Retail velocity', 'On-time in-full'],
    modules: ['production', 'orders'],
    signals: {
      identity: ['food company', 'food manufacturer', 'bakery', 'beverage company', 'kombucha', 'food producer', 'creamery'],
      keywords: [
        ['ingredients', 3], ['non-gmo', 4], ['gluten-free', 3], ['where to buy', 4], ['find us in stores', 5], ['nutrition facts', 5],
        ['small batch', 4], ['grocery stores', 3], ['food service', 3], ['co-packing', 5], ['recipes', 2], ['snacks', 3], ['sauces', 3],
        ['beverages', 3], ['bakery', 4], ['baked', 3], ['organic', 2],
      ],
      schemaTypes: ['Bakery'],
    },
    defaults: { offerings: ['Snacks', 'Sauces', 'Beverages', 'Baked goods'], segments: ['Grocery chains', 'Independent grocers', 'Food service', 'Online shoppers'] },
  },

  // ── 42 Wholesale ──
  {
    id: 'wholesale',
    label: 'Wholesale & distribution',
    naics: '423840',
    sector: '42',
    businessModel: 'Buys from manufacturers in bulk and resells to businesses from its warehouses, earning a margin on volume with account terms',
    vocabulary: vocab(t('account'), t('product'), t('order'), t('warehouse'), t('sales rep'), { category: t('product line'), supplier: t('supplier'), channel: t('order channel'), shipment: t('delivery', 'deliveries'), vehicle: t('truck') }),
    kpis: ['Sales', 'Gross margin', 'Fill rate', 'Inventory turns', 'Days sales outstanding', 'Order lines per day'],
    modules: ['orders', 'shipments'],
    signals: {
      identity: ['wholesaler', 'distributor', 'wholesale distributor', 'distribution company', 'wholesale supplier'],
      keywords: [
        ['wholesale', 4], ['distributor', 4], ['distribution', 3], ['bulk orders', 5], ['trade account', 5], ['line card', 5],
        ['net 30', 5], ['dealers', 3], ['resellers', 3], ['minimum order', 4], ['warehouse', 2], ['suppliers', 2], ['catalog', 2], ['b2b', 2],
      ],
      schemaTypes: ['WholesaleStore'],
    },
    defaults: { offerings: ['Industrial supplies', 'Safety products', 'Tools', 'Packaging'], segments: ['Contractors', 'Manufacturers', 'Resellers', 'Institutions'] },
  },

  // ── 44-45 Retail ──
  {
    id: 'automotive',
    label: 'Automotive dealers & repair',
    naics: '441110',
    sector: '44-45',
    businessModel: 'Sells new and used vehicles, financing and service; the service department earns recurring revenue on repairs and maintenance',
    vocabulary: vocab(t('customer'), t('vehicle'), t('deal'), t('dealership'), t('sales consultant'), { category: t('model'), visit: t('service appointment'), order: t('repair order'), staff_service: t('service advisor') }),
    kpis: ['Units sold', 'Gross profit per vehicle', 'Service revenue', 'Days in inventory', 'F&I penetration', 'Service retention'],
    modules: ['orders', 'appointments'],
    signals: {
      identity: ['car dealership', 'dealership', 'auto dealer', 'auto repair', 'auto shop', 'auto body', 'collision center', 'motors'],
      keywords: [
        ['new vehicles', 5], ['used vehicles', 5], ['pre-owned', 5], ['certified pre-owned', 5], ['test drive', 5], ['trade-in', 4],
        ['oil change', 5], ['schedule service', 4], ['auto repair', 5], ['brake', 3], ['tires', 3], ['dealership', 5], ['inventory', 2],
        ['financing', 2], ['collision repair', 5], ['vin', 3], ['mpg', 4],
      ],
      schemaTypes: ['AutoDealer', 'AutoRepair', 'AutomotiveBusiness', 'AutoBodyShop', 'AutoPartsStore', 'Car', 'Vehicle'],
    },
    defaults: { offerings: ['New vehicles', 'Used vehicles', 'Service', 'Parts'], segments: ['First-time buyers', 'Families', 'Fleet buyers', 'Service customers'] },
  },
  {
    id: 'music_retail',
    label: 'Music & instrument retail',
    naics: '459140',
    sector: '44-45',
    businessModel: 'Sells musical instruments, audio gear and accessories in store and online, plus lessons, repairs and rentals',
    vocabulary: vocab(t('customer'), t('product'), t('order'), t('store'), t('sales associate'), { category: t('department'), rental: t('rental'), event: t('lesson') }),
    kpis: ['Sales', 'Average order value', 'Gross margin by department', 'Rental conversions', 'Lesson bookings', 'Repeat customers'],
    modules: ['orders', 'appointments'],
    signals: {
      identity: ['music store', 'music shop', 'music centre', 'music center', 'guitar shop', 'instrument store', 'music retailer', 'piano store'],
      keywords: [
        ['guitars', 5], ['guitar', 4], ['amplifiers', 5], ['drums', 4], ['keyboards', 3], ['pianos', 4], ['ukulele', 5], ['pedals', 4],
        ['pro audio', 5], ['strings', 3], ['music lessons', 5], ['instruments', 4], ['musical instruments', 5], ['bass', 2], ['microphones', 4],
      ],
      schemaTypes: ['MusicStore'],
    },
    defaults: { offerings: ['Guitars', 'Keyboards', 'Drums', 'Pro audio', 'Accessories'], segments: ['Beginners', 'Gigging musicians', 'Schools', 'Studios'] },
  },
  {
    id: 'grocery',
    label: 'Grocery & supermarkets',
    naics: '445110',
    sector: '44-45',
    businessModel: 'Sells groceries and household goods in its stores and online for pickup and delivery, on thin margins and high frequency',
    vocabulary: vocab(t('shopper'), t('product'), t('basket'), t('store'), t('associate'), { category: t('department'), channel: t('fulfilment channel'), member: t('loyalty member') }),
    kpis: ['Sales per square foot', 'Basket size', 'Shrink', 'Fresh share', 'Online order share', 'Loyalty penetration'],
    modules: ['orders'],
    signals: {
      identity: ['grocery store', 'supermarket', 'grocer', 'food market', 'co-op grocery'],
      keywords: [
        ['groceries', 5], ['grocery', 4], ['supermarket', 5], ['weekly ad', 5], ['produce', 3], ['deli', 4], ['bakery', 2], ['pharmacy', 2],
        ['curbside pickup', 4], ['grocery delivery', 5], ['digital coupons', 5], ['meat and seafood', 5],
      ],
      schemaTypes: ['GroceryStore', 'ConvenienceStore'],
    },
    defaults: { offerings: ['Produce', 'Meat & seafood', 'Dairy', 'Bakery', 'Pantry'], segments: ['Families', 'Singles', 'Seniors', 'Online shoppers'] },
  },

  // ── 48-49 Transportation ──
  {
    id: 'moving_storage',
    label: 'Moving & storage',
    naics: '484210',
    sector: '48-49',
    businessModel: 'Moves households and offices locally and long-distance with its crews and trucks, billed per move from an estimate, plus storage rented by the month',
    vocabulary: vocab(t('customer'), t('service'), t('move'), t('branch', 'branches'), t('mover'), { unit: t('crew hour'), subscription: t('storage rental'), category: t('move type'), vehicle: t('truck'), claim: t('damage claim') }),
    kpis: ['Moves completed', 'Revenue per move', 'Estimate accuracy', 'Crew utilisation', 'Damage claims rate', 'Storage occupancy', 'Booked-ahead moves'],
    modules: ['bookings', 'subscriptions'],
    signals: {
      identity: ['moving company', 'movers', 'moving and storage', 'moving & storage', 'moving services', 'van lines', 'relocation company'],
      keywords: [
        ['movers', 5], ['moving company', 5], ['local moving', 5], ['long-distance moving', 5], ['local moves', 5], ['long-distance moves', 5], ['residential moving', 5],
        ['commercial moving', 4], ['office moving', 4], ['packing and unpacking', 5], ['packing services', 4], ['piano moving', 5], ['binding estimate', 5],
        ['moving estimate', 5], ['moving quote', 5], ['full-value protection', 5], ['storage units', 3], ['moving crews', 5], ['interstate moves', 5],
      ],
      schemaTypes: ['MovingCompany'],
    },
    defaults: { offerings: ['Long-distance move', 'Office move', 'Local move', 'Packing service', 'Storage'], segments: ['Homeowners', 'Renters', 'Businesses', 'Seniors downsizing'] },
  },
  // ── 51 Information ──
  {
    id: 'software_devtools',
    label: 'Software & developer tools',
    naics: '513210',
    sector: '51',
    businessModel: 'Builds software and developer tools sold as licences, subscriptions or open-core upgrades to developers and the teams they work in',
    vocabulary: vocab(t('user'), t('product'), t('licence', 'licences'), t('region'), t('engineer'), { unit: t('install'), event: t('usage event'), release: t('release'), ticket: t('issue') }),
    kpis: ['Downloads', 'Active installs', 'Paid conversion rate', 'Licence revenue', 'Renewal rate', 'Time to first value'],
    modules: ['subscriptions', 'usage'],
    signals: {
      identity: ['developer tools', 'software company', 'software developer', 'independent software developer', 'developer platform', 'dev tools', 'software house'],
      keywords: [
        ['software', 3], ['download', 3], ['downloads', 3], ['windows', 2], ['macos', 3], ['linux', 3], ['documentation', 3], ['developers', 3],
        ['api', 3], ['sdk', 4], ['github', 4], ['open source', 4], ['release notes', 4], ['changelog', 4], ['licence key', 5], ['license key', 5],
        ['command line', 4], ['command-line', 4], ['version', 2], ['plugin', 3], ['install', 2], ['developer tools', 5], ['freeware', 5], ['shareware', 5],
        ['web crawler', 4], ['source code', 4], ['mcp server', 5], ['cli', 3],
      ],
      schemaTypes: ['SoftwareApplication', 'SoftwareSourceCode', 'MobileApplication'],
    },
    defaults: { offerings: ['Desktop app', 'CLI', 'SDK', 'Pro licence'], segments: ['Individual developers', 'Teams', 'Enterprises', 'Open-source users'] },
  },
  {
    id: 'game_studio',
    label: 'Video games & interactive entertainment',
    naics: '513210',
    sector: '51',
    businessModel: 'Develops and publishes games, earning from game sales, in-game purchases, expansions and merchandise',
    vocabulary: vocab(t('player'), t('game'), t('purchase'), t('platform'), t('developer'), { session: t('play session'), item: t('in-game item'), category: t('genre'), release: t('patch', 'patches') }),
    kpis: ['Daily active players', 'Retention (D1/D7/D30)', 'Average revenue per paying user', 'Conversion to payer', 'Session length', 'Wishlists'],
    modules: ['players', 'orders'],
    signals: {
      identity: ['game studio', 'games studio', 'game developer', 'indie studio', 'video game', 'game publisher', 'independent game studio', 'games'],
      keywords: [
        ['game', 3], ['games', 3], ['gameplay', 5], ['steam', 4], ['wishlist', 5], ['playstation', 4], ['xbox', 4], ['nintendo switch', 5],
        ['multiplayer', 5], ['trailer', 3], ['early access', 5], ['players', 3], ['dlc', 5], ['indie', 3], ['rpg', 4], ['press kit', 3], ['discord', 3],
        ['patch notes', 5], ['co-op', 3], ['launch trailer', 5],
      ],
      schemaTypes: ['VideoGame', 'VideoGameSeries'],
    },
    defaults: { offerings: ['Flagship game', 'Expansion', 'Soundtrack', 'Merch'], segments: ['Core players', 'Casual players', 'Streamers', 'Collectors'] },
  },
  {
    id: 'media_publishing',
    label: 'Media & publishing',
    naics: '513110',
    sector: '51',
    businessModel: 'Publishes journalism, magazines or books, earning from subscriptions, advertising, events and licensing',
    vocabulary: vocab(t('reader'), t('publication'), t('subscription'), t('market'), t('editor'), { content: t('article'), view: t('page view'), category: t('section'), channel: t('platform'), advertiser: t('advertiser') }),
    kpis: ['Subscribers', 'Subscriber churn', 'Page views', 'Ad revenue', 'Revenue per reader', 'Newsletter open rate'],
    modules: ['content', 'subscriptions'],
    signals: {
      identity: ['newspaper', 'magazine', 'publisher', 'publishing house', 'news site', 'media company', 'podcast network', 'journal'],
      keywords: [
        ['subscribe', 3], ['newsletter', 2], ['latest news', 5], ['breaking news', 5], ['editorial', 4], ['editor-in-chief', 5], ['journalism', 5],
        ['opinion', 3], ['advertise with us', 5], ['print edition', 5], ['digital edition', 5], ['books', 2], ['authors', 3], ['podcast', 3], ['articles', 2],
      ],
      schemaTypes: ['NewsMediaOrganization', 'Newspaper', 'NewsArticle', 'Periodical', 'PublicationIssue', 'Book'],
    },
    defaults: { offerings: ['Digital subscription', 'Print subscription', 'Newsletters', 'Events'], segments: ['Subscribers', 'Registered readers', 'Advertisers', 'Institutions'] },
  },
  {
    id: 'film_video_production',
    label: 'Film, TV & video production',
    naics: '512110',
    sector: '51',
    businessModel: 'Produces films, series, commercials and branded video for studios, broadcasters and brands, paid per production',
    vocabulary: vocab(t('client'), t('production'), t('project'), t('studio'), t('crew member'), { category: t('format'), deliverable: t('deliverable'), event: t('shoot'), content: t('video'), view: t('video view') }),
    kpis: ['Productions delivered', 'Budget variance', 'Gross margin per production', 'Days of shooting', 'Repeat clients'],
    modules: ['projects', 'content'],
    signals: {
      identity: ['production company', 'film production', 'video production company', 'film studio'],
      keywords: [
        ['film', 3], ['documentary', 4], ['post-production', 5], ['cinematography', 5], ['commercials', 3], ['screenings', 4], ['festival', 2],
        ['director', 2], ['producer', 3], ['reel', 4], ['showreel', 5], ['video production', 5],
      ],
      schemaTypes: ['Movie', 'TVSeries'],
    },
    defaults: { offerings: ['Commercials', 'Documentaries', 'Branded content', 'Post-production'], segments: ['Brands', 'Agencies', 'Broadcasters', 'Streamers'] },
  },
  {
    id: 'telecom',
    label: 'Telecom & internet providers',
    naics: '517111',
    sector: '51',
    businessModel: 'Sells broadband, mobile and voice plans on monthly contracts over its network, plus devices and business connectivity',
    vocabulary: vocab(t('subscriber'), t('plan'), t('bill'), t('coverage area'), t('technician'), { unit: t('line'), event: t('data session'), device: t('device'), ticket: t('service ticket') }),
    kpis: ['Subscribers', 'ARPU', 'Churn', 'Data usage per subscriber', 'Network availability', 'Net adds'],
    modules: ['subscriptions', 'usage'],
    signals: {
      identity: ['internet provider', 'internet service provider', 'isp', 'telecom', 'telecommunications', 'wireless carrier', 'broadband provider', 'mobile network'],
      keywords: [
        ['broadband', 5], ['fiber internet', 5], ['fibre broadband', 5], ['mbps', 5], ['gbps', 4], ['unlimited data', 5], ['5g', 4],
        ['coverage map', 5], ['wi-fi', 2], ['mobile plans', 5], ['sim', 3], ['phone plans', 5], ['check availability', 4], ['data plan', 4], ['roaming', 4],
      ],
      schemaTypes: ['TelecomService'],
    },
    defaults: { offerings: ['Fibre broadband', 'Mobile plans', 'TV', 'Business connectivity'], segments: ['Households', 'Students', 'Small businesses', 'Enterprises'] },
  },

  // ── 52 Finance & insurance ──
  {
    id: 'insurance',
    label: 'Insurance',
    naics: '524126',
    sector: '52',
    businessModel: 'Underwrites risk for premiums and pays claims, selling policies direct, through agents and brokers',
    vocabulary: vocab(t('policyholder'), t('policy', 'policies'), t('premium'), t('region'), t('agent'), { claim: t('claim'), category: t('line of business', 'lines of business'), channel: t('distribution channel') }),
    kpis: ['Gross written premium', 'Loss ratio', 'Combined ratio', 'Retention rate', 'Claims cycle time', 'Quote-to-bind rate'],
    modules: ['policies'],
    signals: {
      identity: ['insurance company', 'insurer', 'insurance agency', 'insurance broker', 'mutual insurance', 'insurance'],
      keywords: [
        ['insurance', 4], ['get a quote', 3], ['file a claim', 5], ['claims', 3], ['policyholders', 5], ['premium', 3], ['deductible', 5],
        ['coverage', 3], ['auto insurance', 5], ['home insurance', 5], ['life insurance', 5], ['underwriting', 5], ['liability', 3], ['insurance agent', 5],
      ],
      schemaTypes: ['InsuranceAgency'],
    },
    defaults: { offerings: ['Auto', 'Home', 'Life', 'Commercial liability'], segments: ['Families', 'Young drivers', 'Small businesses', 'Homeowners'] },
  },
  {
    id: 'investment_brokerage',
    label: 'Investment, brokerage & wealth management',
    naics: '523150',
    sector: '52',
    businessModel: 'Lets clients invest and trade or manages their money, earning fees on assets, spreads, interest and subscriptions',
    vocabulary: vocab(t('client'), t('account product'), t('trade'), t('market'), t('advisor'), { asset: t('holding'), category: t('asset class', 'asset classes'), plan: t('subscription'), unit: t('brokerage account') }),
    kpis: ['Assets under management', 'Funded accounts', 'Net deposits', 'Trades per account', 'Revenue per funded account', 'Client retention'],
    modules: ['usage', 'subscriptions'],
    signals: {
      identity: ['brokerage', 'investment firm', 'wealth management', 'asset management', 'financial advisor', 'trading platform', 'investing app'],
      keywords: [
        ['investing', 4], ['invest', 3], ['stocks', 4], ['trading', 4], ['commission-free', 5], ['brokerage', 5], ['portfolio', 3],
        ['etfs', 5], ['options trading', 5], ['crypto', 3], ['retirement', 3], ['ira', 4], ['wealth management', 5], ['sipc', 5], ['finra', 5],
        ['assets under management', 5], ['financial advisor', 4], ['robo-advisor', 5], ['market data', 3],
      ],
      schemaTypes: ['InvestmentOrDeposit', 'BrokerageAccount', 'InvestmentFund'],
    },
    defaults: { offerings: ['Brokerage account', 'Retirement account', 'Crypto', 'Managed portfolios'], segments: ['First-time investors', 'Active traders', 'High net worth', 'Retirement savers'] },
  },

  // ── 53 Real estate ──
  {
    id: 'real_estate',
    label: 'Real estate agencies & property management',
    naics: '531210',
    sector: '53',
    businessModel: 'Lists, sells, lets and manages property for owners, earning commissions on sales and fees on rentals and management',
    vocabulary: vocab(t('client'), t('property', 'properties'), t('transaction'), t('neighbourhood'), t('agent'), { listing: t('listing'), category: t('property type'), event: t('showing'), lease: t('lease') }),
    kpis: ['Listings', 'Days on market', 'Sale-to-list price ratio', 'Gross commission income', 'Occupancy rate', 'Agent productivity'],
    modules: ['listings'],
    signals: {
      identity: ['real estate', 'realtor', 'realty', 'estate agent', 'property management', 'real estate brokerage', 'letting agent'],
      keywords: [
        ['real estate', 4], ['homes for sale', 5], ['listings', 4], ['realtor', 5], ['open house', 5], ['property management', 5],
        ['mls', 4], ['buyers', 2], ['sellers', 2], ['home valuation', 5], ['rentals', 3], ['tenants', 3], ['sq ft', 3], ['bedrooms', 3], ['bathrooms', 2], ['for lease', 4],
      ],
      schemaTypes: ['RealEstateAgent', 'RealEstateListing', 'Residence', 'Apartment', 'House'],
    },
    defaults: { offerings: ['Residential sales', 'Rentals', 'Property management', 'Commercial leasing'], segments: ['First-time buyers', 'Sellers', 'Investors', 'Landlords'] },
  },

  // ── 54 Professional services ──
  {
    id: 'law_firm',
    label: 'Law firms & legal services',
    naics: '541110',
    sector: '54',
    businessModel: 'Represents and advises clients on legal matters, billing by the hour, on contingency or by flat fee',
    vocabulary: vocab(t('client'), t('practice area'), t('matter'), t('office'), t('attorney'), { category: t('practice area'), outcome: t('outcome'), time: t('billable hour'), event: t('consultation') }),
    kpis: ['Billable hours', 'Realisation rate', 'Utilisation', 'Matters opened', 'Average fee per matter', 'Win/settlement rate', 'Collection rate'],
    modules: ['projects'],
    signals: {
      identity: ['law firm', 'law office', 'law offices', 'attorneys', 'attorneys at law', 'lawyers', 'solicitors', 'legal services', 'law group', 'attorney', 'lawyer', 'barristers'],
      keywords: [
        ['attorney', 4], ['attorneys', 4], ['lawyer', 4], ['lawyers', 4], ['law firm', 5], ['legal', 3], ['practice areas', 5], ['free consultation', 4],
        ['personal injury', 5], ['litigation', 5], ['verdicts', 5], ['settlements', 4], ['case results', 5], ['estate planning', 4], ['family law', 5],
        ['criminal defense', 5], ['attorney-client', 5], ['counsel', 3], ['no fee unless we win', 5], ['bar association', 4],
      ],
      schemaTypes: ['LegalService', 'Attorney', 'Notary'],
    },
    defaults: { offerings: ['Litigation', 'Corporate', 'Employment', 'Estate planning'], segments: ['Individuals', 'Small businesses', 'Corporations', 'Insurers'] },
  },
  {
    id: 'accounting',
    label: 'Accounting, tax & bookkeeping',
    naics: '541211',
    sector: '54',
    businessModel: 'Prepares accounts, audits and tax returns and advises businesses and individuals, billed by engagement, hour or monthly retainer',
    vocabulary: vocab(t('client'), t('service'), t('engagement'), t('office'), t('accountant'), { category: t('service line'), time: t('billable hour'), deadline: t('filing deadline') }),
    kpis: ['Billable hours', 'Realisation rate', 'Revenue per client', 'Engagements on time', 'Client retention', 'Work in progress days'],
    modules: ['projects', 'subscriptions'],
    signals: {
      identity: ['accounting firm', 'cpa firm', 'accountants', 'chartered accountants', 'certified public accountants', 'bookkeeping', 'tax preparation'],
      keywords: [
        ['accounting', 4], ['cpa', 5], ['tax preparation', 5], ['bookkeeping', 5], ['audit', 4], ['tax returns', 5], ['payroll', 3],
        ['assurance', 4], ['tax planning', 5], ['advisory', 2], ['financial statements', 4], ['irs', 3], ['quickbooks', 4],
      ],
      schemaTypes: ['AccountingService'],
    },
    defaults: { offerings: ['Tax', 'Audit & assurance', 'Bookkeeping', 'Advisory'], segments: ['Small businesses', 'Individuals', 'Nonprofits', 'Mid-size companies'] },
  },
  {
    id: 'consulting',
    label: 'Consulting & professional services',
    naics: '541611',
    sector: '54',
    businessModel: 'Sells expertise as engagements, billed by time and materials, fixed fee or retainer',
    vocabulary: vocab(t('client'), t('service'), t('engagement'), t('office'), t('consultant'), { category: t('practice'), time: t('billable hour'), deliverable: t('deliverable'), outcome: t('outcome') }),
    kpis: ['Utilisation', 'Billable hours', 'Revenue per consultant', 'Project margin', 'Pipeline', 'Client retention'],
    modules: ['projects'],
    signals: {
      identity: ['consulting firm', 'consultancy', 'management consulting', 'advisory firm', 'consultants', 'professional services firm'],
      keywords: [
        ['consulting', 4], ['consultancy', 5], ['consultants', 4], ['advisory', 3], ['strategy', 2], ['transformation', 3], ['engagements', 4],
        ['case studies', 3], ['our expertise', 3], ['clients', 2], ['workshops', 2], ['change management', 4], ['due diligence', 4],
      ],
      schemaTypes: ['ProfessionalService'],
    },
    defaults: { offerings: ['Strategy', 'Operations', 'Technology', 'People & change'], segments: ['Enterprises', 'Mid-market', 'Public sector', 'Private equity'] },
  },
  {
    id: 'marketing_agency',
    label: 'Marketing, advertising & PR agencies',
    naics: '541810',
    sector: '54',
    businessModel: 'Plans and runs campaigns, media and communications for client brands on retainers and project fees',
    vocabulary: vocab(t('client'), t('service'), t('campaign'), t('office'), t('account manager'), { category: t('discipline'), channel: t('channel'), deliverable: t('deliverable'), outcome: t('result'), content: t('content piece'), view: t('audience view') }),
    kpis: ['Retainer revenue', 'Client retention', 'Billable utilisation', 'Campaign ROI', 'Media placements', 'New business win rate'],
    modules: ['projects', 'content'],
    signals: {
      identity: ['marketing agency', 'advertising agency', 'pr agency', 'public relations', 'digital agency', 'communications agency', 'pr firm', 'media agency', 'agency'],
      keywords: [
        ['public relations', 5], ['pr', 2], ['media relations', 5], ['brand strategy', 4], ['digital marketing', 4], ['seo', 3], ['social media', 2],
        ['campaigns', 3], ['advertising', 3], ['press releases', 4], ['thought leadership', 4], ['paid media', 5], ['influencer', 4], ['our work', 2],
        ['clients', 2], ['crisis communications', 5], ['media coverage', 4],
      ],
    },
    defaults: { offerings: ['PR', 'Social media', 'Paid media', 'Content'], segments: ['Tech companies', 'Consumer brands', 'Healthcare', 'Nonprofits'] },
  },
  {
    id: 'creative_studio',
    label: 'Creative, design & motion studios',
    naics: '541430',
    sector: '54',
    businessModel: 'Designs brands, motion graphics, visuals and experiences for clients, billed per project or day rate',
    vocabulary: vocab(t('client'), t('service'), t('project'), t('studio'), t('designer'), { category: t('discipline'), deliverable: t('deliverable'), event: t('show'), time: t('studio day') }),
    kpis: ['Projects delivered', 'Day-rate revenue', 'Project margin', 'On-time delivery', 'Repeat clients', 'Utilisation'],
    modules: ['projects'],
    signals: {
      identity: ['creative studio', 'design studio', 'motion studio', 'animation studio', 'branding agency', 'design agency', 'creative agency', 'visual studio', 'studio'],
      keywords: [
        ['motion graphics', 5], ['motion design', 5], ['animation', 4], ['visuals', 4], ['branding', 4], ['graphic design', 5], ['3d', 3], ['vfx', 5],
        ['art direction', 5], ['portfolio', 3], ['projection mapping', 5], ['real-time', 3], ['content creation', 3], ['illustration', 4], ['our work', 3],
        ['live visuals', 5], ['stage design', 5], ['creative', 2], ['design', 2],
      ],
    },
    defaults: { offerings: ['Motion graphics', 'Brand identity', 'Live visuals', 'Animation'], segments: ['Artists & tours', 'Brands', 'Agencies', 'Event producers'] },
  },
  {
    id: 'architecture_engineering',
    label: 'Architecture & engineering firms',
    naics: '541330',
    sector: '54',
    businessModel: 'Designs buildings and infrastructure for owners and contractors, billed as a fee by project phase',
    vocabulary: vocab(t('client'), t('service'), t('project'), t('office'), t('architect'), { category: t('sector'), phase: t('design phase'), deliverable: t('drawing set') }),
    kpis: ['Fee revenue', 'Utilisation', 'Project margin', 'Backlog', 'Proposal win rate', 'Change orders'],
    modules: ['projects'],
    signals: {
      identity: ['architecture firm', 'architects', 'engineering firm', 'consulting engineers', 'architecture studio', 'structural engineers'],
      keywords: [
        ['architecture', 4], ['architects', 4], ['architectural', 4], ['structural engineering', 5], ['civil engineering', 5], ['mep', 4],
        ['master planning', 5], ['interior design', 3], ['leed', 4], ['feasibility studies', 4], ['urban design', 5], ['engineering services', 4],
      ],
    },
    defaults: { offerings: ['Architecture', 'Interior design', 'Structural engineering', 'Planning'], segments: ['Developers', 'Public sector', 'Healthcare', 'Education'] },
  },
  {
    id: 'it_services',
    label: 'IT services & managed services',
    naics: '541512',
    sector: '54',
    businessModel: 'Runs and supports clients’ IT, cloud and security on monthly managed-service contracts plus projects',
    vocabulary: vocab(t('client'), t('service'), t('contract'), t('region'), t('engineer'), { ticket: t('ticket'), category: t('service line'), unit: t('managed device') }),
    kpis: ['Monthly recurring revenue', 'Tickets per endpoint', 'First response time', 'SLA attainment', 'Client churn', 'Project margin'],
    modules: ['subscriptions', 'projects'],
    signals: {
      identity: ['managed service provider', 'msp', 'it services', 'it consulting', 'it support company', 'systems integrator'],
      keywords: [
        ['managed services', 5], ['it support', 5], ['help desk', 4], ['cybersecurity', 3], ['cloud migration', 5], ['network security', 4],
        ['microsoft 365', 4], ['backup and disaster recovery', 5], ['endpoints', 3], ['msp', 5], ['it consulting', 5],
      ],
    },
    defaults: { offerings: ['Managed IT', 'Cybersecurity', 'Cloud', 'Projects'], segments: ['Small businesses', 'Healthcare', 'Professional services', 'Manufacturing'] },
  },
  {
    id: 'veterinary',
    label: 'Veterinary clinics & animal care',
    naics: '541940',
    sector: '54',
    businessModel: 'Treats pets and animals at its clinics, billed per visit and procedure, plus wellness plans and pharmacy',
    vocabulary: vocab(t('pet owner'), t('service'), t('visit'), t('clinic'), t('veterinarian'), { patient: t('pet'), category: t('animal type'), plan: t('wellness plan'), encounter: t('treatment') }),
    kpis: ['Visits', 'Average invoice', 'New clients', 'Vaccination compliance', 'Wellness plan members', 'Appointment utilisation'],
    modules: ['appointments', 'encounters'],
    signals: {
      identity: ['veterinary clinic', 'animal hospital', 'veterinarian', 'vet clinic', 'veterinary hospital', 'pet clinic'],
      keywords: [
        ['veterinary', 5], ['veterinarian', 5], ['pets', 3], ['dogs', 2], ['cats', 2], ['vaccinations', 4], ['spay', 5], ['neuter', 5], ['grooming', 3], ['boarding', 2],
      ],
      schemaTypes: ['VeterinaryCare'],
    },
    defaults: { offerings: ['Wellness exams', 'Vaccinations', 'Surgery', 'Dentistry'], segments: ['Dog owners', 'Cat owners', 'Exotic pets', 'Breeders'] },
  },

  // ── 55 Management of companies ──
  {
    id: 'holding_company',
    label: 'Holding companies & corporate groups',
    naics: '551112',
    sector: '55',
    businessModel: 'Owns and manages a portfolio of operating companies, earning from their profits, dividends and disposals',
    vocabulary: vocab(t('portfolio company', 'portfolio companies'), t('business unit'), t('investment'), t('market'), t('executive'), { category: t('segment'), asset: t('holding') }),
    kpis: ['Group revenue', 'EBITDA by business unit', 'Return on invested capital', 'Cash conversion', 'Portfolio growth'],
    modules: ['projects'],
    signals: {
      identity: ['holding company', 'holdings', 'group of companies', 'conglomerate', 'investment holding'],
      keywords: [
        ['our companies', 5], ['portfolio companies', 5], ['subsidiaries', 4], ['group companies', 5], ['investor relations', 3], ['annual report', 2],
        ['shareholders', 3], ['business units', 3], ['acquisitions', 3],
      ],
    },
    defaults: { offerings: ['Industrial', 'Consumer', 'Services', 'Real estate'], segments: ['Operating companies', 'Investors', 'Partners'] },
  },

  // ── 56 Administrative & support ──
  {
    id: 'business_services',
    label: 'Business support & facility services',
    naics: '561720',
    sector: '56',
    businessModel: 'Provides cleaning, security, facility and office support services to businesses on recurring contracts',
    vocabulary: vocab(t('client'), t('service'), t('contract'), t('site'), t('operative'), { visit: t('shift'), category: t('service line'), ticket: t('work request') }),
    kpis: ['Contract revenue', 'Contract renewals', 'Labour cost %', 'Service level attainment', 'Staff turnover', 'Quality audit score'],
    modules: ['subscriptions', 'appointments'],
    signals: {
      identity: ['cleaning company', 'janitorial services', 'security company', 'facility services', 'facilities management', 'commercial cleaning'],
      keywords: [
        ['janitorial', 5], ['commercial cleaning', 5], ['facility management', 5], ['facilities management', 5], ['security guards', 5],
        ['office cleaning', 5], ['cleaning services', 4], ['call center', 3], ['outsourcing', 3], ['pest control', 3],
      ],
    },
    defaults: { offerings: ['Cleaning', 'Security', 'Maintenance', 'Reception'], segments: ['Offices', 'Retail sites', 'Healthcare', 'Schools'] },
  },
  {
    id: 'staffing',
    label: 'Staffing & recruitment',
    naics: '561311',
    sector: '56',
    businessModel: 'Places temporary and permanent workers with employers, earning a markup on hours worked or a placement fee',
    vocabulary: vocab(t('client'), t('role'), t('placement'), t('branch', 'branches'), t('recruiter'), { candidate: t('candidate'), category: t('job category', 'job categories'), time: t('hour worked', 'hours worked') }),
    kpis: ['Placements', 'Fill rate', 'Time to fill', 'Gross margin per hour', 'Candidate redeployment rate', 'Client retention'],
    modules: ['projects'],
    signals: {
      identity: ['staffing agency', 'recruitment agency', 'staffing company', 'recruiting firm', 'executive search', 'employment agency'],
      keywords: [
        ['staffing', 5], ['recruitment', 4], ['recruiting', 4], ['job seekers', 5], ['find a job', 4], ['hire talent', 5], ['temp-to-hire', 5],
        ['placements', 4], ['candidates', 3], ['submit your resume', 5], ['employers', 3], ['executive search', 5],
      ],
      schemaTypes: ['EmploymentAgency'],
    },
    defaults: { offerings: ['Temporary staffing', 'Permanent placement', 'Executive search', 'RPO'], segments: ['Light industrial', 'Office & admin', 'IT', 'Healthcare'] },
  },
  {
    id: 'waste_management',
    label: 'Waste management & recycling',
    naics: '562111',
    sector: '56',
    businessModel: 'Collects, hauls, recycles and disposes of waste for households, businesses and municipalities on service contracts',
    vocabulary: vocab(t('customer'), t('service'), t('pickup'), t('route'), t('driver'), { unit: t('container'), event: t('collection'), category: t('waste stream'), vehicle: t('truck'), subscription: t('service contract') }),
    kpis: ['Tons collected', 'Diversion rate', 'Pickups per route-hour', 'Revenue per container', 'Missed pickup rate', 'Landfill cost per ton'],
    modules: ['shipments', 'subscriptions'],
    signals: {
      identity: ['waste management', 'recycling company', 'waste hauler', 'junk removal'],
      keywords: [
        ['recycling', 4], ['waste collection', 5], ['dumpster rental', 5], ['roll-off', 5], ['trash pickup', 5], ['landfill', 4], ['compost', 3], ['hauling', 4],
      ],
    },
    defaults: { offerings: ['Residential collection', 'Commercial collection', 'Roll-off', 'Recycling'], segments: ['Households', 'Businesses', 'Municipalities', 'Construction'] },
  },

  // ── 61 Education ──
  {
    id: 'k12_school',
    label: 'Schools (K-12)',
    naics: '611110',
    sector: '61',
    businessModel: 'Educates children from kindergarten to secondary school, funded by tuition (independent schools) or public funds',
    vocabulary: vocab(t('family', 'families'), t('program'), t('enrolment'), t('campus', 'campuses'), t('teacher'), { student: t('student'), category: t('grade'), course: t('class', 'classes') }),
    kpis: ['Enrolment', 'Retention', 'Attendance rate', 'Student-teacher ratio', 'Tuition revenue', 'Graduation rate'],
    modules: ['enrolments'],
    signals: {
      identity: ['elementary school', 'high school', 'middle school', 'primary school', 'secondary school', 'academy', 'school district', 'montessori', 'preschool'],
      keywords: [
        ['kindergarten', 5], ['grades', 3], ['parents', 3], ['pta', 5], ['school district', 5], ['principal', 4], ['classroom', 3], ['homework', 4],
        ['school year', 4], ['enrollment', 3], ['pre-k', 5], ['after-school', 4], ['lunch menu', 4],
      ],
      schemaTypes: ['School', 'HighSchool', 'MiddleSchool', 'ElementarySchool', 'Preschool'],
    },
    defaults: { offerings: ['Elementary', 'Middle school', 'High school', 'After-school'], segments: ['Families', 'Boarding students', 'International families', 'Scholarship students'] },
  },
  {
    id: 'training',
    label: 'Training, tutoring & online courses',
    naics: '611430',
    sector: '61',
    businessModel: 'Teaches skills through courses, bootcamps, tutoring and certifications, sold per course or by subscription',
    vocabulary: vocab(t('learner'), t('course'), t('enrolment'), t('learning centre'), t('instructor'), { category: t('subject'), session: t('lesson'), outcome: t('certification') }),
    kpis: ['Enrolments', 'Completion rate', 'Certification pass rate', 'Revenue per learner', 'Learner satisfaction', 'Repeat enrolment'],
    modules: ['enrolments', 'subscriptions'],
    signals: {
      identity: ['training provider', 'online courses', 'bootcamp', 'tutoring', 'academy', 'e-learning', 'driving school', 'language school'],
      keywords: [
        ['courses', 3], ['online courses', 4], ['bootcamp', 5], ['tutoring', 5], ['certification', 3], ['learners', 4], ['lessons', 3], ['workshops', 2],
        ['enroll now', 4], ['self-paced', 5], ['instructor-led', 5], ['cpd', 4], ['certificate', 2],
      ],
      schemaTypes: ['Course', 'CourseInstance'],
    },
    defaults: { offerings: ['Foundations course', 'Advanced course', 'Certification prep', 'Corporate training'], segments: ['Career changers', 'Professionals', 'Teams', 'Students'] },
  },

  // ── 62 Health & social assistance ──
  {
    id: 'dental',
    label: 'Dental practices',
    naics: '621210',
    sector: '62',
    businessModel: 'Provides dental care at its practices, billed to patients, insurers and membership plans per procedure',
    vocabulary: vocab(t('patient'), t('treatment'), t('visit'), t('practice'), t('dentist'), { category: t('procedure type'), visit: t('appointment'), payer: t('insurer'), encounter: t('procedure') }),
    kpis: ['Patient visits', 'Production per chair', 'Recall rate', 'Case acceptance', 'New patients', 'Collection rate'],
    modules: ['appointments', 'encounters'],
    signals: {
      identity: ['dental practice', 'dentist', 'dental clinic', 'dental office', 'orthodontist', 'dental care'],
      keywords: [
        ['dentist', 5], ['dental', 4], ['teeth whitening', 5], ['implants', 4], ['invisalign', 5], ['orthodontics', 5], ['cleanings', 3], ['root canal', 5], ['crowns', 3],
      ],
      schemaTypes: ['Dentist'],
    },
    defaults: { offerings: ['Check-ups', 'Cleanings', 'Whitening', 'Implants'], segments: ['Families', 'Children', 'Seniors', 'Cosmetic patients'] },
  },
  {
    id: 'senior_care',
    label: 'Home health & senior care',
    naics: '623311',
    sector: '62',
    businessModel: 'Cares for older adults in residences or at home, paid monthly by residents, families and public programmes',
    vocabulary: vocab(t('resident'), t('care level'), t('stay'), t('community', 'communities'), t('caregiver'), { visit: t('care visit'), encounter: t('care visit'), category: t('care type'), family: t('family member') }),
    kpis: ['Occupancy', 'Average length of stay', 'Care hours delivered', 'Revenue per resident', 'Staff turnover', 'Incident rate'],
    modules: ['bookings', 'encounters'],
    signals: {
      identity: ['assisted living', 'senior living', 'nursing home', 'home care agency', 'retirement community', 'memory care', 'home health'],
      keywords: [
        ['assisted living', 5], ['memory care', 5], ['senior living', 5], ['caregivers', 4], ['in-home care', 5], ['respite care', 5], ['residents', 3], ['skilled nursing', 5],
      ],
    },
    defaults: { offerings: ['Independent living', 'Assisted living', 'Memory care', 'Home care'], segments: ['Seniors', 'Families', 'Veterans', 'Medicaid residents'] },
  },
  {
    id: 'food_bank',
    label: 'Food banks & community services',
    naics: '624210',
    sector: '62',
    businessModel: 'Collects donated and purchased food and money and distributes meals and groceries to people in need through partner agencies, funded by donors and grants',
    vocabulary: vocab(t('neighbour'), t('programme'), t('distribution'), t('pantry', 'pantries'), t('volunteer'), { donor: t('donor'), gift: t('donation'), partner: t('partner agency', 'partner agencies'), unit: t('pound of food', 'pounds of food'), member: t('donor'), shipment: t('delivery', 'deliveries'), vehicle: t('truck') }),
    kpis: ['Pounds distributed', 'Meals provided', 'People served', 'Donations raised', 'Volunteer hours', 'Cost per meal'],
    modules: ['donations', 'shipments'],
    signals: {
      identity: ['food bank', 'food pantry', 'community food bank', 'food rescue', 'soup kitchen', 'hunger relief'],
      keywords: [
        ['food bank', 5], ['food pantry', 5], ['hunger', 4], ['food insecurity', 5], ['meals', 3], ['volunteer', 3], ['donate', 3], ['donate food', 5],
        ['food drive', 5], ['partner agencies', 5], ['pantries', 5], ['neighbors in need', 5], ['pounds of food', 5], ['snap', 3],
      ],
    },
    defaults: { offerings: ['Emergency food boxes', 'Mobile pantry', 'Senior boxes', 'School meals'], segments: ['Families with children', 'Seniors', 'Students', 'Partner agencies'] },
  },

  {
    id: 'childcare',
    label: 'Childcare & early learning centers',
    naics: '624410',
    sector: '62',
    businessModel: 'Cares for and teaches infants, toddlers and preschoolers at its centers, paid in monthly tuition by families and child care subsidies',
    vocabulary: vocab(t('family', 'families'), t('program'), t('enrolment'), t('center'), t('teacher'), { student: t('child', 'children'), category: t('age group'), subscription: t('care agreement'), session: t('classroom') }),
    kpis: ['Enrolled children', 'Occupancy by classroom', 'Waitlist', 'Tuition revenue', 'Subsidy share', 'Teacher-to-child ratio', 'Family retention'],
    modules: ['enrolments', 'subscriptions'],
    signals: {
      identity: ['child care center', 'childcare center', 'child care centre', 'childcare centre', 'daycare', 'day care', 'early learning center', 'early learning centre', 'early learning', 'child development center', 'nursery school', 'childcare'],
      keywords: [
        ['daycare', 5], ['day care', 5], ['childcare', 5], ['child care', 5], ['infant care', 5], ['infants', 3], ['toddlers', 4], ['toddler program', 5],
        ['early learning', 4], ['play-based', 4], ['child care subsidies', 5], ['subsidies', 2], ['waitlist', 2], ['staff-to-child ratios', 5], ['daily reports', 3],
        ['potty training', 5], ['before and after school care', 5], ['pre-k', 2], ['tuition', 2],
      ],
      schemaTypes: ['ChildCare'],
    },
    defaults: { offerings: ['Infant care', 'Toddler program', 'Preschool', 'Pre-K', 'After-school care'], segments: ['Full-time families', 'Subsidized families', 'Sibling families', 'Part-time families'] },
  },
  // ── 71 Arts, entertainment & recreation ──
  {
    id: 'fitness_wellness',
    label: 'Fitness & wellness (gyms, studios, spas)',
    naics: '713940',
    sector: '71',
    businessModel: 'Sells memberships, class packs and personal training at its gyms or studios, plus treatments and retail',
    vocabulary: vocab(t('member'), t('membership'), t('visit'), t('club'), t('coach', 'coaches'), { session: t('class', 'classes'), category: t('class type'), plan: t('membership plan'), event: t('check-in') }),
    kpis: ['Active members', 'Member churn', 'Class fill rate', 'Visits per member', 'Revenue per member', 'Personal training attach rate'],
    modules: ['subscriptions', 'appointments'],
    signals: {
      identity: ['gym', 'fitness studio', 'fitness center', 'fitness centre', 'health club', 'yoga studio', 'pilates studio', 'day spa', 'spa', 'crossfit', 'wellness center'],
      keywords: [
        ['gym', 4], ['fitness', 4], ['membership', 3], ['memberships', 3], ['class schedule', 5], ['personal training', 5], ['yoga', 4], ['pilates', 5],
        ['hiit', 5], ['spin', 3], ['free trial class', 5], ['massage', 4], ['facials', 5], ['wellness', 2], ['workouts', 4], ['strength', 2], ['trainers', 3],
      ],
      schemaTypes: ['ExerciseGym', 'SportsActivityLocation', 'HealthClub', 'DaySpa', 'YogaStudio'],
    },
    defaults: { offerings: ['Monthly membership', 'Class packs', 'Personal training', 'Spa treatments'], segments: ['Regulars', 'New members', 'Corporate members', 'Students'] },
  },
  {
    id: 'cultural_institution',
    label: 'Libraries, museums & cultural institutions',
    naics: '712110',
    sector: '71',
    businessModel: 'Preserves and shows collections to the public, funded by admissions, memberships, donations, grants and its parent institution',
    vocabulary: vocab(t('visitor'), t('exhibition'), t('visit'), t('gallery', 'galleries'), t('curator'), { event: t('event'), member: t('member'), collection: t('collection item'), category: t('collection') }),
    kpis: ['Visitors', 'Members', 'Event attendance', 'Admissions revenue', 'Collection loans', 'Donations'],
    modules: ['bookings', 'donations'],
    signals: {
      identity: ['museum', 'library', 'libraries', 'gallery', 'art gallery', 'archive', 'archives', 'cultural centre', 'cultural center', 'historical society', 'special collections'],
      keywords: [
        ['museum', 5], ['exhibition', 4], ['exhibitions', 4], ['exhibit', 4], ['exhibits', 4], ['collections', 3], ['special collections', 5], ['library', 3],
        ['libraries', 3], ['archives', 4], ['curator', 4], ['gallery', 3], ['admission', 3], ['lectures', 3], ['manuscripts', 4], ['artifacts', 4], ['visit us', 2],
      ],
      schemaTypes: ['Museum', 'Library', 'ArtGallery', 'ExhibitionEvent', 'ArchiveOrganization'],
    },
    defaults: { offerings: ['Permanent collection', 'Exhibitions', 'Lectures', 'Family programmes'], segments: ['Members', 'Students', 'Tourists', 'Researchers'] },
  },
  {
    id: 'live_events',
    label: 'Live events, venues & performing arts',
    naics: '711310',
    sector: '71',
    businessModel: 'Puts on concerts, shows, festivals and sporting events, earning from tickets, sponsorship, food and drink and merchandise',
    vocabulary: vocab(t('attendee'), t('event'), t('ticket'), t('venue'), t('crew member'), { category: t('genre'), session: t('performance'), sponsor: t('sponsor') }),
    kpis: ['Tickets sold', 'Sell-through rate', 'Revenue per attendee', 'Sponsorship revenue', 'No-show rate', 'Repeat attendees'],
    modules: ['bookings', 'orders'],
    signals: {
      identity: ['venue', 'theatre', 'theater', 'concert hall', 'festival', 'arena', 'event venue', 'orchestra', 'ballet', 'opera'],
      keywords: [
        ['tickets', 4], ['buy tickets', 5], ['box office', 5], ['upcoming events', 4], ['lineup', 5], ['performances', 4], ['season tickets', 5],
        ['concerts', 4], ['festival', 3], ['shows', 2], ['seating chart', 5], ['venue', 3], ['live music', 4],
      ],
      schemaTypes: ['EventVenue', 'PerformingArtsTheater', 'MusicVenue', 'TheaterEvent', 'MusicEvent', 'Festival', 'StadiumOrArena', 'PerformingGroup'],
    },
    defaults: { offerings: ['Concerts', 'Theatre', 'Festivals', 'Private hire'], segments: ['Season ticket holders', 'Families', 'Tourists', 'Corporate hospitality'] },
  },

  {
    id: 'golf_club',
    label: 'Golf courses & country clubs',
    naics: '713910',
    sector: '71',
    businessModel: 'Sells tee times and green fees on its courses, club memberships and dues, lessons, pro shop sales and events',
    vocabulary: vocab(t('golfer'), t('rate'), t('tee time'), t('course'), t('golf professional'), { unit: t('round'), subscription: t('membership'), category: t('rate type'), member: t('member') }),
    kpis: ['Rounds played', 'Tee sheet utilisation', 'Revenue per round', 'Active members', 'Member retention', 'Lesson revenue', 'Pro shop sales'],
    modules: ['bookings', 'subscriptions'],
    signals: {
      identity: ['golf club', 'golf course', 'golf courses', 'country club', 'golf resort', 'golf links', 'golf and country club'],
      keywords: [
        ['golf', 4], ['tee times', 5], ['tee time', 5], ['green fees', 5], ['green fee', 5], ['18-hole', 5], ['9-hole', 4], ['pro shop', 4], ['golf lessons', 5],
        ['pga', 3], ['clubhouse', 3], ['twilight rates', 5], ['driving range', 5], ['member-guest', 5], ['club fitting', 5], ['golf carts', 4],
      ],
      schemaTypes: ['GolfCourse'],
    },
    defaults: { offerings: ['18-hole green fee', 'Golf outing', 'Full membership', '9-hole green fee', 'Twilight rate', 'Golf lessons'], segments: ['Members', 'Public golfers', 'Juniors', 'Seasonal residents'] },
  },
  // ── 72 Accommodation & food services ──
  {
    id: 'coffeehouse',
    label: 'Cafés & coffeehouse chains',
    naics: '722515',
    sector: '72',
    businessModel: 'Serves coffee, drinks and food in its cafés, for mobile order and delivery, with a rewards programme driving repeat visits',
    vocabulary: vocab(t('guest'), t('drink'), t('order'), t('store'), t('barista'), { category: t('menu category', 'menu categories'), channel: t('order channel'), member: t('rewards member'), item: t('menu item') }),
    kpis: ['Comparable store sales', 'Transactions', 'Average ticket', 'Rewards member share', 'Mobile order share', 'Drinks per labour hour'],
    modules: ['orders'],
    signals: {
      identity: ['coffeehouse', 'coffee house', 'coffee shop', 'café', 'cafe', 'espresso bar', 'tea house', 'coffee company', 'bakery café'],
      keywords: [
        ['coffee', 4], ['espresso', 4], ['latte', 5], ['cappuccino', 5], ['cold brew', 5], ['frappuccino', 5], ['barista', 5], ['baristas', 5],
        ['café', 3], ['cafe', 3], ['pastries', 3], ['rewards', 2], ['order ahead', 5], ['mobile order', 5], ['drinks', 2], ['tea', 1], ['menu', 2], ['store locator', 3],
      ],
      schemaTypes: ['CafeOrCoffeeShop'],
    },
    defaults: { offerings: ['Hot coffee', 'Cold drinks', 'Tea', 'Bakery', 'Breakfast'], segments: ['Commuters', 'Rewards members', 'Students', 'Remote workers'] },
  },
  {
    id: 'hotel',
    label: 'Hotels & lodging',
    naics: '721110',
    sector: '72',
    businessModel: 'Rents rooms by the night, directly and through travel agencies, plus dining, events and spa revenue',
    vocabulary: vocab(t('guest'), t('room type'), t('stay'), t('property', 'properties'), t('front desk agent'), { booking: t('reservation'), unit: t('room'), channel: t('booking channel'), category: t('rate plan') }),
    kpis: ['Occupancy', 'ADR', 'RevPAR', 'Length of stay', 'Direct booking share', 'Guest satisfaction'],
    modules: ['bookings'],
    signals: {
      identity: ['hotel', 'inn', 'resort', 'motel', 'bed and breakfast', 'b&b', 'guesthouse', 'lodge', 'boutique hotel', 'hostel'],
      keywords: [
        ['hotel', 4], ['rooms', 3], ['suites', 4], ['book your stay', 5], ['check availability', 3], ['check-in', 3], ['check-out', 3], ['amenities', 3],
        ['guest rooms', 5], ['best rate guarantee', 5], ['nightly', 4], ['resort', 4], ['spa', 2], ['concierge', 4], ['weddings', 2], ['stay', 2],
      ],
      schemaTypes: ['Hotel', 'LodgingBusiness', 'Resort', 'BedAndBreakfast', 'Motel', 'Hostel', 'HotelRoom', 'LodgingReservation', 'Campground'],
    },
    defaults: { offerings: ['Standard room', 'Deluxe room', 'Suite', 'Packages'], segments: ['Leisure travellers', 'Business travellers', 'Groups', 'Weddings'] },
  },

  // ── 81 Other services ──
  {
    id: 'nonprofit',
    label: 'Nonprofits & charities',
    naics: '813219',
    sector: '81',
    businessModel: 'Raises donations, grants and memberships and spends them on its mission programmes',
    vocabulary: vocab(t('supporter'), t('programme'), t('donation'), t('chapter'), t('volunteer'), { donor: t('donor'), campaign: t('appeal'), outcome: t('impact'), member: t('member'), grant: t('grant') }),
    kpis: ['Funds raised', 'Donor retention', 'Average gift', 'Programme spend ratio', 'People served', 'Volunteer hours'],
    modules: ['donations'],
    signals: {
      identity: ['nonprofit', 'non-profit', 'not-for-profit', 'charity', 'charitable organization', 'registered charity', 'foundation', 'ngo', '501(c)(3)'],
      keywords: [
        ['donate', 4], ['donate now', 5], ['donation', 4], ['donations', 4], ['nonprofit', 5], ['non-profit', 5], ['charity', 5], ['volunteer', 3],
        ['our mission', 3], ['501(c)(3)', 5], ['tax-deductible', 5], ['fundraising', 4], ['give', 2], ['impact', 2], ['registered charity', 5], ['our impact', 4],
      ],
      schemaTypes: ['NGO', 'NonprofitOrganization'],
    },
    defaults: { offerings: ['Programmes', 'Advocacy', 'Community outreach', 'Grants'], segments: ['Individual donors', 'Monthly givers', 'Corporate partners', 'Foundations'] },
  },
  {
    id: 'health_charity',
    label: 'Health charities & patient organisations',
    naics: '813212',
    sector: '81',
    businessModel: 'Funds research, patient support and awareness for a disease or condition from donations, events and grants',
    vocabulary: vocab(t('supporter'), t('programme'), t('donation'), t('chapter'), t('volunteer'), { donor: t('donor'), event: t('fundraising event'), outcome: t('research grant'), campaign: t('appeal') }),
    kpis: ['Funds raised', 'Research funded', 'People supported', 'Donor retention', 'Event participants', 'Cost to raise a dollar'],
    modules: ['donations'],
    signals: {
      identity: ['health charity', 'patient organisation', 'patient organization', 'cancer charity', 'foundation', 'society', 'association'],
      keywords: [
        ['research', 2], ['cure', 4], ['patients', 2], ['support services', 3], ['awareness', 4], ['cancer', 3], ['diabetes', 3], ['alzheimer', 4],
        ['donate', 4], ['fundraise', 4], ['walk', 2], ['caregivers', 2], ['clinical trials', 3], ['living with', 4], ['diagnosed', 4],
      ],
    },
    defaults: { offerings: ['Research funding', 'Patient support', 'Awareness', 'Advocacy'], segments: ['Individual donors', 'Event participants', 'Corporate partners', 'Patients & families'] },
  },
  {
    id: 'association_standards',
    label: 'Associations, standards bodies & internet governance',
    naics: '813910',
    sector: '81',
    businessModel: 'Serves its members and the public by setting standards, running registries and certification, funded by membership dues, fees and sponsors',
    vocabulary: vocab(t('member'), t('standard'), t('membership'), t('chapter'), t('staff member'), { category: t('working group'), event: t('conference'), registry: t('registry entry', 'registry entries'), request: t('request') }),
    kpis: ['Members', 'Membership renewals', 'Standards published', 'Registry requests handled', 'Conference attendance', 'Dues revenue'],
    modules: ['donations', 'subscriptions'],
    signals: {
      identity: ['association', 'standards body', 'standards organization', 'trade association', 'professional association', 'consortium', 'authority', 'federation', 'institute', 'society', 'foundation'],
      keywords: [
        ['standards', 4], ['specifications', 4], ['specification', 4], ['working groups', 5], ['working group', 5], ['membership', 3], ['members', 2],
        ['governance', 4], ['registry', 4], ['registries', 5], ['protocol', 3], ['protocols', 3], ['rfc', 5], ['interoperability', 5], ['certification', 3],
        ['annual conference', 4], ['bylaws', 5], ['board of directors', 2], ['technical committee', 5], ['dns', 4], ['root zone', 5], ['ip addresses', 4],
        ['domain names', 3], ['open standard', 5], ['community', 2], ['industry association', 5], ['internet', 2],
      ],
      schemaTypes: [],
    },
    defaults: { offerings: ['Standards', 'Certification', 'Conferences', 'Member services'], segments: ['Member organisations', 'Individual members', 'Implementers', 'Public bodies'] },
  },
  {
    id: 'religious_organization',
    label: 'Churches & religious organisations',
    naics: '813110',
    sector: '81',
    businessModel: 'Serves a congregation through worship, ministries and community programmes, funded by giving and donations',
    vocabulary: vocab(t('congregant'), t('ministry', 'ministries'), t('gift'), t('campus', 'campuses'), t('pastor'), { event: t('service'), donor: t('giver'), member: t('member') }),
    kpis: ['Weekly attendance', 'Giving', 'Recurring givers', 'Small group participation', 'Volunteers', 'New visitors'],
    modules: ['donations'],
    signals: {
      identity: ['church', 'parish', 'synagogue', 'mosque', 'temple', 'ministries', 'congregation'],
      keywords: [
        ['church', 4], ['worship', 5], ['sermons', 5], ['sunday service', 5], ['pastor', 4], ['ministry', 4], ['prayer', 4], ['bible study', 5], ['tithe', 5], ['congregation', 5],
      ],
      schemaTypes: ['Church', 'PlaceOfWorship', 'Mosque', 'Synagogue', 'HinduTemple', 'BuddhistTemple'],
    },
    defaults: { offerings: ['Sunday services', 'Youth ministry', 'Small groups', 'Outreach'], segments: ['Members', 'Visitors', 'Families', 'Volunteers'] },
  },
  {
    id: 'personal_care',
    label: 'Salons, barbers & personal care',
    naics: '812112',
    sector: '81',
    businessModel: 'Sells hair, beauty and grooming appointments at its salons, plus retail products and memberships',
    vocabulary: vocab(t('client'), t('service'), t('appointment'), t('salon'), t('stylist'), { category: t('service type'), product: t('retail product'), plan: t('membership') }),
    kpis: ['Appointments', 'Average ticket', 'Rebooking rate', 'Stylist utilisation', 'Retail attach rate', 'New clients'],
    modules: ['appointments'],
    signals: {
      identity: ['salon', 'hair salon', 'barbershop', 'barber shop', 'nail salon', 'beauty salon', 'med spa', 'lash studio'],
      keywords: [
        ['haircut', 5], ['haircuts', 5], ['hair color', 5], ['balayage', 5], ['stylists', 4], ['blowout', 5], ['manicure', 5], ['pedicure', 5], ['waxing', 4], ['barber', 5], ['book appointment', 3],
      ],
      schemaTypes: ['HairSalon', 'BeautySalon', 'NailSalon', 'HealthAndBeautyBusiness'],
    },
    defaults: { offerings: ['Cuts', 'Colour', 'Styling', 'Treatments'], segments: ['Regulars', 'New clients', 'Bridal', 'Men'] },
  },

  {
    id: 'funeral_home',
    label: 'Funeral homes & cremation services',
    naics: '812210',
    sector: '81',
    businessModel: 'Arranges funerals, cremations and memorial services for families at its chapels, with caskets, urns and pre-need contracts paid ahead in instalments',
    vocabulary: vocab(t('family', 'families'), t('service'), t('arrangement'), t('chapel'), t('funeral director'), { category: t('service type'), subscription: t('pre-need contract') }),
    kpis: ['Families served', 'Average revenue per arrangement', 'Cremation rate', 'Pre-need contracts sold', 'Merchandise revenue', 'Arrangements per funeral director'],
    modules: ['orders', 'subscriptions'],
    signals: {
      identity: ['funeral home', 'funeral homes', 'funeral chapel', 'funeral services', 'mortuary', 'crematory', 'cremation services', 'funeral parlor', 'memorial chapels'],
      keywords: [
        ['funeral', 5], ['funerals', 5], ['obituaries', 5], ['obituary', 4], ['cremation', 5], ['pre-need', 5], ['preneed', 5], ['pre-planning', 4], ['caskets', 5],
        ['urns', 4], ['memorial service', 4], ['memorial services', 4], ['celebration of life', 4], ['graveside', 5], ['condolences', 5], ['grief support', 4],
        ['embalming', 5], ['funeral directors', 5],
      ],
    },
    defaults: { offerings: ['Traditional funeral', 'Cremation', 'Memorial service', 'Graveside service', 'Caskets', 'Urns'], segments: ['At-need families', 'Pre-need families', 'Out-of-town families', 'Veterans'] },
  },
  // ── 92 Public administration ──
  {
    id: 'government',
    label: 'Government & public sector',
    naics: '921190',
    sector: '92',
    businessModel: 'Delivers public services to residents and businesses funded by taxes, fees and grants, accountable to elected officials',
    vocabulary: vocab(t('resident'), t('service'), t('request'), t('district'), t('staff member'), { category: t('department'), case: t('case'), permit: t('permit'), fee: t('fee'), unit: t('water meter'), event: t('meter reading') }),
    kpis: ['Service requests', 'Time to resolve', 'Permits issued', 'Budget execution', 'Online service adoption', 'Resident satisfaction'],
    modules: ['appointments', 'usage'],
    signals: {
      identity: ['city of', 'county of', 'state of', 'government', 'department of', 'ministry of', 'municipality', 'borough council', 'city council', 'agency', 'town of'],
      keywords: [
        ['residents', 3], ['city council', 5], ['mayor', 5], ['permits', 4], ['public works', 5], ['pay a ticket', 5], ['property taxes', 4],
        ['agendas and minutes', 5], ['public notices', 5], ['government', 3], ['department of', 3], ['county', 3], ['municipal', 4], ['.gov', 4], ['public meetings', 4],
      ],
      schemaTypes: ['GovernmentOrganization', 'GovernmentOffice', 'GovernmentService', 'CityHall', 'PoliceStation', 'FireStation', 'Courthouse'],
    },
    defaults: { offerings: ['Permits & licences', 'Public works', 'Parks & recreation', 'Public safety'], segments: ['Residents', 'Businesses', 'Visitors', 'Contractors'] },
  },
];

/**
 * The industry of a business research cannot place: built from what the site says on a general
 * business model (orders from customers), never another industry's vocabulary.
 */
export const GENERAL_INDUSTRY: Industry = {
  id: 'general_business',
  label: 'General business',
  naics: '999990',
  sector: '99',
  businessModel: 'Sells products or services to customers; the site does not say enough to tell how',
  vocabulary: vocab(t('customer'), t('product or service', 'products and services'), t('order'), t('location'), t('employee'), { category: t('category', 'categories'), channel: t('channel') }),
  kpis: ['Revenue', 'Orders', 'Customers', 'Average order value', 'Repeat customer rate'],
  modules: ['orders'],
  signals: { keywords: [] },
  defaults: { offerings: ['Products', 'Services'], segments: ['New customers', 'Returning customers', 'Business customers'] },
};

const BY_ID = new Map<string, Industry>([...INDUSTRIES, GENERAL_INDUSTRY].map((i) => [i.id, i]));

/** An industry of the taxonomy by id, the general business included. */
export function industryById(id: string): Industry | undefined {
  return BY_ID.get(id);
}
