import type { Effect } from '../domain/data-model.js';
import type { Blueprint } from './blueprint.js';
import { by } from './effects.js';
import { preset } from './preset.js';

/** Winter respiratory season peak, summer vacation trough. */
const CLINIC_YEARLY = [1.2, 1.1, 1.05, 1.0, 0.95, 0.86, 0.82, 0.92, 1.02, 1.05, 1.0, 0.98];
/** Clinics run Monday to Friday; Saturday clinics are small, Sundays almost empty. */
const CLINIC_WEEKLY = [1.2, 1.1, 1.05, 1.05, 0.95, 0.18, 0.03];
/** Hospital encounters (admissions, emergency visits) continue through the weekend. */
const ENCOUNTER_WEEKLY = [1.15, 1.1, 1.05, 1.05, 1.0, 0.4, 0.32];

const SERVICE_LINES = ['Cardiology', 'Orthopedics', 'Behavioral Health', 'Primary Care', 'Oncology', 'Pediatrics', "Women's Health", 'Gastroenterology'];
const SEGMENTS = ['Chronic care patients', 'Seniors (65+)', 'Working-age adults', 'Families & children'];
const REGIONS = ['Downtown', 'North County', 'East Valley', 'Westside', 'Lakeshore', 'South Hills'];
const PAYERS = ['Commercial', 'Medicare', 'Medicare Advantage', 'Medicaid', 'Self-pay'];
const ENCOUNTER_TYPES = ['Office visit', 'Telehealth', 'Outpatient procedure', 'Emergency visit', 'Inpatient admission'];
const NON_INPATIENT = ENCOUNTER_TYPES.filter((t) => t !== 'Inpatient admission');
const DENIAL_REASONS = ['Prior authorization missing', 'Medical necessity', 'Coding or bundling error', 'Eligibility or coverage', 'Timely filing', 'Duplicate claim'];

/** Chargemaster items billed on claim lines, with list price and where they are used. */
const PROCEDURES: ReadonlyArray<{ code: string; description: string; charge: number; use: Partial<Record<string, number>> }> = [
  { code: '99213', description: 'Office visit, established patient (low)', charge: 165, use: { 'Office visit': 0.2 } },
  { code: '99214', description: 'Office visit, established patient (moderate)', charge: 245, use: { 'Office visit': 0.2 } },
  { code: '99204', description: 'Office visit, new patient (moderate)', charge: 320, use: { 'Office visit': 0.1 } },
  { code: '36415', description: 'Routine venipuncture', charge: 28, use: { 'Office visit': 0.14, 'Outpatient procedure': 0.1, 'Emergency visit': 0.14 } },
  { code: '80053', description: 'Comprehensive metabolic panel', charge: 95, use: { 'Office visit': 0.1, 'Emergency visit': 0.14, 'Inpatient admission': 0.06 } },
  { code: '85025', description: 'Complete blood count with differential', charge: 55, use: { 'Office visit': 0.1, 'Emergency visit': 0.12, 'Inpatient admission': 0.06 } },
  { code: '93000', description: 'Electrocardiogram, complete', charge: 110, use: { 'Office visit': 0.08, 'Emergency visit': 0.1 } },
  { code: '71046', description: 'Chest X-ray, 2 views', charge: 190, use: { 'Office visit': 0.08, 'Emergency visit': 0.1 } },
  { code: '99213-95', description: 'Telehealth visit, established patient (low)', charge: 150, use: { Telehealth: 0.55 } },
  { code: '99214-95', description: 'Telehealth visit, established patient (moderate)', charge: 225, use: { Telehealth: 0.45 } },
  { code: '74177', description: 'CT abdomen and pelvis with contrast', charge: 1450, use: { 'Outpatient procedure': 0.14, 'Emergency visit': 0.1 } },
  { code: '73721', description: 'MRI lower extremity joint', charge: 1850, use: { 'Outpatient procedure': 0.14 } },
  { code: '76700', description: 'Ultrasound, abdomen complete', charge: 520, use: { 'Outpatient procedure': 0.12 } },
  { code: '96365', description: 'IV infusion, first hour', charge: 420, use: { 'Outpatient procedure': 0.14, 'Inpatient admission': 0.04 } },
  { code: 'REV-0490', description: 'Ambulatory surgery services', charge: 5800, use: { 'Outpatient procedure': 0.26 } },
  { code: '99284', description: 'Emergency department visit (moderate)', charge: 1350, use: { 'Emergency visit': 0.18 } },
  { code: '99285', description: 'Emergency department visit (high)', charge: 2100, use: { 'Emergency visit': 0.12 } },
  { code: '99223', description: 'Initial hospital care (high complexity)', charge: 520, use: { 'Inpatient admission': 0.16 } },
  { code: '99233', description: 'Subsequent hospital care', charge: 260, use: { 'Inpatient admission': 0.18 } },
  { code: 'REV-0120', description: 'Room and board, semi-private (per stay)', charge: 18000, use: { 'Inpatient admission': 0.22 } },
  { code: 'REV-0360', description: 'Operating room services', charge: 12000, use: { 'Inpatient admission': 0.12 } },
  { code: 'REV-0250', description: 'Pharmacy, inpatient', charge: 1900, use: { 'Inpatient admission': 0.16 } },
];
const CODES = PROCEDURES.map((p) => p.code);

/** Which chargemaster items each encounter type bills. */
const codeByEncounterType: Effect[] = ENCOUNTER_TYPES.map((t) => ({ when: { ref: 'encounter_id.encounter_type', in: [t] }, weights: PROCEDURES.map((p) => p.use[t] ?? 0) }));
/** The description that goes with each code. */
const descriptionByCode: Effect[] = PROCEDURES.map((p, i) => ({ when: { ref: 'procedure_code', in: [p.code] }, weights: CODES.map((_, j) => (i === j ? 1 : 0)) }));
/** The chargemaster price of each code. */
const chargeByCode: Effect[] = PROCEDURES.map((p) => ({ when: { ref: 'procedure_code', in: [p.code] }, factor: p.charge }));

