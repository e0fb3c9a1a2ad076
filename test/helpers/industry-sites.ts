/** A fixture site, and what its demo must say. */
export interface IndustrySite {
  name: string;
  industry: string;
  /** Words the site itself uses (offerings, places, what it calls its people and work); its demo uses at least 3. */
  terms: string[];
  /** Words of other industries its demo must not use (retail's catalogue is forbidden everywhere). */
  foreign: string[];
}

/**
 * The fixture sites of industries outside the nine presets (test/fixtures/sites), and what
 * research must find on each. Several mislead on purpose: a law firm that writes about
 * trucking, a game studio with a merch cart, a food bank whose agencies place orders.
 */
export const INDUSTRY_SITES: Record<string, IndustrySite> = {
  'hartwell-law': { name: 'Hartwell & Diaz', industry: 'law_firm',
    terms: ['attorneys', 'practice areas', 'Litigation', 'Texas'],
    foreign: ['patient', 'batch', 'subscriber', 'pantry'] },
  'pixelforge-games': { name: 'Pixelforge Games', industry: 'game_studio',
    terms: ['games', 'players', 'Hearthbound Plush', 'Lanternfall Hoodie', 'Expansion'],
    foreign: ['patient', 'matter', 'pantry', 'brew'] },
  'riverbend-food-bank': { name: 'Riverbend Community Food Bank', industry: 'food_bank',
    terms: ['pantries', 'volunteers', 'donations', 'Mobile pantry', 'Senior boxes', 'Partner agencies'],
    foreign: ['revenue', 'discount', 'order value', 'patient'] },
  'copperkettle-brewing': { name: 'Copper Kettle Brewing', industry: 'brewery',
    terms: ['beers', 'Lager', 'Stout', 'Seasonal releases', 'Distributors'],
    foreign: ['patient', 'matter', 'billable', 'subscriber'] },
  'ember-coffee-roasters': { name: 'Ember Coffee Roasters', industry: 'coffee_roaster',
    terms: ['roasters', 'roasts', 'Coffee subscription', 'Direct trade', 'Colombia'],
    foreign: ['patient', 'matter', 'billable'] },
  'summit-fitness': { name: 'Summit Strength & Yoga', industry: 'fitness_wellness',
    terms: ['memberships', 'members', 'coaches', 'Class packs', 'Personal training'],
    foreign: ['patient', 'brew', 'matter'] },
  'keel-compass-pr': { name: 'Keel & Compass', industry: 'marketing_agency',
    terms: ['clients', 'campaigns', 'Public relations', 'Social media', 'Paid media'],
    foreign: ['patient', 'batches', 'footfall'] },
  'fairway-mutual': { name: 'Fairway Mutual Insurance', industry: 'insurance',
    terms: ['policies', 'agents', 'claims', 'Auto', 'Homeowners'],
    foreign: ['patient', 'brew', 'matter'] },
  'northgate-realty': { name: 'Northgate Realty', industry: 'real_estate',
    terms: ['agents', 'listings', 'Rentals', 'Property management', 'Landlords'],
    foreign: ['patient', 'batch', 'matter'] },
  'bluestem-farm': { name: 'Bluestem Family Farm', industry: 'farm',
    terms: ['crops', 'CSA shares', 'Vegetables', 'Eggs', 'Iowa'],
    foreign: ['patient', 'matter', 'subscriber'] },
  'lumen-solar': { name: 'Lumen Solar', industry: 'solar_energy',
    terms: ['installers', 'installations', 'Residential solar', 'Battery storage', 'Arizona'],
    foreign: ['patient', 'brew', 'matter'] },
  'crestline-builders': { name: 'Crestline Builders', industry: 'construction',
    terms: ['projects', 'Design-build', 'California'],
    foreign: ['patient', 'beer', 'subscriber'] },
  'greenleaf-cpa': { name: 'Greenleaf & Moss CPAs', industry: 'accounting',
    terms: ['accountants', 'clients', 'Audit', 'Nonprofits', 'Vermont'],
    foreign: ['patient', 'brew', 'pantry'] },
  'harborview-gazette': { name: 'The Harborview Gazette', industry: 'media_publishing',
    terms: ['readers', 'editors', 'Digital subscription', 'Newsletters', 'Podcast'],
    foreign: ['patient', 'brew', 'matter'] },
  'ridgeway-motors': { name: 'Ridgeway Motors', industry: 'automotive',
    terms: ['vehicles', 'New vehicles', 'Used vehicles', 'Financing'],
    foreign: ['patient', 'brew', 'matter'] },
  'brightwave-fiber': { name: 'Brightwave', industry: 'telecom',
    terms: ['plans', 'Mobile plans', 'Dedicated fiber', 'Wisconsin'],
    foreign: ['patient', 'brew', 'matter'] },
  'sprout-and-sparrow-childcare': { name: 'Sprout & Sparrow Early Learning', industry: 'childcare',
    terms: ['families', 'teachers', 'centers', 'Infant care', 'Toddler program', 'Preschool', 'Pre-K'],
    foreign: ['patient', 'student', 'DFW', 'scholarship', 'learner', 'admit'] },
  'hollis-memorial-chapels': { name: 'Hollis Memorial Chapels', industry: 'funeral_home',
    terms: ['families', 'chapels', 'funeral directors', 'pre-need contracts', 'Traditional funeral', 'Cremation', 'Memorial service'],
    foreign: ['patient', 'subscriber', 'guest', 'student', 'brew'] },
  'quail-run-golf': { name: 'Quail Run Golf Club', industry: 'golf_club',
    terms: ['golfers', 'tee times', 'memberships', 'Green fees', 'Golf lessons', 'Golf outings'],
    foreign: ['patient', 'brew', 'matter', 'guest', 'attendee'] },
  'two-rivers-moving': { name: 'Two Rivers Moving & Storage', industry: 'moving_storage',
    terms: ['moves', 'movers', 'Local moving', 'Long-distance moving', 'Office moving', 'Storage units'],
    foreign: ['shipper', 'LTL', 'freight', 'lane', 'patient', 'guest'] },
};

/** A one-page "coming soon" site: research must say it does not know. */
export const UNKNOWN_SITES = ['coming-soon'];
