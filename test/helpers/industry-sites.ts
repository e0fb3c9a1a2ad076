/**
 * The fixture sites of industries outside the nine presets (test/fixtures/sites), and what
 * research must find on each. Several mislead on purpose: a law firm that writes about
 * trucking, a game studio with a merch cart, a food bank whose agencies place orders.
 */
export const INDUSTRY_SITES: Record<string, { name: string; industry: string }> = {
  'hartwell-law': { name: 'Hartwell & Diaz', industry: 'law_firm' },
  'pixelforge-games': { name: 'Pixelforge Games', industry: 'game_studio' },
  'riverbend-food-bank': { name: 'Riverbend Community Food Bank', industry: 'food_bank' },
  'copperkettle-brewing': { name: 'Copper Kettle Brewing', industry: 'brewery' },
  'ember-coffee-roasters': { name: 'Ember Coffee Roasters', industry: 'coffee_roaster' },
  'summit-fitness': { name: 'Summit Strength & Yoga', industry: 'fitness_wellness' },
  'keel-compass-pr': { name: 'Keel & Compass', industry: 'marketing_agency' },
  'fairway-mutual': { name: 'Fairway Mutual Insurance', industry: 'insurance' },
  'northgate-realty': { name: 'Northgate Realty', industry: 'real_estate' },
  'bluestem-farm': { name: 'Bluestem Family Farm', industry: 'farm' },
  'lumen-solar': { name: 'Lumen Solar', industry: 'solar_energy' },
  'crestline-builders': { name: 'Crestline Builders', industry: 'construction' },
  'greenleaf-cpa': { name: 'Greenleaf & Moss CPAs', industry: 'accounting' },
  'harborview-gazette': { name: 'The Harborview Gazette', industry: 'media_publishing' },
  'ridgeway-motors': { name: 'Ridgeway Motors', industry: 'automotive' },
  'brightwave-fiber': { name: 'Brightwave', industry: 'telecom' },
};

/** A one-page "coming soon" site: research must say it does not know. */
export const UNKNOWN_SITES = ['coming-soon'];
