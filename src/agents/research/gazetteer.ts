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
