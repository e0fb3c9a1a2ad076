import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(`${root}${file}`, 'utf8');

interface JobYaml {
  kind: string;
  metadata: { name: string };
  spec: {
    template: {
      spec: {
        taskCount: number;
        template: {
          spec: {
            maxRetries: number;
            timeoutSeconds: number;
            serviceAccountName: string;
            containers: Array<{ image: string; args: string[]; resources: { limits: { cpu: string; memory: string } }; env: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }> }>;
          };
        };
      };
    };
  };
}

describe('deployment files', () => {
  it('jobs.yaml parses and holds the task timeout, retries, resources, env and the secret', () => {
    const job = parse(read('jobs.yaml')) as JobYaml;
    assert.equal(job.kind, 'Job');
    assert.equal(job.metadata.name, 'provision');
    const task = job.spec.template.spec.template.spec;
    assert.ok(task.timeoutSeconds >= 600 && task.timeoutSeconds <= 3600);
    assert.ok(task.maxRetries >= 1 && task.maxRetries <= 5);
    assert.match(task.serviceAccountName, /^provision-job@/);
    const [container] = task.containers;
    assert.ok(container);
    assert.deepEqual(container.args, ['run']);
    assert.equal(container.resources.limits.cpu, '2');
    assert.match(container.resources.limits.memory, /Gi$/);
    const env = Object.fromEntries(container.env.map((e) => [e.name, e]));
    assert.equal(env.PROVISION_EVENTS_TOPIC?.value, 'provision-events');
    assert.ok(env.GOOGLE_CLOUD_PROJECT);
    assert.equal(env.PROVISION_WAREHOUSE?.value, 'bigquery', 'deployed jobs provision into BigQuery with a CAPI agent');
    assert.deepEqual(env.ANTHROPIC_API_KEY?.valueFrom?.secretKeyRef, { name: 'anthropic-api-key', key: 'latest' });
    assert.equal(env.ANTHROPIC_API_KEY?.value, undefined, 'the key is never inline');
  });

  it('the Dockerfile is multi-stage, non-root, exec-form, and bakes in no secrets', () => {
    const dockerfile = read('Dockerfile');
    assert.ok((dockerfile.match(/^FROM /gm) ?? []).length >= 2, 'multi-stage');
    assert.match(dockerfile, /^USER node$/m);
    assert.match(dockerfile, /^ENTRYPOINT \["node", "bin\/provision.js"\]$/m);
    assert.doesNotMatch(dockerfile, /^(ENV|ARG)\s+.*(KEY|TOKEN|SECRET|PASSWORD)/im);
    assert.match(read('.dockerignore'), /^node_modules$/m);
  });

  it('deploy.sh is valid bash and covers build, job, topic with OIDC push and dead letters, Firestore and service accounts', () => {
    execFileSync('bash', ['-n', `${root}scripts/deploy.sh`]);
    // DRY_RUN prints every command (on stderr) instead of running it.
    const run = spawnSync('bash', [`${root}scripts/deploy.sh`], { env: { ...process.env, DRY_RUN: '1', PROJECT_ID: 'demo-project', REGION: 'europe-west1', TAG: 't1' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Deployed/);
    const commands = run.stderr;
    for (const want of [
      /gcloud builds submit --tag europe-west1-docker\.pkg\.dev\/demo-project\/provision\/provision:t1/,
      /gcloud run jobs replace/,
      /gcloud pubsub topics create provision-events /,
      /--push-auth-service-account provision-push@demo-project/,
      /--dead-letter-topic provision-events-dead-letter/,
      /--enable-message-ordering/,
      /gcloud firestore databases create/,
      /gcloud iam service-accounts create provision-job/,
      /PROVISION_PUSH_AUTH=oidc/,
    ]) {
      assert.match(commands, want);
    }
  });
});
