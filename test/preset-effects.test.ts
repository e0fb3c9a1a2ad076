import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { by } from '../src/blueprints/effects.js';

describe('a preset\'s planted effects as data', () => {
  it('makes one effect per value, in the order written', () => {
    assert.deepEqual(by('fare_family', 'factor', { Business: 3.6, First: 4.6 }), [
      { when: { ref: 'fare_family', in: ['Business'] }, factor: 3.6 },
      { when: { ref: 'fare_family', in: ['First'] }, factor: 4.6 },
    ]);
  });

  it('gives a group of values one effect', () => {
    assert.deepEqual(by('rule_triggered', 'p', [['Card testing', 0.62], [['Velocity', 'High amount'], 0.06]]), [
      { when: { ref: 'rule_triggered', in: ['Card testing'] }, p: 0.62 },
      { when: { ref: 'rule_triggered', in: ['Velocity', 'High amount'] }, p: 0.06 },
    ]);
  });
});

describe('a module that is not the preset\'s lead', () => {
  it('names its table in its own word: hospitality\'s reservations beside its checks', () => {
    const hospitality = BLUEPRINTS.find((b) => b.id === 'hospitality');
    const reservations = hospitality?.tables.find((t) => t.name === 'reservations');
    assert.equal(reservations?.primaryKey, 'reservation_id');
    assert.equal(reservations?.grain, 'one row per reservation');
    assert.equal(hospitality?.tables.find((t) => t.name === 'checks')?.primaryKey, 'check_id');
  });
});
