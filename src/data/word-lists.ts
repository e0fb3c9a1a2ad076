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

/**
 * Locale word lists and formats. Names are common given and family names combined at
 * random (no real persons); phone numbers sit in ranges reserved for fiction or examples
 * where the country has one (US 555-01xx, UK 020 7946 0xxx).
 */
export interface LocaleWords {
  firstNames: readonly string[];
  lastNames: readonly string[];
  cities: readonly string[];
  streets: readonly string[];
  /** `{n}` house number, `{s}` street name. */
  streetFormat: string;
  /** `#` a random digit. */
  phoneFormat: string;
  postcodeFormat: string;
  companySuffixes: readonly string[];
}

export const LOCALES: Record<string, LocaleWords> = {
  'en-US': {
    firstNames: FIRST_NAMES,
    lastNames: LAST_NAMES,
    cities: CITIES,
    streets: STREET_NAMES.flatMap((s) => STREET_KINDS.slice(0, 4).map((k) => `${s} ${k}`)),
    streetFormat: '{n} {s}',
    phoneFormat: '+1-###-555-01##',
    postcodeFormat: '#####',
    companySuffixes: COMPANY_SUFFIXES,
  },
  'en-GB': {
    firstNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Charlie', 'Freya', 'Alfie', 'Poppy', 'Thomas', 'Evie', 'Arthur', 'Ella', 'Oscar', 'Rosie', 'Henry', 'Imogen'],
    lastNames: ['Ashworth', 'Barlow', 'Cartwright', 'Dunmore', 'Eastwood', 'Fairclough', 'Grimshaw', 'Holloway', 'Ingham', 'Kershaw', 'Lomax', 'Marsden', 'Nuttall', 'Pickering', 'Rawlinson', 'Sutcliffe', 'Thwaite', 'Whitworth', 'Yardley', 'Oakes'],
    cities: ['Leeds', 'Bristol', 'York', 'Norwich', 'Exeter', 'Bath', 'Chester', 'Durham', 'Lincoln', 'Derby', 'Reading', 'Oxford', 'Cambridge', 'Brighton', 'Carlisle'],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Mill Lane', 'Park Road', 'Victoria Road', 'Green Lane', 'Manor Road', 'Queens Road', 'The Crescent'],
    streetFormat: '{n} {s}',
    phoneFormat: '+44 20 7946 0###',
    postcodeFormat: 'ZZ# #ZZ',
    companySuffixes: ['Ltd', 'plc', 'LLP', 'Group', 'Partners'],
  },
  'de-DE': {
    firstNames: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Marie', 'Leon', 'Sophie', 'Paul', 'Lena', 'Finn', 'Emilia', 'Elias', 'Hannah', 'Ben', 'Johanna', 'Noah', 'Clara', 'Moritz', 'Greta'],
    lastNames: ['Albrecht', 'Brandt', 'Dietrich', 'Engel', 'Fuchs', 'Graf', 'Hartmann', 'Jung', 'Kaiser', 'Lorenz', 'Möller', 'Neumann', 'Otto', 'Pohl', 'Roth', 'Sauer', 'Thiele', 'Vogel', 'Winkler', 'Ziegler'],
    cities: ['Leipzig', 'Dresden', 'Bremen', 'Hannover', 'Nürnberg', 'Münster', 'Freiburg', 'Kassel', 'Mainz', 'Rostock', 'Erfurt', 'Potsdam', 'Augsburg', 'Bonn', 'Kiel'],
    streets: ['Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Lindenstraße', 'Kirchweg', 'Am Markt', 'Wiesenweg'],
    streetFormat: '{s} {n}',
    phoneFormat: '+49 30 ### ####',
    postcodeFormat: '#####',
    companySuffixes: ['GmbH', 'AG', 'KG', 'GmbH & Co. KG'],
  },
  'fr-FR': {
    firstNames: ['Louis', 'Emma', 'Gabriel', 'Jade', 'Raphaël', 'Louise', 'Arthur', 'Alice', 'Jules', 'Chloé', 'Adam', 'Léa', 'Hugo', 'Manon', 'Lucas', 'Camille', 'Nathan', 'Inès', 'Théo', 'Zoé'],
    lastNames: ['Arnaud', 'Bertin', 'Carpentier', 'Delorme', 'Fabre', 'Gauthier', 'Hubert', 'Joly', 'Lacroix', 'Marchand', 'Noël', 'Perrin', 'Renaud', 'Rolland', 'Simon', 'Tessier', 'Vasseur', 'Leclerc', 'Masson', 'Blanchard'],
    cities: ['Lyon', 'Nantes', 'Lille', 'Rennes', 'Dijon', 'Angers', 'Tours', 'Nancy', 'Reims', 'Grenoble', 'Rouen', 'Metz', 'Brest', 'Caen', 'Limoges'],
    streets: ['rue de la Paix', 'avenue Victor Hugo', 'rue du Moulin', 'place de l’Église', 'rue des Écoles', 'boulevard Pasteur', 'rue de la Gare', 'chemin des Vignes', 'rue Jean Jaurès', 'allée des Tilleuls'],
    streetFormat: '{n} {s}',
    phoneFormat: '+33 1 99 ## ## ##',
    postcodeFormat: '#####',
    companySuffixes: ['SA', 'SARL', 'SAS', 'Groupe'],
  },
  'es-ES': {
    firstNames: ['Hugo', 'Lucía', 'Martín', 'Sofía', 'Pablo', 'Martina', 'Daniel', 'María', 'Alejandro', 'Julia', 'Álvaro', 'Paula', 'Adrián', 'Valeria', 'Diego', 'Carmen', 'Mario', 'Elena', 'Javier', 'Noa'],
    lastNames: ['Aguilar', 'Benítez', 'Cabrera', 'Domínguez', 'Escobar', 'Fuentes', 'Gallego', 'Herrera', 'Iglesias', 'León', 'Márquez', 'Navarro', 'Ortega', 'Pastor', 'Quiroga', 'Rubio', 'Soler', 'Toledo', 'Vidal', 'Zamora'],
    cities: ['Valencia', 'Sevilla', 'Zaragoza', 'Málaga', 'Bilbao', 'Alicante', 'Córdoba', 'Valladolid', 'Vigo', 'Gijón', 'Granada', 'Oviedo', 'Cádiz', 'Salamanca', 'Burgos'],
    streets: ['Calle Mayor', 'Calle Real', 'Avenida de la Constitución', 'Calle del Sol', 'Plaza de España', 'Calle Nueva', 'Paseo del Prado', 'Calle de la Iglesia', 'Calle Luna', 'Camino Viejo'],
    streetFormat: '{s}, {n}',
    phoneFormat: '+34 91 ### ## ##',
    postcodeFormat: '#####',
    companySuffixes: ['S.A.', 'S.L.', 'Grupo'],
  },
};

/** The locale's words, falling back on the language (`en-AU` -> `en-US`) and then `en-US`. */
export function localeWords(locale: string | undefined): LocaleWords {
  const exact = locale ? LOCALES[locale] : undefined;
  if (exact) return exact;
  const lang = locale?.slice(0, 2).toLowerCase();
  const byLang = Object.entries(LOCALES).find(([k]) => k.startsWith(`${lang}-`))?.[1];
  return byLang ?? (LOCALES['en-US'] as LocaleWords);
}
