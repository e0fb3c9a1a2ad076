import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStatusService, type Service } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { runCli } from './helpers/cli.js';
import { RecordingLauncher } from './helpers/fake-launcher.js';
import { tempDir } from './helpers/tmp.js';

describe('provision launch and cancel, through the API', () => {
  const launcher = new RecordingLauncher((n) => `local:fake-${n}`);
  let service: Service;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    service = await startStatusService({
      env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: tempDir(), PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_API_TOKEN: 'cli-token', PROVISION_RECONCILE_MS: '0' }),
      logger: silentLogger,
      launcher,
      sweepMs: 0,
    });
    env = { PROVISION_API_URL: service.url, PROVISION_API_TOKEN: 'cli-token' };
  });
  after(() => service.close());

  it('launches one job per URL with the options, and cancels one', async () => {
    const run = await runCli(['launch', 'http://127.0.0.1:9/a', 'http://127.0.0.1:9/b', '--scale', '2', '--json'], { env });
    assert.equal(run.code, 0, run.stderr);
    const jobs = (JSON.parse(run.stdout) as { jobs: Array<{ jobId: string; status: string }> }).jobs;
    assert.equal(jobs.length, 2);
    assert.deepEqual(launcher.launched.map((l) => [l.url, l.scale]), [['http://127.0.0.1:9/a', 2], ['http://127.0.0.1:9/b', 2]]);
    const cancel = await runCli(['cancel', jobs[0]?.jobId ?? '', '--json'], { env });
    assert.equal(cancel.code, 0, cancel.stderr);
    assert.deepEqual(launcher.cancelled, [jobs[0]?.jobId]);
  });

  it('exits 2 for a refused URL or an unknown job, 1 when the API is not there', async () => {
    const refused = await runCli(['launch', 'ftp://example.com/'], { env });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /invalid_url/);
    assert.equal((await runCli(['cancel', 'no-such-job'], { env })).code, 2);
    const down = await runCli(['launch', 'http://127.0.0.1:9/'], { env: { PROVISION_API_URL: 'http://127.0.0.1:9' } });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /Cannot reach the provision API/);
    const noToken = await runCli(['launch', 'http://127.0.0.1:9/'], { env: { PROVISION_API_URL: service.url } });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /401/);
  });
});
