// Place names that signal where a company operates. Matched as whole words.
export const MACRO_REGIONS = [
  'North America', 'South America', 'Latin America', 'LATAM', 'EMEA', 'APAC', 'Asia Pacific', 'Europe', 'Middle East', 'Africa',
  'Nordics', 'DACH', 'Benelux', 'Southeast Asia', 'Oceania', 'Pacific Northwest', 'New England', 'Midwest', 'West Coast', 'East Coast',
];

export const COUNTRIES = [
  'United States', 'USA', 'Canada', 'Mexico', 'Brazil', 'Argentina', 'Chile', 'Colombia', 'United Kingdom', 'UK', 'Ireland',
  'France', 'Germany', 'Spain', 'Italy', 'Portugal', 'Netherlands', 'Belgium', 'Switzerland', 'Austria', 'Sweden', 'Norway',
  'Denmark', 'Finland', 'Poland', 'Czech Republic', 'Greece', 'Turkey', 'Israel', 'United Arab Emirates', 'UAE', 'Saudi Arabia',
  'South Africa', 'Nigeria', 'Kenya', 'Egypt', 'India', 'China', 'Japan', 'South Korea', 'Singapore', 'Malaysia', 'Indonesia',
  'Philippines', 'Vietnam', 'Thailand', 'Australia', 'New Zealand', 'Hong Kong', 'Taiwan',
];

export const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia', 'Hawaii',
  'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan',
  'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York',
  'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota',
  'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
];

export const CA_PROVINCES = [
  'Alberta', 'British Columbia', 'Manitoba', 'New Brunswick', 'Newfoundland', 'Nova Scotia', 'Ontario', 'Prince Edward Island', 'Quebec', 'Saskatchewan',
];

/** hreflang region subtags to the name we show. */
export const HREFLANG_REGIONS: Record<string, string> = {
  us: 'United States', gb: 'United Kingdom', uk: 'United Kingdom', ca: 'Canada', au: 'Australia', nz: 'New Zealand', ie: 'Ireland',
  de: 'Germany', fr: 'France', es: 'Spain', it: 'Italy', nl: 'Netherlands', se: 'Sweden', jp: 'Japan', in: 'India', sg: 'Singapore',
  br: 'Brazil', mx: 'Mexico', ch: 'Switzerland', at: 'Austria', be: 'Belgium', dk: 'Denmark', no: 'Norway', fi: 'Finland',
};

/** Abbreviations shown under their full name. */
export const REGION_ALIASES: Record<string, string> = { USA: 'United States', UK: 'United Kingdom', UAE: 'United Arab Emirates', 'Asia Pacific': 'APAC', LATAM: 'Latin America' };

/** ISO country codes (as in JSON-LD addresses) to the names above. */
export const COUNTRY_CODES: Record<string, string> = {
  US: 'United States', CA: 'Canada', MX: 'Mexico', GB: 'United Kingdom', UK: 'United Kingdom', IE: 'Ireland', FR: 'France', DE: 'Germany',
  ES: 'Spain', IT: 'Italy', NL: 'Netherlands', SE: 'Sweden', AU: 'Australia', NZ: 'New Zealand', IN: 'India', JP: 'Japan', SG: 'Singapore', BR: 'Brazil',
};

/** The macro-region each country belongs to, for putting the home market first. */
export const COUNTRY_MACRO: Record<string, string[]> = {
  'United States': ['North America'], Canada: ['North America'], Mexico: ['North America', 'Latin America'], Brazil: ['Latin America', 'South America'],
  'United Kingdom': ['EMEA', 'Europe'], Ireland: ['EMEA', 'Europe'], France: ['EMEA', 'Europe'], Germany: ['EMEA', 'Europe', 'DACH'], Spain: ['EMEA', 'Europe'],
  Italy: ['EMEA', 'Europe'], Netherlands: ['EMEA', 'Europe', 'Benelux'], Sweden: ['EMEA', 'Europe', 'Nordics'], Australia: ['APAC', 'Oceania'],
  'New Zealand': ['APAC', 'Oceania'], India: ['APAC'], Japan: ['APAC'], Singapore: ['APAC', 'Southeast Asia'],
};

/** US state and Canadian province abbreviations, as in addresses. */
export const SUBNATIONAL_CODES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware', FL: 'Florida',
  GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine',
  MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland', NS: 'Nova Scotia', ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec', SK: 'Saskatchewan',
};

/** International dialling codes to countries. +1 is shared by the US and Canada; the US is assumed unless an address says otherwise. */
export const DIALLING_CODES: Record<string, string> = {
  '1': 'United States', '44': 'United Kingdom', '353': 'Ireland', '61': 'Australia', '64': 'New Zealand', '49': 'Germany', '33': 'France',
  '34': 'Spain', '39': 'Italy', '31': 'Netherlands', '32': 'Belgium', '41': 'Switzerland', '43': 'Austria', '46': 'Sweden', '47': 'Norway',
  '45': 'Denmark', '358': 'Finland', '48': 'Poland', '351': 'Portugal', '91': 'India', '81': 'Japan', '65': 'Singapore', '852': 'Hong Kong',
  '52': 'Mexico', '55': 'Brazil', '27': 'South Africa', '971': 'United Arab Emirates', '972': 'Israel', '82': 'South Korea', '86': 'China',
};

/** html lang / hreflang region subtags treated as a weak home-market hint. */
export const LANG_REGIONS = HREFLANG_REGIONS;

/** The currency a country prices in, for sites that show no prices. */
export const COUNTRY_CURRENCY: Record<string, string> = {
  'United States': 'USD', Canada: 'CAD', Mexico: 'MXN', Brazil: 'BRL', 'United Kingdom': 'GBP', Ireland: 'EUR', France: 'EUR', Germany: 'EUR',
  Spain: 'EUR', Italy: 'EUR', Netherlands: 'EUR', Belgium: 'EUR', Austria: 'EUR', Finland: 'EUR', Portugal: 'EUR', Greece: 'EUR',
  Switzerland: 'CHF', Sweden: 'SEK', Norway: 'NOK', Denmark: 'DKK', Poland: 'PLN', Australia: 'AUD', 'New Zealand': 'NZD', India: 'INR',
  Japan: 'JPY', Singapore: 'SGD', 'Hong Kong': 'HKD', 'South Africa': 'ZAR', 'United Arab Emirates': 'AED', Israel: 'ILS', 'South Korea': 'KRW', China: 'CNY',
};
