import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fnv1a, Rng, StratifiedUniforms, WeightedPicker } from '../src/data/prng.js';

describe('weighted picks over a few parents', () => {
  const weights = [2.78, 1.08, 1.03];
  const share = (k: number) => (weights[k] as number) / weights.reduce((a, b) => a + b, 0);

  it('stratified uniforms stay uniform on [0, 1) and cover each block evenly', () => {
    const strata = new StratifiedUniforms(new Rng(7), 10_000, 1000);
    const bins = new Array<number>(10).fill(0);
    for (let row = 0; row < 10_000; row++) {
      const u = strata.at(row);
      assert.ok(u >= 0 && u < 1, `u=${u}`);
      bins[Math.floor(u * 10)]!++;
    }
    // 1,000 rows per block and 10 bins: every bin gets exactly 100 per block.
    assert.deepEqual(bins, new Array<number>(10).fill(1000));
  });

  it('80 rows land on each parent in proportion to its weight (within 3 rows), for every seed (i.i.d. picks do not)', () => {
    const picker = new WeightedPicker(weights);
    let iidWorst = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Rng((seed ^ fnv1a('staff_members.district_id')) >>> 0);
      const strata = new StratifiedUniforms(rng, 80);
      const counts = [0, 0, 0];
      for (let row = 0; row < 80; row++) counts[picker.at(strata.at(row))]!++;
      counts.forEach((c, k) => assert.ok(Math.abs(c - 80 * share(k)) <= 3, `seed ${seed}: ${counts.join('/')}`));
      const iid = [0, 0, 0];
      const other = new Rng(seed);
      for (let row = 0; row < 80; row++) iid[picker.pick(other)]!++;
      iidWorst = Math.max(iidWorst, ...iid.map((c, k) => Math.abs(c - 80 * share(k))));
    }
    // The reason for stratifying: independent picks stray by many rows on some seed.
    assert.ok(iidWorst > 8, `i.i.d. worst deviation ${iidWorst}`);
  });
});
