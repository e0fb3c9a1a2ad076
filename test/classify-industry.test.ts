import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, cleanName, hasUsableContent, voteName } from '../src/agents/research/build-profile.js';
import { classifyIndustry, confidenceOf, CONFIDENT, industryWarning } from '../src/agents/research/classify-industry.js';
import { extractSignals } from '../src/agents/research/extract.js';
import { parseManifest } from '../src/agents/research/web-manifest.js';

const page = (head: string, body: string, url = 'https://www.example.test/') => extractSignals(url, `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`);

describe('industry classification', () => {
  it('reads "trucking accidents" as a law firm\'s topic, not a freight business', () => {
    const p = page('<title>Reyes Law | Trucking accident lawyers</title>', '<h1>Injured in a trucking accident?</h1><p>Our attorneys handle trucking accidents, truck crashes and freight carrier lawsuits. Free consultation from a law firm that wins.</p>');
    assert.equal(classifyIndustry([p]).industry.id, 'law_firm');
  });

  it('reads identity words after "for" as the audience ("visuals for festivals")', () => {
    const p = page('<title>Northlight | Motion graphics for nightclubs, festivals and theatres</title>', '<h1>Motion design studio</h1><p>Live visuals, projection mapping and stage design.</p>');
    assert.equal(classifyIndustry([p]).industry.id, 'creative_studio');
  });

  it('is never sure of one weak keyword, and says so', () => {
    const p = page('<title>Acme</title>', '<p>Visit our shop.</p>');
    const c = classifyIndustry([p]);
    assert.ok(c.confidence < CONFIDENT, String(c.confidence));
    assert.notEqual(c.basis, 'classified');
    assert.match(industryWarning({ id: c.industry.id, label: c.industry.label, naics: c.industry.naics, confidence: c.confidence, basis: c.basis, candidates: c.candidates }) ?? '', /^Industry (unknown|uncertain)/);
  });

  it('confidence grows with evidence and falls with a close rival', () => {
    assert.equal(confidenceOf(0, 0), 0);
    assert.ok(confidenceOf(100, 0) > confidenceOf(20, 0));
    assert.ok(confidenceOf(100, 90) < CONFIDENT, 'a near tie is never confident');
    assert.ok(confidenceOf(100, 20) >= CONFIDENT);
  });

  it('reads a shop from how it describes itself in prose: "sells … online", orders that ship', () => {
    // No cart, no "shop now": a script-built page or a plain one says it in sentences.
    const p = page('<title>Marlow Candle Co. | Hand-poured candles</title>', '<h1>Marlow Candle Co.</h1><p>Marlow Candle Co. sells hand-poured soy candles and diffusers online to customers across Canada.</p><p>Every order ships within two business days, and shipping is free on orders over CAD 60.</p>');
    const c = classifyIndustry([p], undefined, 'Marlow Candle Co.');
    assert.equal(c.industry.id, 'retail');
    assert.ok(c.confidence >= CONFIDENT, String(c.confidence));
    // A gap never spans clauses: "sells tickets. Buy online" is not "sells … online".
    const apart = page('<title>Hall</title>', '<p>The box office sells tickets; buy them online or at the door, any day of the week.</p>');
    assert.ok(!classifyIndustry([apart], undefined, 'Hall').evidence.some((e) => e.claim.includes('sells … online')));
  });

  it('a sentence whose subject is the company counts like its headline', () => {
    const body = '<p>Welcome. We are glad you are here and hope you enjoy browsing our site and our many pages of news.</p><p>Ashcombe Partners is a law firm representing families in estate disputes and probate litigation.</p>';
    const named = classifyIndustry([page('<title>Ashcombe Partners</title>', body)], undefined, 'Ashcombe Partners');
    const unnamed = classifyIndustry([page('<title>Ashcombe Partners</title>', body)]);
    assert.equal(named.industry.id, 'law_firm');
    assert.ok(named.confidence > unnamed.confidence, `${named.confidence} > ${unnamed.confidence}`);
    assert.ok(named.evidence.some((e) => e.claim.includes('"law firm" in the title, description or main heading')), JSON.stringify(named.evidence));
  });

  it('unsure between two industries of one sector, takes the sector\'s general industry only when that is not a curated preset', () => {
    // A brewery that also makes wine is a beverage maker either way: manufacturing's general industry is a composition.
    const drinks = page('<title>Copper Hill Brewing & Winery</title>', '<h1>Copper Hill brewery and winery</h1><p>Our taproom pours IPA, lager, stout and sour beers brewed on site; our tasting room pours estate wines from our vineyard. Visit the brewery, the winery, wine club and beer club. Growlers, kegs and bottles of wine to go.</p>');
    const d = classifyIndustry([drinks]);
    assert.ok(d.confidence < CONFIDENT, String(d.confidence));
    assert.deepEqual([d.industry.id, d.basis], ['industrial_manufacturing', 'sector']);
    // Tutoring for school children is tutoring or a school, unsure which; education's general industry is the
    // university preset (applications, DFW rates, adjuncts), so it gets the general business and a warning.
    const tutoring = page('<title>Bright Minds | Tutoring for kindergarten to grade 8</title>', '<h1>Tutoring and homework help</h1><p>Our tutoring helps with homework, reading and math for kindergarten through grade 8. Parents choose lessons after school during the school year. Small classroom groups, certified teachers, online courses and workshops.</p>');
    // An inn with a café: lodging or a coffeehouse; not the restaurant group's preset (covers, delivery apps, menu engineering).
    const innCafe = page('<title>The Lantern | Inn & Café</title>', '<h1>Rooms and coffee</h1><p>Book a room at our boutique hotel, check-in from 3 pm, then enjoy espresso, cold brew and pastries at the café. Lunch and dinner menu, reservations, breakfast included with your stay.</p>');
    for (const [p, rivals] of [[tutoring, ['training', 'k12_school']], [innCafe, ['coffeehouse', 'hotel']]] as const) {
      const c = classifyIndustry([p]);
      assert.ok(c.confidence < CONFIDENT, String(c.confidence));
      assert.deepEqual(c.candidates.slice(0, 2).map((x) => x.id), rivals);
      assert.deepEqual([c.industry.id, c.basis], ['general_business', 'general']);
    }
  });

  it('a schema.org type of the organisation counts for its industry', () => {
    const p = page('<title>Ferment</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Brewery","name":"Ferment"}</script>', '<h1>Ferment</h1><p>Open Thursday to Sunday. IPA, lager and stout on tap.</p>');
    assert.equal(classifyIndustry([p], undefined, 'Ferment').industry.id, 'brewery');
  });
});

