import type { Blueprint } from './blueprint.js';
import { by } from './effects.js';
import { preset } from './preset.js';

/** Applications build through the winter ahead of the fall intake and go quiet in summer. */
const APPLICATION_YEARLY = [1.5, 1.4, 1.1, 0.8, 0.6, 0.5, 0.6, 0.7, 0.8, 1.2, 1.5, 1.4];
/** Terms start in January, May (summer) and late August. */
const TERM_YEARLY = [3, 0.1, 0.1, 0.1, 1.2, 0.6, 0.1, 3.5, 1, 0.1, 0.1, 0.05];
/** Tuition is billed ahead of each term: July for fall, December for spring, April for summer. */
const BILLING_YEARLY = [0.8, 0.1, 0.1, 1.5, 0.5, 0.1, 3, 1.5, 0.2, 0.1, 0.2, 2.5];
const GRADES = ['A', 'B', 'C', 'D', 'F', 'W'];

/** Higher education and online learning: programs, courses, students, the admissions funnel, grades and tuition. */
export const education: Blueprint = preset({
  // Campuses, schools, instructors, students and course enrollments are the modules' tables in education's words, with
  // its curated values and planted story; programs, courses, the admissions funnel, sections and tuition are its own.
  words: { offering: { singular: 'school', plural: 'schools' }, transaction: { singular: 'enrollment', plural: 'enrollments' } },
  id: 'education',
  label: 'Higher education & online learning',
  naics: '611310',
  businessModel: 'B2C education: enrols students in degree, certificate and online programs, funded by tuition net of scholarships',
  defaults: {
    products: ['Business', 'Nursing & Health Sciences', 'Computer Science', 'Education', 'Engineering', 'Arts & Humanities', 'Data Science'],
    customerSegments: ['First-year undergraduates', 'Working adults', 'International students', 'Transfer students', 'Graduate professionals'],
    regions: ['Main Campus', 'Online Campus', 'Downtown Campus', 'North Campus', 'Health Sciences Campus'],
    kpis: ['Applications', 'Admit rate', 'Yield', 'Course completion rate', 'DFW rate', 'Second-year retention', 'Net tuition revenue', 'Tuition discount rate'],
    keyEntities: ['Student', 'Application', 'Program', 'Course', 'Section', 'Enrollment', 'Instructor', 'Tuition payment', 'Campus'],
  },
  persona: {
    name: 'Dr. Elena Marsh',
    role: 'Vice Provost for Enrollment Management & Student Success',
    goals: [
      'Grow the incoming class without over-spending on scholarships',
      'Raise course completion and cut DFW rates in gateway courses',
      'Lift second-year retention, especially for working adults',
      'Protect net tuition revenue and speed up collections',
    ],
  },
  tables: [
    {
      module: 'locations',
      description: 'Campuses and delivery sites where {company} teaches, including its online campus.',
      synonyms: ['sites', 'locations', 'centers'],
      columns: [
        'campus_id',
        { from: 'campus_name', synonyms: ['campus', 'site', 'location'], fromProfile: 'regions' },
        { name: 'delivery_mode', type: 'STRING', description: 'How courses at the campus are delivered.', synonyms: ['modality', 'format'], generator: { kind: 'list', values: ['In person', 'Online', 'In person', 'In person', 'In person'] } },
        {
          name: 'enrollment_capacity', type: 'INT64', description: 'Planned student headcount the campus can serve.', synonyms: ['capacity', 'headcount capacity'],
          generator: { kind: 'number', dist: 'uniform', min: 1800, max: 2600, decimals: 0, effects: by('campus_name', 'factor', { 'Main Campus': 3, 'Online Campus': 2.2 }) },
        },
      ],
    },
    {
      module: 'offerings',
      description: 'Academic schools (colleges) of {company} that own programs and courses.',
      synonyms: ['colleges', 'faculties', 'academic divisions', 'departments', 'subject areas'],
      columns: [
        'school_id',
        { from: 'school_name', description: 'Name of the school or subject area.', synonyms: ['school', 'college', 'faculty', 'subject area', 'discipline'], fromProfile: 'products' },
        { name: 'dean_name', type: 'STRING', description: 'Dean of the school (synthetic).', synonyms: ['dean'], generator: { kind: 'fake', what: 'person' } },
      ],
    },
    {
      name: 'programs',
      description: 'Degree, certificate and online programs offered by {company}.',
      grain: 'one row per program',
      rowCount: 60,
      scales: false,
      primaryKey: 'program_id',
      synonyms: ['degrees', 'majors', 'courses of study', 'certificates'],
      columns: [
        { name: 'program_id', type: 'INT64', description: 'Program identifier.', generator: { kind: 'sequence' } },
        { name: 'school_id', type: 'INT64', description: 'School that runs the program.', generator: { kind: 'foreignKey', table: 'schools', column: 'school_id' } },
        { name: 'degree_level', type: 'STRING', description: 'Credential the program awards.', synonyms: ['credential', 'level', 'award level'], generator: { kind: 'category', values: ["Bachelor's", "Master's", 'Associate', 'Certificate', 'Doctorate'], weights: [0.45, 0.28, 0.1, 0.12, 0.05] } },
        { name: 'specialization', type: 'STRING', description: 'Concentration of the program.', synonyms: ['concentration', 'track'], generator: { kind: 'category', values: ['Management', 'Analytics', 'Leadership', 'Practice', 'Technology', 'Policy', 'Applied Research', 'Design', 'Innovation', 'Global Studies'] } },
        { name: 'program_name', type: 'STRING', description: 'Display name of the program.', synonyms: ['program', 'degree', 'major'], generator: { kind: 'template', template: "{degree_level} in {school_id.school_name}: {specialization} (P{program_id})" } },
        {
          name: 'tuition_per_credit', type: 'NUMERIC', description: 'Published tuition per credit hour.', synonyms: ['tuition rate', 'price per credit', 'credit hour rate'],
          generator: { kind: 'number', dist: 'lognormal', mean: 480, sd: 90, min: 250, max: 1200, decimals: 2, effects: by('degree_level', 'factor', { "Master's": 1.6, Doctorate: 1.8, Associate: 0.7 }) },
        },
        {
          name: 'credits_required', type: 'INT64', description: 'Credit hours needed to complete the program.', synonyms: ['credit hours', 'program length'],
          generator: { kind: 'number', dist: 'normal', mean: 120, sd: 0, decimals: 0, effects: by('degree_level', 'factor', [["Master's", 0.3], [['Doctorate', 'Associate'], 0.5], ['Certificate', 0.15]]) },
        },
        {
          name: 'annual_intake_target', type: 'INT64', description: 'New students the program plans to enrol each year.', synonyms: ['intake target', 'enrollment target', 'seats'],
          generator: { kind: 'number', dist: 'lognormal', mean: 150, sd: 60, min: 30, max: 500, decimals: 0, effects: by('school_id', 'factor', { 1: 3 }) },
        },
      ],
    },
    {
      module: 'staff',
      description: 'Faculty and instructors who teach {company} courses.',
      rowCount: 220,
      scales: false,
      synonyms: ['faculty', 'professors', 'teachers', 'lecturers', 'tutors'],
      columns: [
        // Apart from the section and course numbers, so a join on the wrong key finds nothing.
        { from: 'instructor_id', generator: { kind: 'sequence', start: 5001 } },
        { from: 'full_name', synonyms: ['instructor', 'professor', 'teacher'] },
        // The module's seniority levels in academic ranks.
        { from: 'level', name: 'academic_rank', description: 'Academic rank or title.', synonyms: ['rank', 'title', 'faculty rank'], generator: { kind: 'category', values: ['Professor', 'Associate Professor', 'Assistant Professor', 'Senior Lecturer', 'Adjunct Instructor'], weights: [0.15, 0.18, 0.17, 0.15, 0.35] } },
        {
          name: 'employment_type', type: 'STRING', description: 'Full-time or part-time appointment.', synonyms: ['appointment', 'contract type'],
          generator: { kind: 'category', values: ['Full-time', 'Part-time'], weights: [0.95, 0.05], effects: by('academic_rank', 'weights', { 'Adjunct Instructor': [0, 1] }) },
        },
        { name: 'highest_degree', type: 'STRING', description: 'Highest degree held.', generator: { kind: 'category', values: ['PhD', 'EdD', 'DNP', 'MBA', 'MS', 'MFA'], weights: [0.55, 0.08, 0.07, 0.1, 0.15, 0.05] } },
        { from: 'hire_date', generator: { kind: 'date', from: -9000, to: -60 } },
        {
          name: 'annual_teaching_load', type: 'INT64', description: 'Sections per year the instructor is contracted to teach.', synonyms: ['teaching load', 'course load'],
          generator: { kind: 'number', dist: 'normal', mean: 6, sd: 1, min: 3, max: 9, decimals: 0, effects: by('academic_rank', 'factor', { Professor: 0.6, 'Senior Lecturer': 1.3, 'Adjunct Instructor': 1.7 }) },
        },
      ],
    },
    {
      name: 'courses',
      description: 'The course catalog: every course a school offers, with its level and credits.',
      grain: 'one row per catalog course',
      rowCount: 480,
      scales: false,
      primaryKey: 'course_id',
      synonyms: ['catalog', 'classes', 'subjects', 'modules'],
      columns: [
        { name: 'course_id', type: 'INT64', description: 'Course identifier.', generator: { kind: 'sequence', start: 1001 } },
        { name: 'school_id', type: 'INT64', description: 'School that owns the course.', generator: { kind: 'foreignKey', table: 'schools', column: 'school_id' } },
        { name: 'course_level', type: 'INT64', description: 'Course level: 100 is introductory, 500 is graduate.', synonyms: ['level'], generator: { kind: 'category', values: ['100', '200', '300', '400', '500'], weights: [0.28, 0.26, 0.22, 0.14, 0.1] } },
        {
          name: 'topic', type: 'STRING', description: 'Topic of the course.',
          generator: {
            kind: 'category',
            values: ['Foundations I', 'Foundations II', 'Principles', 'Quantitative Reasoning', 'Writing & Communication', 'Methods', 'Ethics', 'Applied Lab', 'Seminar', 'Special Topics', 'Research Design', 'Capstone', 'Practicum'],
            weights: [0, 0, 0, 0, 0.05, 1, 1, 1, 1, 1, 1, 0.6, 0.6],
            effects: by('course_level', 'weights', { 100: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0] }),
          },
        },
        { name: 'course_code', type: 'STRING', description: 'Catalog code of the course.', synonyms: ['course number', 'code'], generator: { kind: 'template', template: 'C{course_level}-{course_id}' } },
        { name: 'course_title', type: 'STRING', description: 'Title of the course.', synonyms: ['course', 'class', 'course name'], generator: { kind: 'template', template: '{school_id.school_name}: {topic}' } },
        { name: 'credits', type: 'INT64', description: 'Credit hours of the course.', synonyms: ['credit hours', 'units'], generator: { kind: 'category', values: ['3', '4', '2', '1'], weights: [0.7, 0.15, 0.1, 0.05] } },
        {
          name: 'is_gateway', type: 'BOOL', description: 'Whether this is a high-enrolment gateway course that most first-year students must pass.', synonyms: ['gateway course', 'gatekeeper course', 'intro course'],
          generator: { kind: 'boolean', p: 0, effects: by('course_level', 'p', { 100: 0.5, 200: 0.06 }) },
        },
      ],
    },
    {
      module: 'customers',
      description: 'Students who have enrolled at {company} (synthetic people), with their entry term, aid and retention.',
      rowCount: 9000,
      synonyms: ['learners', 'enrollees', 'pupils'],
      columns: [
        'student_id',
        { from: 'student_name', name: 'full_name', synonyms: [] },
        { name: 'email', type: 'STRING', description: 'Student email (synthetic, example domains).', generator: { kind: 'fake', what: 'email' } },
        { from: 'campus_id', generator: { kind: 'foreignKey', table: 'campuses', column: 'campus_id', weightBy: 'enrollment_capacity' } },
        {
          from: 'segment', name: 'student_segment', description: 'Kind of student.', synonyms: ['segment', 'student type', 'population'], fromProfile: 'customerSegments',
          generator: {
            kind: 'category', values: ['First-year undergraduates', 'Working adults', 'International students', 'Transfer students', 'Graduate professionals'], weights: [0.4, 0.17, 0.1, 0.18, 0.15],
            effects: by('campus_id', 'weights', { 2: [0.08, 0.55, 0.07, 0.1, 0.2] }),
          },
        },
        { name: 'program_id', type: 'INT64', description: 'Program the student is enrolled in.', generator: { kind: 'foreignKey', table: 'programs', column: 'program_id', weightBy: 'annual_intake_target' } },
        { from: 'joined_date', name: 'entry_date', description: 'Start of the student\'s first term.', synonyms: ['entry term', 'start date', 'matriculation date'], generator: { kind: 'date', from: -1500, to: -100, yearly: TERM_YEARLY, growth: 0.12 } },
        { name: 'first_generation', type: 'BOOL', description: 'First in the family to attend college.', synonyms: ['first-gen'], generator: { kind: 'boolean', p: 0.34 } },
        { name: 'entry_gpa', type: 'FLOAT64', description: 'GPA on entry (high school or prior institution), 0-4.', synonyms: ['incoming GPA', 'admission GPA'], generator: { kind: 'number', dist: 'normal', mean: 3.25, sd: 0.42, min: 2, max: 4, decimals: 2 } },
        {
          name: 'received_scholarship', type: 'BOOL', description: 'Whether the student holds an institutional scholarship.', synonyms: ['scholarship', 'merit aid', 'institutional aid'],
          generator: { kind: 'boolean', p: 0.35, effects: by('student_segment', 'p', { 'First-year undergraduates': 0.58, 'Working adults': 0.1, 'International students': 0.2, 'Graduate professionals': 0.15 }) },
        },
        { name: 'scholarship_pct', type: 'FLOAT64', description: 'Scholarship as a percent of tuition, set by the merit grid from entry GPA; 0 without a scholarship.', synonyms: ['award percent', 'discount'], generator: { kind: 'derived', expr: 'received_scholarship * round(entry_gpa * 15 - 18)', decimals: 0 } },
        { name: 'tuition_rate_per_credit', type: 'NUMERIC', description: 'Tuition per credit of the student\'s program.', synonyms: ['tuition rate'], generator: { kind: 'copy', ref: 'program_id.tuition_per_credit' } },
        {
          name: 'retained_second_year', type: 'BOOL', description: 'Whether the student came back for a second year (meaningful for students who entered over a year ago).', synonyms: ['retained', 'persisted', 'returned', 'retention'],
          generator: { kind: 'boolean', p: 0.82, effects: [...by('received_scholarship', 'p', { true: 0.9 }), ...by('student_segment', 'p', { 'Working adults': 0.56 })] },
        },
      ],
    },
    {
      name: 'applications',
      description: 'Applications to {company} programs and how far each got through the funnel: admitted, deposit paid, enrolled.',
      grain: 'one row per application',
      rowCount: 14000,
      primaryKey: 'application_id',
      synonyms: ['applicants', 'admissions funnel', 'admissions', 'prospects'],
      columns: [
        { name: 'application_id', type: 'INT64', description: 'Application identifier.', generator: { kind: 'sequence', start: 300001 } },
        { name: 'program_id', type: 'INT64', description: 'Program applied to.', generator: { kind: 'foreignKey', table: 'programs', column: 'program_id', weightBy: 'annual_intake_target' } },
        { name: 'campus_id', type: 'INT64', description: 'Campus applied to.', generator: { kind: 'foreignKey', table: 'campuses', column: 'campus_id', weightBy: 'enrollment_capacity' } },
        {
          name: 'applicant_segment', type: 'STRING', description: 'Kind of applicant.', synonyms: ['segment', 'applicant type'], fromProfile: 'customerSegments',
          generator: {
            kind: 'category', values: ['First-year undergraduates', 'Working adults', 'International students', 'Transfer students', 'Graduate professionals'], weights: [0.4, 0.17, 0.12, 0.16, 0.15],
            effects: by('campus_id', 'weights', { 2: [0.08, 0.55, 0.08, 0.09, 0.2] }),
          },
        },
        { name: 'lead_source', type: 'STRING', description: 'How the applicant first found us.', synonyms: ['source', 'channel', 'recruitment channel'], generator: { kind: 'category', values: ['Paid social', 'Organic search', 'Referral', 'Paid search', 'Education fairs'], weights: [0.3, 0.25, 0.18, 0.15, 0.12] } },
        { name: 'applied_date', type: 'DATE', description: 'Day the application was submitted.', synonyms: ['application date', 'submitted'], generator: { kind: 'date', from: -760, to: 0, yearly: APPLICATION_YEARLY, growth: 0.15 } },
        { name: 'decision_date', type: 'DATE', description: 'Day the admission decision was sent.', synonyms: ['decision'], generator: { kind: 'date', after: { ref: 'applied_date', minDays: 5, maxDays: 45 } } },
        { name: 'admitted', type: 'BOOL', description: 'Whether the applicant was offered admission.', synonyms: ['accepted', 'offer made'], generator: { kind: 'boolean', p: 0.68, effects: by('lead_source', 'p', { 'Paid social': 0.42 }) } },
        { name: 'scholarship_offered', type: 'BOOL', description: 'Whether the admission offer came with a scholarship.', synonyms: ['aid offered', 'merit offer'], generator: { kind: 'boolean', p: 0.3, effects: by('admitted', 'p', { false: 0 }) } },
        {
          name: 'deposit_paid', type: 'BOOL', description: 'Whether the admitted applicant paid the enrolment deposit (accepted the offer).', synonyms: ['deposited', 'committed', 'accepted offer'],
          generator: { kind: 'boolean', p: 0.3, effects: [...by('admitted', 'p', { false: 0 }), ...by('scholarship_offered', 'p', { true: 0.62 }), ...by('lead_source', 'p', { Referral: 0.5 })] },
        },
        {
          name: 'enrolled', type: 'BOOL', description: 'Whether the applicant actually started classes.', synonyms: ['matriculated', 'started', 'showed up'],
          generator: { kind: 'boolean', p: 0.9, effects: [...by('deposit_paid', 'p', { false: 0 }), ...by('applicant_segment', 'p', { 'International students': 0.58 })] },
        },
      ],
    },
    {
      name: 'course_sections',
      description: 'Scheduled sections of catalog courses: which instructor taught them, where and in which term.',
      grain: 'one row per course section',
      rowCount: 2400,
      primaryKey: 'section_id',
      synonyms: ['sections', 'classes', 'class offerings', 'cohorts'],
      columns: [
        { name: 'section_id', type: 'INT64', description: 'Section identifier.', generator: { kind: 'sequence', start: 1 } },
        { name: 'course_id', type: 'INT64', description: 'Catalog course taught.', generator: { kind: 'foreignKey', table: 'courses', column: 'course_id', distribution: 'zipf', skew: 0.6 } },
        { name: 'instructor_id', type: 'INT64', description: 'Instructor of record.', generator: { kind: 'foreignKey', table: 'instructors', column: 'instructor_id', weightBy: 'annual_teaching_load' } },
        { name: 'campus_id', type: 'INT64', description: 'Campus the section is taught at (or the online campus).', generator: { kind: 'foreignKey', table: 'campuses', column: 'campus_id', weightBy: 'enrollment_capacity' } },
        { name: 'term_start_date', type: 'DATE', description: 'First day of the term the section ran in.', synonyms: ['term', 'semester start'], generator: { kind: 'date', from: -760, to: -100, yearly: TERM_YEARLY, growth: 0.12 } },
        { name: 'is_gateway', type: 'BOOL', description: 'Whether the course is a gateway course (copied from the catalog).', generator: { kind: 'copy', ref: 'course_id.is_gateway' } },
        { name: 'section_capacity', type: 'INT64', description: 'Seats offered in the section.', synonyms: ['seats', 'cap'], generator: { kind: 'number', dist: 'poisson', mean: 32, min: 10, max: 150, decimals: 0 } },
      ],
    },
    {
      module: 'enrolments',
      description: 'Course registrations: one student in one section, with the final grade and learning-platform engagement.',
      grain: 'one row per student per course section',
      rowCount: 45000,
      synonyms: ['registrations', 'course enrollments', 'grades', 'class rosters'],
      columns: [
        'enrollment_id',
        { name: 'section_id', type: 'INT64', description: 'Section the student took.', generator: { kind: 'foreignKey', table: 'course_sections', column: 'section_id' } },
        { from: 'student_id', generator: { kind: 'foreignKey', table: 'students', column: 'student_id', distribution: 'zipf', skew: 0.2 } },
        {
          name: 'final_grade', type: 'STRING', description: 'Final letter grade; W means the student withdrew.', synonyms: ['grade', 'letter grade', 'outcome'],
          generator: {
            kind: 'category', values: GRADES, weights: [0.34, 0.32, 0.18, 0.05, 0.04, 0.07],
            effects: [...by('section_id.is_gateway', 'weights', { true: [0.18, 0.24, 0.18, 0.12, 0.12, 0.16] }), ...by('section_id.campus_id', 'weights', { 2: [0.26, 0.26, 0.16, 0.06, 0.08, 0.18] })],
          },
        },
        {
          name: 'lms_logins', type: 'INT64', description: 'Logins to the learning management system during the term.', synonyms: ['LMS activity', 'engagement', 'logins'],
          generator: { kind: 'number', dist: 'poisson', mean: 38, min: 0, max: 200, decimals: 0, effects: by('final_grade', 'factor', [['A', 1.2], ['C', 0.85], ['D', 0.65], [['F', 'W'], 0.35]]) },
        },
      ],
    },
    {
      name: 'tuition_payments',
      description: 'Tuition billed to students each term, the scholarship applied, and when the bill was paid.',
      grain: 'one row per student term bill',
      rowCount: 16000,
      primaryKey: 'payment_id',
      synonyms: ['tuition bills', 'student accounts', 'billing', 'receivables', 'payments'],
      columns: [
        { name: 'payment_id', type: 'INT64', description: 'Bill identifier.', generator: { kind: 'sequence', start: 800001 } },
        { name: 'student_id', type: 'INT64', description: 'Student billed.', generator: { kind: 'foreignKey', table: 'students', column: 'student_id' } },
        { name: 'student_segment', type: 'STRING', description: 'Segment of the student when billed.', synonyms: ['segment'], generator: { kind: 'copy', ref: 'student_id.student_segment' } },
        { name: 'billed_date', type: 'DATE', description: 'Day the term bill was issued.', synonyms: ['bill date', 'invoice date'], generator: { kind: 'date', from: -760, to: -65, yearly: BILLING_YEARLY, growth: 0.12, notBefore: 'student_id.entry_date' } },
        {
          name: 'credits_billed', type: 'INT64', description: 'Credit hours billed for the term.', synonyms: ['credit load', 'credits'],
          generator: { kind: 'number', dist: 'normal', mean: 13, sd: 2, min: 6, max: 18, decimals: 0, effects: by('student_segment', 'factor', { 'Working adults': 0.5, 'Graduate professionals': 0.7 }) },
        },
        { name: 'gross_tuition', type: 'NUMERIC', description: 'Tuition before scholarships: credits x tuition per credit.', synonyms: ['sticker price', 'gross tuition', 'billed tuition'], generator: { kind: 'derived', expr: 'credits_billed * student_id.tuition_rate_per_credit', decimals: 2 } },
        { name: 'scholarship_amount', type: 'NUMERIC', description: 'Institutional scholarship applied to the bill.', synonyms: ['scholarship', 'institutional aid', 'discount'], generator: { kind: 'derived', expr: 'gross_tuition * student_id.scholarship_pct / 100', decimals: 2 } },
        { name: 'net_tuition', type: 'NUMERIC', description: 'Tuition after scholarships: what the student (or a sponsor) owes.', synonyms: ['net tuition revenue', 'revenue', 'net revenue'], generator: { kind: 'derived', expr: 'gross_tuition - scholarship_amount', decimals: 2 } },
        {
          name: 'payment_method', type: 'STRING', description: 'How the bill was paid.', synonyms: ['funding source', 'payer'],
          generator: {
            kind: 'category', values: ['Card', 'Bank transfer', 'Federal aid disbursement', 'Employer tuition assistance', 'Payment plan', 'Sponsor or government'], weights: [0.22, 0.25, 0.3, 0.06, 0.12, 0.05],
            effects: by('student_segment', 'weights', { 'Working adults': [0.15, 0.15, 0.1, 0.45, 0.12, 0.03], 'International students': [0.25, 0.4, 0, 0.02, 0.13, 0.2] }),
          },
        },
        {
          name: 'days_to_pay', type: 'INT64', description: 'Days from bill to payment in full.', synonyms: ['collection time', 'days outstanding'],
          generator: { kind: 'number', dist: 'lognormal', mean: 9, sd: 7, min: 0, max: 22, decimals: 0, effects: by('payment_method', 'factor', { 'Employer tuition assistance': 2.8, 'Payment plan': 1.8 }) },
        },
        { name: 'paid_date', type: 'DATE', description: 'Day the bill was paid in full.', synonyms: ['payment date'], generator: { kind: 'derived', expr: 'billed_date + days_to_pay', decimals: 0 } },
      ],
    },
  ],
  questions: [
    {
      module: 'customers', from: 'places', id: 'q01', question: 'How many students do we have on each campus?',
      insight: '{regions.0} holds the most {company} students of any campus, well above the average campus.',
      insights: [{ kind: 'top', key: 'campus_name', value: '{regions.0}', by: 'students' }, { kind: 'ratio', key: 'campus_name', value: '{regions.0}', column: 'students', atLeast: 1.5, vs: 'average' }],
    },
    {
      id: 'q02', level: 'simple',
      question: 'How many applications did we receive in the last 12 months, and how many of those applicants enrolled?',
      insight: 'Roughly one applicant in five ends up starting classes.',
      expectedColumns: ['applications', 'admitted', 'deposits', 'enrolled', 'enrolled_pct'],
      insights: [{ kind: 'between', column: 'enrolled_pct', min: 18, max: 27 }],
      sql: (d) => `SELECT COUNT(*) AS applications, SUM(${d.boolToInt('admitted')}) AS admitted, SUM(${d.boolToInt('deposit_paid')}) AS deposits,
  SUM(${d.boolToInt('enrolled')}) AS enrolled, ROUND(100.0 * SUM(${d.boolToInt('enrolled')}) / COUNT(*), 1) AS enrolled_pct
FROM ${d.table('applications')}
WHERE applied_date > ${d.monthsAgo(12)}`,
    },
    {
      id: 'q03', level: 'simple',
      question: 'How much net tuition did we bill over the last 12 months after scholarships?',
      insight: 'Scholarships give back roughly a tenth of gross tuition; net tuition is the revenue line to manage.',
      expectedColumns: ['bills', 'gross_tuition', 'scholarships', 'net_tuition', 'discount_rate_pct'],
      insights: [{ kind: 'between', column: 'discount_rate_pct', min: 8, max: 14 }],
      sql: (d) => `SELECT COUNT(*) AS bills, ROUND(SUM(gross_tuition), 2) AS gross_tuition, ROUND(SUM(scholarship_amount), 2) AS scholarships,
  ROUND(SUM(net_tuition), 2) AS net_tuition, ROUND(100.0 * ${d.safeDivide('SUM(scholarship_amount)', 'SUM(gross_tuition)')}, 1) AS discount_rate_pct
FROM ${d.table('tuition_payments')}
WHERE billed_date > ${d.monthsAgo(12)}`,
    },
    {
      id: 'q04', level: 'intermediate',
      question: 'How have monthly applications trended over the last 24 months?',
      insight: 'Applications arrive every month and follow the admissions cycle, heaviest ahead of the fall intake.',
      expectedColumns: ['month', 'applications', 'admitted'],
      insights: [{ kind: 'between', column: 'applications', min: 1 }],
      sql: (d) => `SELECT ${d.truncMonth('applied_date')} AS month, COUNT(*) AS applications, SUM(${d.boolToInt('admitted')}) AS admitted
FROM ${d.table('applications')}
WHERE applied_date >= ${d.truncMonth(d.monthsAgo(23))}
GROUP BY 1 ORDER BY 1`,
    },
    {
      id: 'q05', level: 'intermediate',
      question: 'Which recruitment channels bring applicants who actually enrol?',
      insight: 'Paid social brings the most applications but the lowest admit rate; referrals convert best, with the highest yield of any channel.',
      expectedColumns: ['lead_source', 'applications', 'admit_rate_pct', 'yield_pct', 'enrolled'],
      insights: [{ kind: 'top', key: 'lead_source', value: 'Paid social', by: 'applications' }, { kind: 'bottom', key: 'lead_source', value: 'Paid social', by: 'admit_rate_pct' }, { kind: 'top', key: 'lead_source', value: 'Referral', by: 'yield_pct' }],
      sql: (d) => `SELECT lead_source, COUNT(*) AS applications,
  ROUND(100.0 * SUM(${d.boolToInt('admitted')}) / COUNT(*), 1) AS admit_rate_pct,
  ROUND(100.0 * ${d.safeDivide(`SUM(${d.boolToInt('deposit_paid')})`, `SUM(${d.boolToInt('admitted')})`)}, 1) AS yield_pct,
  SUM(${d.boolToInt('enrolled')}) AS enrolled
FROM ${d.table('applications')}
GROUP BY lead_source ORDER BY applications DESC`,
    },
    {
      id: 'q06', level: 'intermediate',
      question: 'How do course completion and DFW rates compare across campuses?',
      insight: '{regions.1} courses complete more than ten points less often than in-person courses, with about twice the withdrawals.',
      expectedColumns: ['campus_name', 'delivery_mode', 'enrollments', 'completion_pct', 'dfw_pct', 'withdrawal_pct'],
      insights: [{ kind: 'top', key: 'campus_name', value: '{regions.1}', by: 'withdrawal_pct' }],
      sql: (d) => `SELECT c.campus_name, c.delivery_mode, COUNT(*) AS enrollments,
  ROUND(100.0 * SUM(CASE WHEN e.final_grade IN ('A', 'B', 'C', 'D') THEN 1 ELSE 0 END) / COUNT(*), 1) AS completion_pct,
  ROUND(100.0 * SUM(CASE WHEN e.final_grade IN ('D', 'F', 'W') THEN 1 ELSE 0 END) / COUNT(*), 1) AS dfw_pct,
  ROUND(100.0 * SUM(CASE WHEN e.final_grade = 'W' THEN 1 ELSE 0 END) / COUNT(*), 1) AS withdrawal_pct
FROM ${d.table('enrollments')} e
JOIN ${d.table('course_sections')} cs ON cs.section_id = e.section_id
JOIN ${d.table('campuses')} c ON c.campus_id = cs.campus_id
GROUP BY c.campus_name, c.delivery_mode ORDER BY completion_pct`,
    },
    {
      id: 'q07', level: 'intermediate',
      question: 'Which schools enrol the most students and bring in the most net tuition?',
      insight: 'A few schools carry the institution: the largest bring in more than twice the net tuition of the smallest.',
      expectedColumns: ['school_name', 'students', 'net_tuition', 'net_tuition_per_student'],
      insights: [{ kind: 'trend', column: 'net_tuition', direction: 'down', atLeast: 2 }],
      sql: (d) => `WITH per_student AS (
  SELECT s.student_id, p.school_id, COALESCE(SUM(t.net_tuition), 0) AS net_tuition
  FROM ${d.table('students')} s
  JOIN ${d.table('programs')} p ON p.program_id = s.program_id
  LEFT JOIN ${d.table('tuition_payments')} t ON t.student_id = s.student_id
  GROUP BY s.student_id, p.school_id
)
SELECT sc.school_name, COUNT(*) AS students, ROUND(SUM(ps.net_tuition), 2) AS net_tuition,
  ROUND(AVG(ps.net_tuition), 2) AS net_tuition_per_student
FROM per_student ps JOIN ${d.table('schools')} sc ON sc.school_id = ps.school_id
GROUP BY sc.school_name ORDER BY net_tuition DESC`,
    },
    {
      id: 'q08', level: 'advanced',
      question: 'Which courses have the highest DFW rates?',
      insight: 'The course with the highest DFW rate is a gateway course, where a large share of students earn a D, fail or withdraw.',
      expectedColumns: ['course_code', 'course_title', 'is_gateway', 'enrollments', 'dfw_pct'],
      insights: [{ kind: 'top', key: 'is_gateway', value: 'true' }],
      sql: (d) => `SELECT co.course_code, co.course_title, co.is_gateway, COUNT(*) AS enrollments,
  ROUND(100.0 * SUM(CASE WHEN e.final_grade IN ('D', 'F', 'W') THEN 1 ELSE 0 END) / COUNT(*), 1) AS dfw_pct
FROM ${d.table('enrollments')} e
JOIN ${d.table('course_sections')} cs ON cs.section_id = e.section_id
JOIN ${d.table('courses')} co ON co.course_id = cs.course_id
GROUP BY co.course_code, co.course_title, co.is_gateway
HAVING COUNT(*) >= 80
ORDER BY dfw_pct DESC LIMIT 10`,
    },
    {
      id: 'q09', level: 'advanced',
      question: 'Does offering a scholarship change whether admitted students accept?',
      insight: 'Admitted students offered a scholarship pay their deposit nearly twice as often as those without one (over 60% against about 35%).',
      expectedColumns: ['scholarship_offered', 'admitted', 'deposits', 'yield_pct'],
      insights: [{ kind: 'compare', key: 'scholarship_offered', value: 'true', other: 'false', column: 'yield_pct', atLeast: 1.4 }],
      sql: (d) => `SELECT scholarship_offered, COUNT(*) AS admitted, SUM(${d.boolToInt('deposit_paid')}) AS deposits,
  ROUND(100.0 * SUM(${d.boolToInt('deposit_paid')}) / COUNT(*), 1) AS yield_pct
FROM ${d.table('applications')}
WHERE admitted
GROUP BY scholarship_offered ORDER BY yield_pct DESC`,
    },
    {
      id: 'q10', level: 'advanced',
      question: 'Where do we lose students between deposit and the first day of class?',
      insight: 'Summer melt hits {customerSegments.2} hardest: about two in five who paid a deposit never start, several times the rate of any other group.',
      expectedColumns: ['applicant_segment', 'deposits', 'enrolled', 'melt_pct'],
      insights: [{ kind: 'top', key: 'applicant_segment', value: '{customerSegments.2}' }, { kind: 'ratio', key: 'applicant_segment', value: '{customerSegments.2}', column: 'melt_pct', atLeast: 1.6 }],
      sql: (d) => `SELECT applicant_segment, COUNT(*) AS deposits, SUM(${d.boolToInt('enrolled')}) AS enrolled,
  ROUND(100.0 * SUM(1 - ${d.boolToInt('enrolled')}) / COUNT(*), 1) AS melt_pct
FROM ${d.table('applications')}
WHERE deposit_paid
GROUP BY applicant_segment ORDER BY melt_pct DESC`,
    },
    {
      id: 'q11', level: 'advanced',
      question: 'How much of our teaching rests on adjunct instructors, and how do their students do?',
      insight: 'Adjunct instructors teach the largest share of enrollments, well over one and a half times that of any other rank: the issue is capacity and cost.',
      expectedColumns: ['academic_rank', 'instructors', 'faculty_share_pct', 'enrollments', 'enrollment_share_pct', 'dfw_pct'],
      insights: [{ kind: 'top', key: 'academic_rank', value: 'Adjunct Instructor', by: 'enrollment_share_pct' }, { kind: 'ratio', key: 'academic_rank', value: 'Adjunct Instructor', column: 'enrollments', atLeast: 1.7 }],
      sql: (d) => `WITH by_rank AS (
  SELECT i.academic_rank, COUNT(DISTINCT i.instructor_id) AS instructors, COUNT(*) AS enrollments,
    SUM(CASE WHEN e.final_grade IN ('D', 'F', 'W') THEN 1 ELSE 0 END) AS dfw
  FROM ${d.table('enrollments')} e
  JOIN ${d.table('course_sections')} cs ON cs.section_id = e.section_id
  JOIN ${d.table('instructors')} i ON i.instructor_id = cs.instructor_id
  GROUP BY i.academic_rank
), faculty AS (
  SELECT academic_rank, COUNT(*) AS headcount FROM ${d.table('instructors')} GROUP BY academic_rank
)
SELECT b.academic_rank, b.instructors, ROUND(100.0 * f.headcount / SUM(f.headcount) OVER (), 1) AS faculty_share_pct,
  b.enrollments, ROUND(100.0 * b.enrollments / SUM(b.enrollments) OVER (), 1) AS enrollment_share_pct,
  ROUND(100.0 * b.dfw / b.enrollments, 1) AS dfw_pct
FROM by_rank b JOIN faculty f ON f.academic_rank = b.academic_rank
ORDER BY b.enrollments DESC`,
    },
    {
      id: 'q12', level: 'expert',
      question: 'Which students are we losing after the first year, and do scholarships make a difference?',
      insight: '{customerSegments.1} are the least likely to return for a second year: fewer than six in ten come back without a scholarship, against close to nine in ten with one, the biggest retention lift of any group.',
      expectedColumns: ['segment', 'students', 'retention_pct', 'retention_without_scholarship_pct', 'retention_with_scholarship_pct', 'scholarship_lift_pts'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.1}', by: 'scholarship_lift_pts' }],
      sql: (d) => `WITH cohort AS (
  SELECT student_segment, ${d.boolToInt('received_scholarship')} AS has_scholarship, ${d.boolToInt('retained_second_year')} AS retained
  FROM ${d.table('students')}
  WHERE entry_date <= ${d.daysAgo(400)}
), by_segment AS (
  SELECT student_segment, COUNT(*) AS students, AVG(retained) AS retention,
    ${d.safeDivide('SUM(CASE WHEN has_scholarship = 0 THEN retained ELSE 0 END)', 'SUM(1 - has_scholarship)')} AS without_scholarship,
    ${d.safeDivide('SUM(CASE WHEN has_scholarship = 1 THEN retained ELSE 0 END)', 'SUM(has_scholarship)')} AS with_scholarship
  FROM cohort GROUP BY student_segment
)
SELECT student_segment AS segment, students, ROUND(100.0 * retention, 1) AS retention_pct,
  ROUND(100.0 * without_scholarship, 1) AS retention_without_scholarship_pct,
  ROUND(100.0 * with_scholarship, 1) AS retention_with_scholarship_pct,
  ROUND(100.0 * (with_scholarship - without_scholarship), 1) AS scholarship_lift_pts
FROM by_segment ORDER BY retention_pct`,
    },
    {
      id: 'q13', level: 'expert',
      question: 'What is our tuition discount rate by student segment, and what do we net per credit?',
      insight: '{customerSegments.0} carry by far the highest discount rate, well above any other segment, so each of their credits nets the least.',
      expectedColumns: ['segment', 'bills', 'gross_tuition', 'scholarships', 'discount_rate_pct', 'net_tuition_per_credit'],
      insights: [{ kind: 'top', key: 'segment', value: '{customerSegments.0}', by: 'discount_rate_pct' }, { kind: 'ratio', key: 'segment', value: '{customerSegments.0}', column: 'discount_rate_pct', atLeast: 1.25 }, { kind: 'bottom', key: 'segment', value: '{customerSegments.0}', by: 'net_tuition_per_credit' }],
      sql: (d) => `SELECT student_segment AS segment, COUNT(*) AS bills, ROUND(SUM(gross_tuition), 2) AS gross_tuition, ROUND(SUM(scholarship_amount), 2) AS scholarships,
  ROUND(100.0 * ${d.safeDivide('SUM(scholarship_amount)', 'SUM(gross_tuition)')}, 1) AS discount_rate_pct,
  ROUND(${d.safeDivide('SUM(net_tuition)', 'SUM(credits_billed)')}, 2) AS net_tuition_per_credit
FROM ${d.table('tuition_payments')}
GROUP BY student_segment ORDER BY discount_rate_pct DESC`,
    },
    {
      id: 'q14', level: 'expert',
      question: 'Is engagement on the learning platform an early warning for students who fail or withdraw?',
      insight: 'Students who end with an F or a W logged in about a third as often as those who passed: low LMS activity is an early-warning signal worth acting on mid-term.',
      expectedColumns: ['final_grade', 'enrollments', 'avg_lms_logins', 'median_lms_logins'],
      insights: [{ kind: 'trend', column: 'avg_lms_logins', direction: 'up', atLeast: 2.5 }],
      sql: (d) => `SELECT final_grade, COUNT(*) AS enrollments, ROUND(AVG(lms_logins), 1) AS avg_lms_logins, ${d.median('lms_logins')} AS median_lms_logins
FROM ${d.table('enrollments')}
GROUP BY final_grade ORDER BY avg_lms_logins`,
    },
    {
      id: 'q15', level: 'expert',
      question: 'Which payment methods take longest to collect, and who relies on them?',
      insight: 'Bills paid through employer tuition assistance take about twice as long to collect as the other payment methods on average.',
      expectedColumns: ['payment_method', 'bills', 'net_tuition', 'avg_days_to_pay', 'paid_after_30_days_pct', 'top_segment'],
      insights: [{ kind: 'top', key: 'payment_method', value: 'Employer tuition assistance', by: 'avg_days_to_pay' }, { kind: 'ratio', key: 'payment_method', value: 'Employer tuition assistance', column: 'avg_days_to_pay', atLeast: 1.8, vs: 'average' }],
      sql: (d) => `WITH seg AS (
  SELECT payment_method, student_segment, COUNT(*) AS bills,
    ROW_NUMBER() OVER (PARTITION BY payment_method ORDER BY COUNT(*) DESC) AS rn
  FROM ${d.table('tuition_payments')} GROUP BY payment_method, student_segment
)
SELECT t.payment_method, COUNT(*) AS bills, ROUND(SUM(t.net_tuition), 2) AS net_tuition, ROUND(AVG(t.days_to_pay), 1) AS avg_days_to_pay,
  ROUND(100.0 * SUM(CASE WHEN t.days_to_pay > 30 THEN 1 ELSE 0 END) / COUNT(*), 1) AS paid_after_30_days_pct,
  MAX(seg.student_segment) AS top_segment
FROM ${d.table('tuition_payments')} t JOIN seg ON seg.payment_method = t.payment_method AND seg.rn = 1
GROUP BY t.payment_method ORDER BY avg_days_to_pay DESC`,
    },
  ],
  glossary: [
    { term: 'Admit rate', definition: 'Admitted applications divided by all applications.' },
    { term: 'Yield', definition: 'Admitted applicants who paid their deposit, divided by admitted applicants.' },
    { term: 'Summer melt', definition: 'Share of applicants who paid a deposit but never started classes (deposit_paid and not enrolled).' },
    { term: 'Course completion rate', definition: 'Share of enrollments finishing with a grade of A, B, C or D.' },
    { term: 'DFW rate', definition: 'Share of enrollments ending in a D, an F or a withdrawal (W).' },
    { term: 'Second-year retention', definition: 'Share of students who entered over a year ago and came back for a second year (retained_second_year).' },
    { term: 'Net tuition', definition: 'Gross tuition (credits x tuition per credit) minus institutional scholarships.' },
    { term: 'Tuition discount rate', definition: 'Scholarships as a share of gross tuition.' },
  ],
  scenes: [
    { title: 'Where we stand', narrative: 'Start with the numbers the {company} cabinet asks for first: headcount by campus, the incoming funnel and net tuition.', questionIds: ['q01', 'q02', 'q03', 'q07'] },
    { title: 'Filling the class', narrative: 'Follow applicants through the funnel: which channels bring students who enrol, whether scholarships win them, and who melts away before day one.', questionIds: ['q04', 'q05', 'q09', 'q10'] },
    { title: 'Student success', narrative: 'Completion is not uniform: gateway courses and online delivery lose students, and the learning platform shows who is at risk while there is still time to act.', questionIds: ['q06', 'q08', 'q14', 'q11'] },
    { title: 'Keeping students and the revenue they bring', narrative: 'Finish with retention and the economics behind it: who does not come back, what we discount, and where collections are slow.', questionIds: ['q12', 'q13', 'q15'] },
  ],
});
