/** What research must find on a small business's site: its offerings and its own places. */
export interface SmallBusinessSite {
  name: string;
  /** Offerings that must be among the profile's products. */
  products: string[];
  /** Places that must be among the profile's regions. */
  regions: string[];
  /** Headings and places that must not be taken for offerings. */
  notProducts: string[];
  /** Words that must not be taken for places. */
  notRegions: string[];
}

/**
 * The fixture sites of small local businesses (test/fixtures/sites), which list their offerings
 * under a heading and name their towns, neighbourhoods or courses in a sentence. Their industry
 * is not asserted here: the taxonomy may or may not have it.
 */
export const SMALL_BUSINESS_SITES: Record<string, SmallBusinessSite> = {
  'whitfield-funeral': {
    name: 'Whitfield & Sons Funeral Home',
    products: ['Traditional funeral services', 'Cremation services', 'Graveside services', 'Direct cremation'],
    regions: ['Dayton', 'Kettering', 'Beavercreek'],
    notProducts: ['Recent obituaries', 'Plan ahead', 'Services', 'Why families choose us'],
    notRegions: ['North', 'Our'],
  },
  'brightpath-moving': {
    name: 'BrightPath Movers',
    products: ['Residential moving', 'Office and commercial moving', 'Long-distance moving', 'Packing and unpacking', 'Climate-controlled storage', 'Piano and specialty moving'],
    regions: ['Denver', 'Boulder', 'Colorado Springs', 'Fort Collins'],
    notProducts: ['Our services', 'Denver metro', 'Boulder County', 'Reviews'],
    notRegions: ['BrightPath Movers', 'USDOT'],
  },
  'little-acorns': {
    name: 'Little Acorns Early Learning',
    products: ['Infant care', 'Toddler program', 'Preschool', 'Pre-K readiness', 'After-school care', 'Summer camp'],
    regions: ['Sellwood', 'Hawthorne', 'Alberta', 'St. Johns'],
    notProducts: ['Our programs', 'Every program includes', 'Breakfast, lunch and two snacks'],
    notRegions: ['Portland Parent', 'Since'],
  },
  'pinecrest-golf': {
    name: 'Pinecrest Golf Club',
    products: ['Full golf membership', 'Junior executive membership', 'Social membership', 'Seasonal membership'],
    regions: ['Canyon Course', 'Desert Course'],
    notProducts: ['The Canyon Course', 'The Desert Course', 'Membership'],
    notRegions: ['Tom Weiskopf', 'Pinecrest Golf Club'],
  },
};