describe('names as a person reads them', () => {
  it('strips marks, "Logo" and "Home"', () => {
    assert.equal(cleanName('Starbucks®'), 'Starbucks');
    assert.equal(cleanName('Carlingford Music Centre Logo'), 'Carlingford Music Centre');
    assert.equal(cleanName('Biola University home'), 'Biola University');
    assert.equal(cleanName('Acme™ Widgets'), 'Acme Widgets');
  });

  it('a title ending in the town and state names the place, not the company', () => {
    const p = page('<title>Whitfield &amp; Sons Funeral Home | Dayton, Ohio</title>', '<h1>Honoring lives</h1><p>A family-owned funeral home.</p>', 'http://127.0.0.1:8080/');
    assert.equal(voteName([p], 'http://127.0.0.1:8080/').name, 'Whitfield & Sons Funeral Home');
    const q = page('<title>Aurora Air | Richmond, BC</title>', '<h1>Fly north</h1>', 'http://127.0.0.1:8080/');
    assert.equal(voteName([q], 'http://127.0.0.1:8080/').name, 'Aurora Air');
  });

  it('keeps a trade\'s own "Home"', () => {
    assert.equal(cleanName('Whitfield & Sons Funeral Home'), 'Whitfield & Sons Funeral Home');
    assert.equal(cleanName('Maple Grove Nursing Home'), 'Maple Grove Nursing Home');
    assert.equal(cleanName('Maple Grove Nursing Home logo'), 'Maple Grove Nursing Home');
  });

  it('a microsite names its organisation from the © notice, not the page', () => {
    const p = page('<title>Events calendar</title>', '<header><a href="/">Home</a></header><h1>Events calendar</h1><p>Lectures and exhibits this spring.</p><footer><p class="copyright">© 2018 The Board of Regents on behalf of The University of Somewhere.</p></footer>', 'https://events.somewhere.test/');
    assert.equal(voteName([p], 'https://events.somewhere.test/').name, 'The University of Somewhere');
  });

  it('a JavaScript shell is read from application-name, og:title and embedded state', () => {
    const shell = page(
      '<meta property="og:title" content="Brewly®"><meta name="application-name" content="Brewly"><link rel="manifest" href="/manifest.json">',
      `<div id="root"></div><script>window.__BOOTSTRAP = {"nav":[{"name":"Order ahead","url":"/menu"}],"messages":{"a":"Earn free drinks with every latte and cold brew","b":"© {year} Brewly Coffee Company. All rights reserved.","c":"Your barista will call your name"}};</script>`,
    );
    assert.equal(shell.manifestHref, '/manifest.json');
    assert.ok(hasUsableContent([shell]));
    assert.match(shell.embedded.text, /latte and cold brew/);
    const profile = buildProfile('https://www.brewly.test/', [shell]);
    assert.equal(profile.name, 'Brewly');
    assert.equal(profile.industry.id, 'coffeehouse');
  });

  it('a shell\'s web manifest names it and says what it does', () => {
    const manifest = parseManifest('\uFEFF{"name":"Fernhill Outdoor Supply","short_name":"Fernhill","description":"Fernhill Outdoor Supply sells tents, packs and trail shoes online.","icons":[]}');
    assert.deepEqual(manifest, { name: 'Fernhill Outdoor Supply', shortName: 'Fernhill', description: 'Fernhill Outdoor Supply sells tents, packs and trail shoes online.' });
    assert.equal(parseManifest('<html>not json</html>'), undefined);
    assert.equal(parseManifest('[1,2]'), undefined);
    assert.equal(parseManifest('{"icons":[]}'), undefined);
    const shell = { ...page('<title>Loading…</title>', '<div id="root"></div>', 'https://www.fernhill.test/'), manifest };
    assert.ok(hasUsableContent([shell]));
    const profile = buildProfile('https://www.fernhill.test/', [shell]);
    assert.equal(profile.name, 'Fernhill Outdoor Supply');
    assert.equal(profile.summary, manifest?.description);
    assert.ok(profile.evidence.some((e) => e.claim === 'name (web manifest)'), JSON.stringify(profile.evidence));
  });

  it('a shell with only a generic title has nothing usable', () => {
    assert.ok(!hasUsableContent([page('<title>App</title>', '<div id="root"></div>')]));
  });
});