/** Healthcare providers: clinics and hospitals, scheduling, encounters, revenue cycle, readmissions. */
export const healthcare: Blueprint = preset({
  // Facilities, service lines, providers, patients, appointments, encounters and claim lines are the modules' tables in
  // healthcare's words, with its curated values and planted story; the denial work queue is its own.
  words: { extra: { claim: { singular: 'claim line', plural: 'claim lines' } } },
  id: 'healthcare',
  label: 'Healthcare providers',
  naics: '621111',
  businessModel: 'Care delivery: physician clinics and hospitals bill payers and patients for visits, procedures and admissions',
  defaults: {
    products: SERVICE_LINES,
    customerSegments: SEGMENTS,
    regions: REGIONS,
    kpis: ['Patient encounters', 'No-show rate', 'Door-to-provider wait time', 'Gross charges', 'Denial rate', 'Net collection rate', '30-day readmission rate'],
    keyEntities: ['Patient', 'Provider', 'Facility', 'Service line', 'Appointment', 'Encounter', 'Claim line', 'Denial', 'Payer'],
  },
  persona: {
    name: 'Monica Reyes',
    role: 'VP of Operations & Revenue Cycle',
    goals: ['Fill the schedule: cut no-shows and new-patient access delays', 'Shorten in-clinic wait times', 'Reduce claim denials and speed up payer cash', 'Bring 30-day readmissions below target'],
  },
  tables: [
    {
      module: 'locations',
      description: 'Hospitals and clinic campuses of {company}, one per market.',
      synonyms: ['sites', 'locations', 'campuses', 'hospitals', 'clinics'],
      columns: [
        'facility_id',
        // The module's place names are the markets; each facility is named after its market.
        { from: 'facility_name', name: 'region', description: 'Market (region) the facility serves.', synonyms: ['market', 'service area', 'region'], fromProfile: 'regions' },
        { name: 'facility_type', type: 'STRING', description: 'Kind of facility.', synonyms: ['site type'], generator: { kind: 'list', values: ['Regional Medical Center', 'Community Hospital', 'Medical Center', 'Community Hospital', 'Health Center', 'Community Hospital'] } },
        { name: 'facility_name', type: 'STRING', description: 'Display name of the facility.', synonyms: ['facility', 'site', 'location', 'hospital', 'clinic'], generator: { kind: 'template', template: '{region} {facility_type}' } },
        { name: 'licensed_beds', type: 'INT64', description: 'Licensed inpatient beds.', synonyms: ['beds', 'bed count'], generator: { kind: 'list', values: ['420', '165', '240', '140', '60', '120'] } },
        { name: 'exam_rooms', type: 'INT64', description: 'Outpatient exam rooms on the campus.', synonyms: ['rooms'], generator: { kind: 'list', values: ['64', '40', '52', '36', '30', '34'] } },
      ],
    },
    {
      module: 'offerings',
      description: 'Clinical service lines (departments) of {company}.',
      synonyms: ['departments', 'specialties', 'services', 'clinical programs'],
      columns: [
        'service_line_id',
        { from: 'service_line_name', synonyms: ['service line', 'department', 'specialty', 'service'], fromProfile: 'products' },
        { name: 'department_chief', type: 'STRING', description: 'Physician leading the service line (synthetic).', synonyms: ['chief', 'department head'], generator: { kind: 'fake', what: 'person' } },
        {
          name: 'budgeted_providers', type: 'INT64', description: 'Budgeted provider headcount of the service line.', synonyms: ['headcount', 'provider budget'],
          generator: { kind: 'number', dist: 'uniform', min: 1, max: 1, decimals: 0, effects: [22, 24, 16, 40, 14, 18, 14, 12].map((f, i) => ({ when: { ref: 'service_line_id', in: [String(i + 1)] }, factor: f })) },
        },
        { name: 'access_target_days', type: 'INT64', description: 'Target days from booking to a new-patient appointment.', synonyms: ['access target', 'access standard'], generator: { kind: 'list', values: ['14', '21', '14', '7', '7', '10', '14', '21'] } },
      ],
    },
    {
      module: 'staff',
      description: 'Physicians and advanced practice providers who see patients at {company}.',
      rowCount: 180,
      synonyms: ['doctors', 'physicians', 'clinicians', 'practitioners'],
      columns: [
        'provider_id',
        { name: 'npi', type: 'INT64', description: 'National Provider Identifier (synthetic).', synonyms: ['NPI number'], generator: { kind: 'sequence', start: 1093817001 } },
        { from: 'full_name', name: 'provider_name', description: 'Provider name (synthetic).', synonyms: ['doctor', 'physician', 'clinician'] },
        { name: 'credential', type: 'STRING', description: 'Clinical credential.', synonyms: ['degree', 'provider type'], generator: { kind: 'category', values: ['MD', 'DO', 'NP', 'PA'], weights: [0.55, 0.1, 0.2, 0.15] } },
        { name: 'service_line_id', type: 'INT64', description: 'Service line the provider practises in.', generator: { kind: 'foreignKey', table: 'service_lines', column: 'service_line_id', weightBy: 'budgeted_providers' } },
        { from: 'facility_id', description: 'Primary facility of the provider.', generator: { kind: 'foreignKey', table: 'facilities', column: 'facility_id', distribution: 'zipf', skew: 0.5 } },
        { from: 'hire_date', generator: { kind: 'date', from: -5000, to: -60 } },
        { name: 'clinical_fte', type: 'FLOAT64', description: 'Clinical full-time equivalent (1.0 = full time).', synonyms: ['FTE'], generator: { kind: 'number', dist: 'uniform', min: 0.5, max: 1.0, decimals: 1 } },
      ],
    },
    {
      module: 'customers',
      description: 'Patients registered with {company} (synthetic).',
      rowCount: 8000,
      synonyms: ['members', 'patient panel', 'people'],
      columns: [
        { from: 'patient_id', generator: { kind: 'sequence', start: 200001 } },
        { name: 'mrn', type: 'STRING', description: 'Medical record number (synthetic).', synonyms: ['medical record number'], generator: { kind: 'template', template: 'MRN-{patient_id}' } },
        { from: 'patient_name', name: 'full_name', description: 'Patient name (synthetic).', synonyms: [] },
        { name: 'sex', type: 'STRING', description: 'Sex recorded at registration.', generator: { kind: 'category', values: ['Female', 'Male'], weights: [0.54, 0.46] } },
        { from: 'segment', name: 'patient_segment', description: 'Population-health segment of the patient.', synonyms: ['segment', 'patient population', 'cohort'], fromProfile: 'customerSegments', generator: { kind: 'category', values: SEGMENTS, weights: [0.16, 0.22, 0.38, 0.24] } },
        {
          name: 'age_band', type: 'STRING', description: 'Age band of the patient.', synonyms: ['age group', 'age'],
          generator: {
            kind: 'category', values: ['0-17', '18-34', '35-49', '50-64', '65-74', '75-84', '85+'], weights: [0, 0.38, 0.36, 0.26, 0, 0, 0],
            effects: by('patient_segment', 'weights', { 'Chronic care patients': [0, 0.05, 0.2, 0.4, 0.2, 0.12, 0.03], 'Seniors (65+)': [0, 0, 0, 0, 0.5, 0.35, 0.15], 'Families & children': [0.62, 0.22, 0.16, 0, 0, 0, 0] }),
          },
        },
        {
          name: 'insurance_type', type: 'STRING', description: 'Primary insurance (payer type) of the patient.', synonyms: ['payer', 'insurance', 'coverage', 'payer type'],
          generator: {
            kind: 'category', values: PAYERS, weights: [0.74, 0.01, 0.01, 0.15, 0.09],
            effects: by('patient_segment', 'weights', { 'Chronic care patients': [0.28, 0.22, 0.22, 0.24, 0.04], 'Seniors (65+)': [0.02, 0.52, 0.44, 0.02, 0], 'Families & children': [0.55, 0, 0, 0.4, 0.05] }),
          },
        },
        { from: 'facility_id', name: 'home_facility_id', description: 'Facility where the patient usually receives care.', generator: { kind: 'foreignKey', table: 'facilities', column: 'facility_id', distribution: 'zipf', skew: 0.6 } },
        {
          name: 'risk_score', type: 'FLOAT64', description: 'Clinical risk score (1.0 = average expected utilisation).', synonyms: ['HCC score', 'acuity', 'risk'],
          generator: { kind: 'number', dist: 'lognormal', mean: 0.9, sd: 0.45, min: 0.2, max: 6, decimals: 2, effects: by('patient_segment', 'factor', { 'Chronic care patients': 2.6, 'Seniors (65+)': 1.6, 'Families & children': 0.7 }) },
        },
        { name: 'preferred_language', type: 'STRING', description: 'Preferred language for care.', synonyms: ['language'], generator: { kind: 'category', values: ['English', 'Spanish', 'Other'], weights: [0.8, 0.15, 0.05] } },
        { name: 'has_portal_account', type: 'BOOL', description: 'Whether the patient has activated the patient portal.', synonyms: ['portal user', 'MyChart active'], generator: { kind: 'boolean', p: 0.62 } },
        { from: 'joined_date', name: 'registration_date', description: 'Day the patient first registered.', synonyms: ['first visit date', 'registered'], generator: { kind: 'date', from: -3650, to: -770, growth: 0.04 } },
      ],
    },
    {
      module: 'appointments',
      primary: false,
      description: 'Scheduled clinic appointments and how they ended (completed, no-show, cancelled).',
      grain: 'one row per scheduled appointment',
      rowCount: 26000,
      synonyms: ['schedule', 'bookings', 'visits scheduled', 'slots'],
      columns: [
        'appointment_id',
        { from: 'patient_id', generator: { kind: 'foreignKey', table: 'patients', column: 'patient_id', weightBy: 'risk_score' } },
        { from: 'segment', name: 'patient_segment', synonyms: ['segment'], generator: { kind: 'copy', ref: 'patient_id.patient_segment' } },
        { from: 'provider_id', generator: { kind: 'foreignKey', table: 'providers', column: 'provider_id', distribution: 'zipf', skew: 0.5 } },
        // The provider's service line and facility: one provider, one clinic.
        { from: 'service_line_id', generator: { kind: 'copy', ref: 'provider_id.service_line_id' } },
        { from: 'facility_id', generator: { kind: 'copy', ref: 'provider_id.facility_id' } },
        { from: 'visit_date', name: 'appointment_date', synonyms: ['visit date', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: CLINIC_WEEKLY, yearly: CLINIC_YEARLY, growth: 0.12 } },
        { name: 'visit_type', type: 'STRING', description: 'Kind of visit booked.', synonyms: ['appointment type'], generator: { kind: 'category', values: ['Follow-up', 'New patient', 'Annual wellness', 'Telehealth', 'Procedure'], weights: [0.42, 0.2, 0.14, 0.16, 0.08] } },
        { name: 'booking_channel', type: 'STRING', description: 'How the appointment was booked.', synonyms: ['scheduling channel', 'channel'], generator: { kind: 'category', values: ['Phone', 'Patient portal', 'Provider referral', 'Same-day walk-in'], weights: [0.45, 0.28, 0.2, 0.07] } },
        {
          name: 'booking_window', type: 'STRING', description: 'How far ahead the appointment was booked (bucket of lead_time_days).', synonyms: ['lead time band', 'scheduling lead time'],
          generator: { kind: 'category', values: ['0-7 days', '8-30 days', '31-60 days', '61+ days'], weights: [0.4, 0.33, 0.17, 0.1], effects: by('service_line_id', 'weights', { 3: [0.12, 0.28, 0.32, 0.28] }) },
        },
        {
          from: 'lead_days', name: 'lead_time_days', synonyms: ['lead time', 'days to appointment', 'access wait'],
          generator: {
            kind: 'number', dist: 'uniform', min: 0, max: 1, decimals: 0,
            effects: [
              { when: { ref: 'booking_window', in: ['0-7 days'] }, factor: 7 },
              { when: { ref: 'booking_window', in: ['8-30 days'] }, factor: 22, add: 8 },
              { when: { ref: 'booking_window', in: ['31-60 days'] }, factor: 29, add: 31 },
              { when: { ref: 'booking_window', in: ['61+ days'] }, factor: 59, add: 61 },
            ],
          },
        },
        { from: 'booked_date', synonyms: ['scheduled on'] },
        {
          from: 'status', name: 'appointment_status', description: 'Outcome of the appointment.', synonyms: ['status', 'outcome', 'no-show'],
          generator: {
            kind: 'category', values: ['Completed', 'No-show', 'Cancelled'], weights: [0.9, 0.04, 0.06],
            effects: [...by('service_line_id', 'weights', { 3: [0.64, 0.24, 0.12] }), ...by('booking_window', 'weights', { '61+ days': [0.66, 0.22, 0.12], '31-60 days': [0.76, 0.14, 0.1], '8-30 days': [0.84, 0.08, 0.08] })],
          },
        },
      ],
    },
    {
      module: 'encounters',
      description: 'Patient encounters: office and telehealth visits, outpatient procedures, emergency visits and inpatient admissions.',
      rowCount: 15000,
      synonyms: ['visits', 'admissions', 'discharges', 'patient encounters'],
      columns: [
        'encounter_id',
        { from: 'patient_id', generator: { kind: 'foreignKey', table: 'patients', column: 'patient_id', weightBy: 'risk_score' } },
        { from: 'segment', name: 'patient_segment', synonyms: ['segment'], generator: { kind: 'copy', ref: 'patient_id.patient_segment' } },
        { name: 'insurance_type', type: 'STRING', description: 'Payer type billed for the encounter.', synonyms: ['payer', 'insurance', 'payer type'], generator: { kind: 'copy', ref: 'patient_id.insurance_type' } },
        { from: 'provider_id', description: 'Attending or rendering provider.', generator: { kind: 'foreignKey', table: 'providers', column: 'provider_id', distribution: 'zipf', skew: 0.5 } },
        { from: 'service_line_id', generator: { kind: 'copy', ref: 'provider_id.service_line_id' } },
        { from: 'facility_id', generator: { kind: 'copy', ref: 'provider_id.facility_id' } },
        {
          name: 'encounter_type', type: 'STRING', description: 'Setting of care.', synonyms: ['visit type', 'setting', 'patient class'],
          generator: {
            kind: 'category', values: ENCOUNTER_TYPES, weights: [0.58, 0.16, 0.12, 0.06, 0.08],
            effects: by('service_line_id', 'weights', {
              1: [0.38, 0.1, 0.2, 0.06, 0.26],
              2: [0.38, 0.04, 0.36, 0.06, 0.16],
              3: [0.45, 0.42, 0.02, 0.04, 0.07],
              4: [0.7, 0.2, 0.04, 0.04, 0.02],
              5: [0.4, 0.08, 0.4, 0.02, 0.1],
              6: [0.7, 0.14, 0.04, 0.08, 0.04],
              7: [0.6, 0.1, 0.14, 0.04, 0.12],
              8: [0.45, 0.08, 0.38, 0.03, 0.06],
            }),
          },
        },
        { from: 'encounter_date', description: 'Day of the visit, or admission day for inpatient stays.', synonyms: ['visit date', 'admit date', 'date of service', 'date'], generator: { kind: 'date', from: -760, to: 0, weekly: ENCOUNTER_WEEKLY, yearly: CLINIC_YEARLY, growth: 0.12 } },
        {
          name: 'length_of_stay_days', type: 'INT64', description: 'Inpatient length of stay in days (0 for outpatient encounters).', synonyms: ['LOS', 'length of stay'],
          generator: { kind: 'number', dist: 'lognormal', mean: 4.2, sd: 2.8, min: 1, max: 30, decimals: 0, effects: [{ when: { ref: 'encounter_type', in: NON_INPATIENT }, factor: 0.0001 }, { when: { ref: 'service_line_id', in: ['1'] }, factor: 1.2 }] },
        },
        { name: 'discharge_date', type: 'DATE', description: 'Day the patient was discharged (same day for outpatient encounters).', synonyms: ['discharged'], generator: { kind: 'derived', expr: 'min(encounter_date + length_of_stay_days, today)', decimals: 0 } },
        {
          from: 'wait_days', name: 'wait_minutes', description: 'Door-to-provider time: minutes from arrival (or virtual check-in) to being seen.', synonyms: ['wait time', 'door to provider', 'waiting time'],
          generator: {
            kind: 'number', dist: 'lognormal', mean: 17, sd: 10, min: 2, max: 240, decimals: 0,
            effects: [...by('facility_id', 'factor', { 1: 2.1 }), ...by('encounter_type', 'factor', { 'Emergency visit': 2.6, Telehealth: 0.5 })],
          },
        },
        {
          name: 'post_discharge_follow_up', type: 'STRING', description: 'When the patient was seen again after an inpatient discharge.', synonyms: ['follow-up', 'transition of care visit'],
          generator: {
            kind: 'category', values: ['Within 7 days', '8-30 days', 'No follow-up', 'Not applicable'], weights: [0.65, 0.2, 0.15, 0],
            effects: [{ when: { ref: 'encounter_type', in: NON_INPATIENT }, weights: [0, 0, 0, 1] }, { when: { ref: 'service_line_id', in: ['1'] }, weights: [0.25, 0.2, 0.55, 0] }],
          },
        },
        {
          from: 'returned_30d', name: 'readmitted_within_30_days', description: 'Whether an inpatient discharge was followed by an unplanned readmission within 30 days.', synonyms: ['readmission', 'readmitted', '30-day readmission'],
          generator: {
            kind: 'boolean', p: 0.04,
            effects: [
              { when: { ref: 'encounter_type', in: NON_INPATIENT }, p: 0 },
              { when: { ref: 'post_discharge_follow_up', in: ['No follow-up'] }, p: 0.34 },
              { when: { ref: 'service_line_id', in: ['1'] }, p: 0.28 },
              { when: { ref: 'post_discharge_follow_up', in: ['8-30 days'] }, p: 0.1 },
            ],
          },
        },
      ],
    },
    {
      module: 'encounters',
      part: 1,
      description: 'Billed claim lines: one chargemaster item per line, with payer, charge and expected reimbursement.',
      rowCount: 40000,
      synonyms: ['claims', 'charges', 'billing', 'line items'],
      columns: [
        'claim_line_id',
        'encounter_id',
        { from: 'payer', name: 'payer_type', description: 'Payer type the line is billed to.', synonyms: ['payer', 'insurance', 'financial class'], generator: { kind: 'copy', ref: 'encounter_id.insurance_type' } },
        { name: 'service_line_id', type: 'INT64', description: 'Service line of the encounter.', generator: { kind: 'copy', ref: 'encounter_id.service_line_id' } },
        { name: 'procedure_code', type: 'STRING', description: 'CPT/HCPCS code or revenue code billed.', synonyms: ['CPT', 'CPT code', 'billing code'], generator: { kind: 'category', values: CODES, effects: codeByEncounterType } },
        { name: 'procedure_description', type: 'STRING', description: 'Description of the billed item.', synonyms: ['procedure', 'service'], generator: { kind: 'category', values: PROCEDURES.map((p) => p.description), effects: descriptionByCode } },
        { name: 'units', type: 'INT64', description: 'Units billed.', generator: { kind: 'number', dist: 'poisson', mean: 0.3, min: 1, max: 6, decimals: 0 } },
        {
          name: 'unit_charge', type: 'NUMERIC', description: 'Chargemaster price per unit.', synonyms: ['price', 'charge'],
          generator: { kind: 'number', dist: 'lognormal', mean: 1, sd: 0.12, min: 0.7, max: 1.5, decimals: 2, effects: [...chargeByCode, { when: { ref: 'service_line_id', in: ['2'] }, factor: 2.4 }] },
        },
        { from: 'billed', name: 'billed_amount', description: 'Gross charge of the line: units x unit charge.', synonyms: ['gross charges', 'charges', 'billed'], generator: { kind: 'derived', expr: 'units * unit_charge', decimals: 2 } },
        {
          name: 'expected_reimbursement', type: 'NUMERIC', description: 'Contractual (allowed) amount expected from the payer and patient.', synonyms: ['allowed amount', 'expected payment', 'net revenue'],
          generator: { kind: 'derived', expr: 'billed_amount * 0.5', decimals: 2, effects: by('payer_type', 'factor', { Commercial: 1.1, Medicare: 0.64, 'Medicare Advantage': 0.68, Medicaid: 0.5, 'Self-pay': 0.6 }) },
        },
        {
          name: 'scrubber_edit_count', type: 'INT64', description: 'Claim-scrubber edits (warnings) raised on the line before submission; 0 = clean claim.', synonyms: ['edits', 'claim edits'],
          generator: { kind: 'number', dist: 'uniform', min: 0, max: 1, decimals: 0, effects: by('payer_type', 'factor', { Commercial: 0.56, Medicare: 0.54, 'Medicare Advantage': 0.78, Medicaid: 0.65, 'Self-pay': 0.45 }) },
        },
        { from: 'submitted_date', description: 'Day the claim was submitted to the payer.', synonyms: ['bill date', 'claim date'], generator: { kind: 'date', after: { ref: 'encounter_id.discharge_date', minDays: 1, maxDays: 10 } } },
        {
          from: 'days_to_pay', name: 'adjudication_days', description: 'Days from submission to the payer decision (or patient payment for self-pay).', synonyms: ['days to pay', 'turnaround', 'payer lag'],
          generator: { kind: 'number', dist: 'lognormal', mean: 21, sd: 9, min: 3, max: 150, decimals: 0, effects: by('payer_type', 'factor', { Medicaid: 2.2, 'Medicare Advantage': 1.3, 'Self-pay': 1.8 }) },
        },
      ],
    },
    {
      name: 'claim_denials',
      description: 'Denials received from payers on claim lines, with reason and appeal outcome. A line denied again after resubmission appears again.',
      grain: 'one row per denial received',
      rowCount: 3000,
      primaryKey: 'denial_id',
      synonyms: ['denials', 'rejections', 'denial work queue'],
      columns: [
        { name: 'denial_id', type: 'INT64', description: 'Denial identifier.', generator: { kind: 'sequence', start: 50001 } },
        { name: 'claim_line_id', type: 'INT64', description: 'Claim line that was denied.', generator: { kind: 'foreignKey', table: 'claim_lines', column: 'claim_line_id', weightBy: 'scrubber_edit_count' } },
        { name: 'payer_type', type: 'STRING', description: 'Payer type that denied the line.', synonyms: ['payer'], generator: { kind: 'copy', ref: 'claim_line_id.payer_type' } },
        {
          name: 'denial_reason', type: 'STRING', description: 'Reason group of the denial (from the CARC code).', synonyms: ['reason', 'denial category', 'CARC'],
          generator: {
            kind: 'category', values: DENIAL_REASONS, weights: [0.2, 0.2, 0.26, 0.18, 0.06, 0.1],
            effects: by('claim_line_id.payer_type', 'weights', { 'Medicare Advantage': [0.5, 0.2, 0.12, 0.08, 0.04, 0.06], Medicaid: [0.18, 0.14, 0.16, 0.4, 0.06, 0.06] }),
          },
        },
        { name: 'denial_date', type: 'DATE', description: 'Day the denial was received.', synonyms: ['denied on'], generator: { kind: 'date', after: { ref: 'claim_line_id.submitted_date', minDays: 10, maxDays: 45 } } },
        { name: 'denied_amount', type: 'NUMERIC', description: 'Expected reimbursement put at risk by the denial.', synonyms: ['denied dollars', 'amount denied'], generator: { kind: 'copy', ref: 'claim_line_id.expected_reimbursement' } },
        { name: 'appeal_filed', type: 'BOOL', description: 'Whether the denial was appealed.', synonyms: ['appealed'], generator: { kind: 'boolean', p: 0.72 } },
        {
          name: 'overturned', type: 'BOOL', description: 'Whether the appeal overturned the denial.', synonyms: ['won appeal', 'overturned on appeal'],
          generator: { kind: 'boolean', p: 0.3, effects: [...by('appeal_filed', 'p', { false: 0 }), ...by('denial_reason', 'p', [['Prior authorization missing', 0.62], [['Timely filing', 'Duplicate claim'], 0.08]])] },
        },
        { name: 'recovered_amount', type: 'NUMERIC', description: 'Amount recovered after a successful appeal.', synonyms: ['recovered', 'recoveries'], generator: { kind: 'derived', expr: 'denied_amount * overturned', decimals: 2 } },
      ],
    },
  ],
  questions: [
    { module: 'encounters', from: 'recent', id: 'q01', question: 'How many patient encounters did {company} have in the last 30 days, and how many patients was that?', insight: 'The current monthly run-rate of visits and admissions: the baseline for access, revenue and quality questions.' },
    {
      id: 'q02', level: 'simple',
      question: 'What was our appointment no-show rate over the last 12 months?',
      insight: 'About one scheduled appointment in ten ends in a no-show: thousands of empty provider slots a year.',
      expectedColumns: ['scheduled_appointments', 'no_shows', 'no_show_rate_pct'],
      insights: [{ kind: 'between', column: 'no_show_rate_pct', min: 8, max: 13 }],
      sql: (d) => `SELECT COUNT(*) AS scheduled_appointments,
  SUM(CASE WHEN appointment_status = 'No-show' THEN 1 ELSE 0 END) AS no_shows,
  ROUND(100.0 * SUM(CASE WHEN appointment_status = 'No-show' THEN 1 ELSE 0 END) / COUNT(*), 1) AS no_show_rate_pct
FROM ${d.table('appointments')}
WHERE appointment_date > ${d.monthsAgo(12)} AND appointment_date <= ${d.asOf}`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'Which service lines generate the most gross charges?',
      insight: '{products.1} leads on gross charges: its surgical, implant-heavy cases bill about twice as much per encounter as any other service line.',
      expectedColumns: ['service_line_name', 'encounters', 'gross_charges', 'charges_per_encounter'],
      insights: [{ kind: 'top', key: 'service_line_name', value: '{products.1}', by: 'charges_per_encounter' }, { kind: 'ratio', key: 'service_line_name', value: '{products.1}', column: 'charges_per_encounter', atLeast: 1.5 }],
      sql: (d) => `SELECT s.service_line_name, COUNT(DISTINCT c.encounter_id) AS encounters, ROUND(SUM(c.billed_amount), 2) AS gross_charges,
  ROUND(SUM(c.billed_amount) / COUNT(DISTINCT c.encounter_id), 0) AS charges_per_encounter
FROM ${d.table('claim_lines')} c
JOIN ${d.table('service_lines')} s ON s.service_line_id = c.service_line_id
GROUP BY s.service_line_name ORDER BY gross_charges DESC`,
    },
    { module: 'encounters', from: 'trend', id: 'q04', question: 'How has monthly patient volume trended over the last 24 months?', insight: 'Visits and admissions run every month of the two years, with a winter respiratory-season peak and a summer dip.' },
    {
      id: 'q05', level: 'intermediate',
      question: 'Which service lines have the highest no-show rates?',
      insight: '{products.2} has by far the highest no-show rate, around one in four appointments, and its patients also wait the longest for a slot.',
      expectedColumns: ['service_line_name', 'appointments', 'no_show_rate_pct', 'avg_lead_time_days'],
      insights: [{ kind: 'top', key: 'service_line_name', value: '{products.2}' }, { kind: 'ratio', key: 'service_line_name', value: '{products.2}', column: 'no_show_rate_pct', atLeast: 1.8 }],
      sql: (d) => `SELECT s.service_line_name, COUNT(*) AS appointments,
  ROUND(100.0 * SUM(CASE WHEN a.appointment_status = 'No-show' THEN 1 ELSE 0 END) / COUNT(*), 1) AS no_show_rate_pct,
  ROUND(AVG(a.lead_time_days), 1) AS avg_lead_time_days
FROM ${d.table('appointments')} a
JOIN ${d.table('service_lines')} s ON s.service_line_id = a.service_line_id
GROUP BY s.service_line_name ORDER BY no_show_rate_pct DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'What is our payer mix, and how much does each payer type actually reimburse per dollar we bill?',
      insight: 'Commercial plans carry the largest share of charges and reimburse the most per dollar billed; Medicaid reimburses the least.',
      expectedColumns: ['payer_type', 'gross_charges', 'share_of_charges_pct', 'expected_reimbursement', 'reimbursement_rate_pct'],
      insights: [{ kind: 'top', key: 'payer_type', value: 'Commercial', by: 'gross_charges' }, { kind: 'top', key: 'payer_type', value: 'Commercial', by: 'reimbursement_rate_pct' }, { kind: 'bottom', key: 'payer_type', value: 'Medicaid', by: 'reimbursement_rate_pct' }],
      sql: (d) => `SELECT payer_type, ROUND(SUM(billed_amount), 2) AS gross_charges,
  ROUND(100.0 * SUM(billed_amount) / SUM(SUM(billed_amount)) OVER (), 1) AS share_of_charges_pct,
  ROUND(SUM(expected_reimbursement), 2) AS expected_reimbursement,
  ROUND(100.0 * SUM(expected_reimbursement) / SUM(billed_amount), 1) AS reimbursement_rate_pct
FROM ${d.table('claim_lines')}
GROUP BY payer_type ORDER BY gross_charges DESC`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'How long do patients wait to see a provider at each facility?',
      insight: 'Office-visit patients at {regions.0} wait well over one and a half times as long from arrival to provider as at any other site.',
      expectedColumns: ['facility_name', 'office_visits', 'median_wait_minutes', 'avg_wait_minutes'],
      insights: [{ kind: 'top', key: 'facility_name', value: '{regions.0} Regional Medical Center', by: 'median_wait_minutes' }, { kind: 'ratio', key: 'facility_name', value: '{regions.0} Regional Medical Center', column: 'median_wait_minutes', atLeast: 1.5 }],
      sql: (d) => `SELECT f.facility_name, COUNT(*) AS office_visits, ${d.median('e.wait_minutes')} AS median_wait_minutes,
  ROUND(AVG(e.wait_minutes), 1) AS avg_wait_minutes
FROM ${d.table('encounters')} e
JOIN ${d.table('facilities')} f ON f.facility_id = e.facility_id
WHERE e.encounter_type = 'Office visit' AND e.encounter_date > ${d.monthsAgo(12)}
GROUP BY f.facility_name ORDER BY avg_wait_minutes DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'Which payers deny the most claim lines, and how clean are the claims we send them?',
      insight: 'Medicare Advantage denies about three times as many lines as commercial plans, and its claims are the least likely to pass the scrubber without edits.',
      expectedColumns: ['payer_type', 'claim_lines', 'denied_lines', 'denial_rate_pct', 'clean_claim_rate_pct'],
      insights: [{ kind: 'top', key: 'payer_type', value: 'Medicare Advantage' }, { kind: 'compare', key: 'payer_type', value: 'Medicare Advantage', other: 'Commercial', column: 'denial_rate_pct', atLeast: 2 }],
      sql: (d) => `WITH denied AS (SELECT DISTINCT claim_line_id FROM ${d.table('claim_denials')})
SELECT c.payer_type, COUNT(*) AS claim_lines, COUNT(dn.claim_line_id) AS denied_lines,
  ROUND(100.0 * COUNT(dn.claim_line_id) / COUNT(*), 1) AS denial_rate_pct,
  ROUND(100.0 * SUM(CASE WHEN c.scrubber_edit_count = 0 THEN 1 ELSE 0 END) / COUNT(*), 1) AS clean_claim_rate_pct
FROM ${d.table('claim_lines')} c
LEFT JOIN denied dn ON dn.claim_line_id = c.claim_line_id
GROUP BY c.payer_type ORDER BY denial_rate_pct DESC`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'Does booking further ahead make patients more likely to no-show?',
      insight: 'Yes, sharply: appointments booked more than 60 days out are no-shows four to five times as often as those booked within a week.',
      expectedColumns: ['booking_window', 'appointments', 'avg_lead_time_days', 'no_show_rate_pct'],
      insights: [{ kind: 'trend', column: 'no_show_rate_pct', direction: 'up', atLeast: 2 }],
      sql: (d) => `SELECT booking_window, COUNT(*) AS appointments, ROUND(AVG(lead_time_days), 1) AS avg_lead_time_days,
  ROUND(100.0 * SUM(CASE WHEN appointment_status = 'No-show' THEN 1 ELSE 0 END) / COUNT(*), 1) AS no_show_rate_pct
FROM ${d.table('appointments')}
WHERE appointment_date > ${d.monthsAgo(12)}
GROUP BY booking_window ORDER BY MIN(lead_time_days)`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'Which patient segments drive our volume and charges?',
      insight: '{customerSegments.0} are the smallest group of patients but visit most often: about twice as often per patient as {customerSegments.3} or more.',
      expectedColumns: ['patient_segment', 'patients', 'encounters', 'encounters_per_patient', 'share_of_charges_pct'],
      insights: [{ kind: 'top', key: 'patient_segment', value: '{customerSegments.0}', by: 'encounters_per_patient' }, { kind: 'compare', key: 'patient_segment', value: '{customerSegments.0}', other: '{customerSegments.3}', column: 'encounters_per_patient', atLeast: 1.8 }],
      sql: (d) => `WITH pts AS (
  SELECT patient_segment, COUNT(*) AS patients FROM ${d.table('patients')} GROUP BY patient_segment
), enc AS (
  SELECT patient_segment, COUNT(*) AS encounters FROM ${d.table('encounters')} GROUP BY patient_segment
), chg AS (
  SELECT e.patient_segment, SUM(c.billed_amount) AS charges
  FROM ${d.table('claim_lines')} c JOIN ${d.table('encounters')} e ON e.encounter_id = c.encounter_id
  GROUP BY e.patient_segment
)
SELECT p.patient_segment, p.patients, e.encounters, ROUND(1.0 * e.encounters / p.patients, 2) AS encounters_per_patient,
  ROUND(100.0 * c.charges / SUM(c.charges) OVER (), 1) AS share_of_charges_pct
FROM pts p JOIN enc e ON e.patient_segment = p.patient_segment JOIN chg c ON c.patient_segment = p.patient_segment
ORDER BY encounters_per_patient DESC`,
    },
    {
      id: 'q11', level: 'expert',
      question: 'What are our top denial reasons, and how much do we win back on appeal?',
      insight: 'Missing prior authorization is the most common denial reason, and the one most often overturned on appeal, so fixing authorization up front would protect the most cash.',
      expectedColumns: ['denial_reason', 'denials', 'denied_amount', 'medicare_advantage_pct', 'appeal_rate_pct', 'overturn_rate_pct', 'recovered_amount'],
      insights: [{ kind: 'top', key: 'denial_reason', value: 'Prior authorization missing', by: 'denials' }, { kind: 'top', key: 'denial_reason', value: 'Prior authorization missing', by: 'overturn_rate_pct' }],
      sql: (d) => `SELECT denial_reason, COUNT(*) AS denials, ROUND(SUM(denied_amount), 2) AS denied_amount,
  ROUND(100.0 * SUM(CASE WHEN payer_type = 'Medicare Advantage' THEN 1 ELSE 0 END) / COUNT(*), 1) AS medicare_advantage_pct,
  ROUND(100.0 * SUM(${d.boolToInt('appeal_filed')}) / COUNT(*), 1) AS appeal_rate_pct,
  ROUND(100.0 * SUM(${d.boolToInt('overturned')}) / NULLIF(SUM(${d.boolToInt('appeal_filed')}), 0), 1) AS overturn_rate_pct,
  ROUND(SUM(recovered_amount), 2) AS recovered_amount
FROM ${d.table('claim_denials')}
GROUP BY denial_reason ORDER BY denials DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'What is our 30-day readmission rate by service line?',
      insight: '{products.0} readmits far more often than any other service line, more than twice the typical rate, and the largest share of its discharges get no follow-up visit.',
      expectedColumns: ['service_line_name', 'discharges', 'readmissions', 'readmission_rate_pct', 'no_follow_up_pct', 'avg_length_of_stay'],
      insights: [{ kind: 'top', key: 'service_line_name', value: '{products.0}', by: 'readmission_rate_pct' }, { kind: 'ratio', key: 'service_line_name', value: '{products.0}', column: 'readmission_rate_pct', atLeast: 2, vs: 'average' }, { kind: 'top', key: 'service_line_name', value: '{products.0}', by: 'no_follow_up_pct' }],
      sql: (d) => `SELECT s.service_line_name, COUNT(*) AS discharges, SUM(${d.boolToInt('e.readmitted_within_30_days')}) AS readmissions,
  ROUND(100.0 * SUM(${d.boolToInt('e.readmitted_within_30_days')}) / COUNT(*), 1) AS readmission_rate_pct,
  ROUND(100.0 * SUM(CASE WHEN e.post_discharge_follow_up = 'No follow-up' THEN 1 ELSE 0 END) / COUNT(*), 1) AS no_follow_up_pct,
  ROUND(AVG(e.length_of_stay_days), 1) AS avg_length_of_stay
FROM ${d.table('encounters')} e
JOIN ${d.table('service_lines')} s ON s.service_line_id = e.service_line_id
WHERE e.encounter_type = 'Inpatient admission' AND e.discharge_date <= ${d.daysAgo(30)}
GROUP BY s.service_line_name ORDER BY readmission_rate_pct DESC`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'How much does a follow-up visit within 7 days of discharge reduce readmissions?',
      insight: 'Patients with no follow-up visit are readmitted about three times as often as those seen within 7 days: transition-of-care visits are the biggest readmission lever.',
      expectedColumns: ['post_discharge_follow_up', 'discharges', 'readmissions', 'readmission_rate_pct', 'relative_risk'],
      insights: [{ kind: 'compare', key: 'post_discharge_follow_up', value: 'No follow-up', other: 'Within 7 days', column: 'readmission_rate_pct', atLeast: 2.5 }],
      sql: (d) => `WITH by_follow_up AS (
  SELECT post_discharge_follow_up, COUNT(*) AS discharges, SUM(${d.boolToInt('readmitted_within_30_days')}) AS readmissions
  FROM ${d.table('encounters')}
  WHERE encounter_type = 'Inpatient admission' AND discharge_date <= ${d.daysAgo(30)}
  GROUP BY post_discharge_follow_up
)
SELECT post_discharge_follow_up, discharges, readmissions,
  ROUND(100.0 * readmissions / discharges, 1) AS readmission_rate_pct,
  ROUND((1.0 * readmissions / discharges) / MIN(1.0 * readmissions / discharges) OVER (), 1) AS relative_risk
FROM by_follow_up ORDER BY readmission_rate_pct DESC`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'How fast does each insurance payer pay, and how much of the expected reimbursement do denials put at risk?',
      insight: 'Medicaid takes the longest of all payers to adjudicate a claim, at least one and a half times as long as commercial plans.',
      expectedColumns: ['payer_type', 'claim_lines', 'avg_days_to_adjudicate', 'expected_reimbursement', 'denied_pct_of_expected', 'recovered_amount', 'net_collection_rate_pct'],
      insights: [{ kind: 'top', key: 'payer_type', value: 'Medicaid', by: 'avg_days_to_adjudicate' }, { kind: 'compare', key: 'payer_type', value: 'Medicaid', other: 'Commercial', column: 'avg_days_to_adjudicate', atLeast: 1.5 }],
      sql: (d) => `WITH per_line AS (
  SELECT claim_line_id, MAX(denied_amount) AS denied, MAX(recovered_amount) AS recovered
  FROM ${d.table('claim_denials')} GROUP BY claim_line_id
)
SELECT c.payer_type, COUNT(*) AS claim_lines, ROUND(AVG(c.adjudication_days), 1) AS avg_days_to_adjudicate,
  ROUND(SUM(c.expected_reimbursement), 2) AS expected_reimbursement,
  ROUND(100.0 * SUM(COALESCE(p.denied, 0)) / SUM(c.expected_reimbursement), 1) AS denied_pct_of_expected,
  ROUND(SUM(COALESCE(p.recovered, 0)), 2) AS recovered_amount,
  ROUND(100.0 * (SUM(c.expected_reimbursement) - SUM(COALESCE(p.denied, 0)) + SUM(COALESCE(p.recovered, 0))) / SUM(c.expected_reimbursement), 1) AS net_collection_rate_pct
FROM ${d.table('claim_lines')} c
LEFT JOIN per_line p ON p.claim_line_id = c.claim_line_id
WHERE c.payer_type <> 'Self-pay'
GROUP BY c.payer_type ORDER BY avg_days_to_adjudicate DESC`,
    },
  ],
  glossary: [
    { term: 'Encounter', definition: 'One patient visit or admission (a row of encounters): office, telehealth, outpatient procedure, emergency or inpatient.' },
    { term: 'No-show rate', definition: 'Share of scheduled appointments with appointment_status = \'No-show\'.' },
    { term: 'Lead time', definition: 'Days between booking and the appointment (lead_time_days = appointment_date - booked_date).' },
    { term: 'Gross charges', definition: 'Sum of billed_amount on claim lines, at chargemaster prices.' },
    { term: 'Denial rate', definition: 'Share of claim lines with at least one row in claim_denials.' },
    { term: 'Clean claim rate', definition: 'Share of claim lines with no claim-scrubber edits (scrubber_edit_count = 0).' },
    { term: 'Net collection rate', definition: 'Expected reimbursement minus denied amounts plus appeal recoveries, divided by expected reimbursement.' },
    { term: '30-day readmission rate', definition: 'Share of inpatient discharges (at least 30 days ago) with readmitted_within_30_days = true.' },
  ],
  scenes: [
    { title: 'The front door: access and no-shows', narrative: 'Start where {company} patients start, with the schedule: how busy we are, how many slots go empty, and why.', questionIds: ['q01', 'q02', 'q05', 'q09'] },
    { title: 'Growth and the patient experience', narrative: 'Two years of volume, the seasonal rhythm, who uses the most care, and how long patients wait once they arrive.', questionIds: ['q04', 'q10', 'q07'] },
    { title: 'Revenue cycle: from charge to cash', narrative: 'Follow the dollars: which service lines bill the most, what each payer really pays, where denials come from and how much appeals win back.', questionIds: ['q03', 'q06', 'q08', 'q11', 'q14'] },
    { title: 'Quality: keeping patients out of the hospital', narrative: 'Finish with readmissions: which service line is the outlier and the one intervention that changes the odds.', questionIds: ['q12', 'q13'] },
  ],
});
