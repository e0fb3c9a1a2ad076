// Bundled word lists for fake values. Invented combinations only: no real persons;
// emails use the reserved example domains (RFC 2606).
export const FIRST_NAMES = [
  'Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Harper', 'Rowan', 'Emerson', 'Finley',
  'Maya', 'Liam', 'Sofia', 'Noah', 'Amara', 'Mateo', 'Aisha', 'Ethan', 'Priya', 'Lucas',
  'Chloe', 'Diego', 'Hana', 'Owen', 'Zara', 'Elias', 'Nora', 'Kai', 'Leah', 'Arjun',
  'Ines', 'Theo', 'Mila', 'Felix', 'Yara', 'Hugo', 'Ada', 'Samir', 'Lena', 'Tomas',
  'Grace', 'Ivan', 'Julia', 'Omar', 'Clara', 'Ravi', 'Elena', 'Jonah', 'Nina', 'Marcus',
] as const;

export const LAST_NAMES = [
  'Alder', 'Brennan', 'Castillo', 'Dalton', 'Ellison', 'Fairbank', 'Garza', 'Hollis', 'Ibarra', 'Jensen',
  'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Pereira', 'Quintero', 'Rasmussen', 'Sato', 'Thorne',
  'Underwood', 'Varga', 'Whitlock', 'Xu', 'Yilmaz', 'Zeller', 'Ashford', 'Bishop', 'Carver', 'Delgado',
  'Everett', 'Fontaine', 'Galloway', 'Hargrove', 'Iverson', 'Keller', 'Lambert', 'Mendes', 'Novak', 'Osei',
  'Patel', 'Reyes', 'Sinclair', 'Tanaka', 'Vance', 'Weber', 'Young', 'Abbott', 'Baptiste', 'Chen',
] as const;

export const COMPANY_PREFIXES = [
  'Blue', 'Summit', 'Harbor', 'Crescent', 'Granite', 'Maple', 'Silver', 'North', 'Bright', 'Cedar',
  'Iron', 'Pioneer', 'Vertex', 'Lumen', 'Atlas', 'Beacon', 'Orchid', 'Falcon', 'Meridian', 'Willow',
] as const;

export const COMPANY_CORES = [
  'River', 'Peak', 'Field', 'Stone', 'Bridge', 'Grove', 'Point', 'Ridge', 'Lake', 'Forge',
  'Works', 'Labs', 'Logic', 'Path', 'Wave', 'Line', 'Gate', 'Crest', 'Vale', 'Shore',
] as const;

export const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Group', 'Co.', 'Partners', 'Holdings', 'Systems', 'Ltd.'] as const;

export const CITIES = [
  'Springfield', 'Riverton', 'Lakewood', 'Fairview', 'Georgetown', 'Franklin', 'Clinton', 'Salem', 'Madison', 'Ashland',
  'Oakridge', 'Milford', 'Newport', 'Bristol', 'Dover', 'Hudson', 'Kingston', 'Arlington', 'Burlington', 'Greenville',
  'Brookfield', 'Westfield', 'Marion', 'Chester', 'Auburn', 'Dayton', 'Lexington', 'Monroe', 'Princeton', 'Winchester',
] as const;

export const STREET_NAMES = [
  'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Lake', 'Hill', 'Park', 'Washington', 'Main',
  'River', 'Sunset', 'Meadow', 'Forest', 'Spring', 'Highland', 'Church', 'Mill', 'Harbor', 'Orchard',
] as const;

export const STREET_KINDS = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Way', 'Dr', 'Ct'] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

export const WORDS = [
  'quick', 'reliable', 'premium', 'standard', 'custom', 'seasonal', 'classic', 'compact', 'advanced', 'essential',
  'fresh', 'smart', 'flexible', 'secure', 'modern', 'durable', 'light', 'pro', 'plus', 'prime',
] as const;

export const SENTENCES = [
  'Customer asked about delivery times.',
  'Follow-up requested by the account team.',
  'Resolved on first contact.',
  'Escalated to the specialist team.',
  'Needs a callback next week.',
  'Positive feedback on the experience.',
  'Reported a billing question.',
  'Requested an upgrade quote.',
  'Shared a feature suggestion.',
  'Confirmed the renewal terms.',
] as const;
