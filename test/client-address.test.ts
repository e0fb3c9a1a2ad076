import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startStatusService } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { clientAddress } from '../src/server/client-address.js';
import { RateLimiter } from '../src/server/rate-limit.js';
import { RecordingLauncher } from './helpers/fake-launcher.js';
import { tempDir } from './helpers/tmp.js';

const req = (socket: string, xff?: string | string[]) => ({ socket: { remoteAddress: socket } as never, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } });

describe('client address', () => {
  it('ignores X-Forwarded-For unless configured to trust it', () => {
    assert.equal(clientAddress(req('10.0.0.1', '203.0.113.9'), 0), '10.0.0.1');
  });

  it('behind Cloud Run (one trusted hop) takes the entry its front end appended: the right-most', () => {
    assert.equal(clientAddress(req('169.254.1.1', '203.0.113.9'), 1), '203.0.113.9');
    // A client's own header is kept on the left; forging it changes nothing.
    assert.equal(clientAddress(req('169.254.1.1', '1.1.1.1, 8.8.8.8, 203.0.113.9'), 1), '203.0.113.9');
    assert.equal(clientAddress(req('169.254.1.1', ['1.1.1.1', '203.0.113.9']), 1), '203.0.113.9');
  });

  it('behind a load balancer and Cloud Run (two hops) takes the second from the right', () => {
    assert.equal(clientAddress(req('169.254.1.1', 'forged, 203.0.113.9, 34.120.0.1'), 2), '203.0.113.9');
  });

  it('falls back to the socket address when the header is missing, too short or not an address', () => {
    assert.equal(clientAddress(req('169.254.1.1'), 1), '169.254.1.1');
    assert.equal(clientAddress(req('169.254.1.1', '203.0.113.9'), 2), '169.254.1.1');
    assert.equal(clientAddress(req('169.254.1.1', '1.2.3.4, not-an-ip'), 1), '169.254.1.1');
  });

  it('keys IPv6 clients by their /64, IPv4-mapped addresses as IPv4, and drops ports', () => {
    assert.equal(clientAddress(req('::1', '2001:db8:1:2:aaaa::1'), 1), '2001:db8:1:2::/64');
    assert.equal(clientAddress(req('::1', '2001:db8:1:2:bbbb:cccc:dddd:eeee'), 1), '2001:db8:1:2::/64');
    assert.equal(clientAddress(req('::ffff:10.1.2.3'), 0), '10.1.2.3');
    assert.equal(clientAddress(req('::1', '203.0.113.9:4711'), 1), '203.0.113.9');
    assert.equal(clientAddress(req('::1', '[2001:db8::5]:4711'), 1), '2001:db8:0:0::/64');
  });

  it('parses PROVISION_TRUST_PROXY', () => {
    assert.equal(parseServerEnv({}).PROVISION_TRUST_PROXY, 0);
    assert.equal(parseServerEnv({ PROVISION_TRUST_PROXY: '1' }).PROVISION_TRUST_PROXY, 1);
    assert.equal(parseServerEnv({ PROVISION_TRUST_PROXY: 'true' }).PROVISION_TRUST_PROXY, 1);
    assert.equal(parseServerEnv({ PROVISION_TRUST_PROXY: '2' }).PROVISION_TRUST_PROXY, 2);
    assert.throws(() => parseServerEnv({ PROVISION_TRUST_PROXY: 'yes-please' }));
  });
});

describe('rate limiter', () => {
  it('evicts the least recently used bucket, not all of them, when full', () => {
    let t = 0;
    const limiter = new RateLimiter(4, () => t, 3);
    // Capacity 1: each key may take one token, then must wait 15 s.
    assert.equal(limiter.take('a'), true);
    assert.equal(limiter.take('b'), true);
    assert.equal(limiter.take('c'), true);
    t += 1000;
    assert.equal(limiter.take('a'), false, 'a is limited and now the most recent');
    assert.equal(limiter.take('d'), true, 'a new key evicts the oldest (b)');
    assert.equal(limiter.size, 3);
    assert.equal(limiter.take('a'), false, 'a kept its empty bucket');
    assert.equal(limiter.take('c'), false, 'c kept its empty bucket');
    assert.equal(limiter.take('b'), true, 'b was evicted and starts over');
  });

  it('a flood of new addresses does not reset an address that is limited', () => {
    let t = 0;
    const limiter = new RateLimiter(4, () => t, 100);
    assert.equal(limiter.take('abuser'), true);
    for (let i = 0; i < 10_000; i++) {
      t += 1;
      limiter.take(`flood-${i}`);
      // The abuser keeps hammering, and so stays recent.
      if (i % 50 === 0) assert.equal(limiter.take('abuser'), false, `request ${i}`);
    }
    assert.ok(limiter.size <= 100);
  });
});

describe('trigger rate limits behind Cloud Run', () => {
  it('counts per client from X-Forwarded-For when trusted, and per socket when not', async () => {
    for (const [trust, expectLimited] of [['1', 'per client'], ['0', 'all together']] as const) {
      const service = await startStatusService({
        env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_TRIGGER_RATE_LIMIT: '8', PROVISION_TRUST_PROXY: trust, PROVISION_RECONCILE_MS: '0' }),
        logger: silentLogger,
        launcher: new RecordingLauncher(),
        sweepMs: 0,
      });
      try {
        const post = (client: string) =>
          fetch(`${service.url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `6.6.6.6, ${client}` }, body: JSON.stringify({ url: 'http://127.0.0.1:9/' }) }).then((r) => r.status);
        // Capacity 2 per address: client A uses its burst, then is limited.
        const a = [await post('203.0.113.1'), await post('203.0.113.1'), await post('203.0.113.1')];
        const b = await post('203.0.113.2');
        if (expectLimited === 'per client') {
          assert.deepEqual(a, [202, 202, 429]);
          assert.equal(b, 202, 'another client behind the same front end has its own bucket');
        } else {
          assert.deepEqual(a, [202, 202, 429]);
          assert.equal(b, 429, 'untrusted, every request counts against the socket address');
        }
      } finally {
        await service.close();
      }
    }
  });
});
