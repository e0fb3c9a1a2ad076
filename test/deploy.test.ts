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
    // The bundle is built after the sources are copied in and before the user who cannot write.
    assert.match(dockerfile, /^COPY src \.\/src\n(#.*\n)*RUN node bin\/bundle\.js\nUSER node$/m);
    assert.match(read('.dockerignore'), /^\.build$/m);
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

  it('DRY_RUN=1 deploy.sh enables the Conversational Analytics APIs, grants the role, and pushes to the service URL as audience behind Cloud Run IAM', () => {
    const run = spawnSync('bash', [`${root}scripts/deploy.sh`], { env: { ...process.env, DRY_RUN: '1', PROJECT_ID: 'demo-project', REGION: 'europe-west1', TAG: 't1' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const commands = run.stderr;
    const serviceUrl = 'https://provision-api-HASH-europe-west1.a.run.app';
    const enable = /gcloud services enable ([^\n]+)/.exec(commands)?.[1] ?? '';
    assert.match(enable, /\bgeminidataanalytics\.googleapis\.com\b/);
    assert.match(enable, /\bcloudaicompanion\.googleapis\.com\b/);
    assert.match(commands, /add-iam-policy-binding demo-project --member serviceAccount:provision-job@demo-project\.iam\.gserviceaccount\.com --role roles\/cloudaicompanion\.user/);
    assert.match(commands, /--role roles\/geminidataanalytics\.dataAgentCreator/);
    // The API runs behind Cloud Run IAM and checks the forwarded claims.
    assert.match(commands, /gcloud run deploy provision-api [^\n]*--no-allow-unauthenticated/);
    assert.match(commands, /PROVISION_PUSH_AUTH=oidc,PROVISION_PUSH_BEHIND_IAM=1,PROVISION_PUSH_SERVICE_ACCOUNT=provision-push@demo-project/);
    // Cloud Run accepts only the service URL (no path) or a custom audience.
    assert.ok(commands.includes(`--update-env-vars PROVISION_PUSH_AUDIENCE=${serviceUrl}\n`), 'the API expects the service URL as audience');
    // One line per command: the script continues long ones with a backslash.
    const lines = commands.replace(/\\\n\s*/g, ' ').split('\n');
    for (const verb of ['create', 'update']) {
      const line = lines.find((l) => l.startsWith(`+ gcloud pubsub subscriptions ${verb} provision-events-push`)) ?? '';
      assert.ok(line.includes(`--push-endpoint ${serviceUrl}/pubsub/push `), `${verb}: ${line}`);
      assert.ok(` ${line} `.includes(` --push-auth-token-audience ${serviceUrl} `), `${verb}: the audience is the service URL without a path: ${line}`);
      assert.ok(line.includes('--push-auth-service-account provision-push@demo-project.iam.gserviceaccount.com'), verb);
    }
    assert.doesNotMatch(commands, /push-auth-token-audience \S+\/pubsub\/push/);
    // The summary says it in words.
    assert.match(run.stdout, /APIs enabled: geminidataanalytics\.googleapis\.com cloudaicompanion\.googleapis\.com/);
    assert.match(run.stdout, /roles\/cloudaicompanion\.user/);
    assert.ok(run.stdout.includes(`audience ${serviceUrl},`), run.stdout);
    assert.match(run.stdout, /PROVISION_PUSH_BEHIND_IAM=1/);
  });

  it('a custom push audience is added to the service before the subscription uses it', () => {
    const run = spawnSync('bash', [`${root}scripts/deploy.sh`], { env: { ...process.env, DRY_RUN: '1', PROJECT_ID: 'demo-project', REGION: 'europe-west1', TAG: 't1', PUSH_AUDIENCE: 'provision-push-audience' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const added = run.stderr.indexOf('--add-custom-audiences provision-push-audience');
    assert.ok(added > 0, 'the custom audience is added to the service');
    assert.ok(run.stderr.indexOf('--push-auth-token-audience provision-push-audience') > added);
    assert.match(run.stderr, /PROVISION_PUSH_AUDIENCE=provision-push-audience/);
  });
});
