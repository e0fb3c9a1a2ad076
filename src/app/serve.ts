import { join, resolve } from 'node:path';
import type { Logger } from '../logging/logger.js';
import { drainOutboxes } from '../notify/outbox-publisher.js';
import { WebhookNotifier } from '../notify/webhook.js';
import { googleIdTokenVerifier, type PushAuth } from '../server/push-auth.js';
import { handlePush } from '../server/push-handler.js';
import { sendJson, startServer, type RunningServer } from '../server/http-server.js';
import type { ServerEnv } from '../config/env.js';
import { FirestoreStatusStore } from '../status/firestore-status-store.js';
import { SqliteStatusStore } from '../status/sqlite-status-store.js';
import type { StatusStore } from '../status/status-store.js';
import type { JobLauncher } from '../launch/job-launcher.js';
import { CloudRunLauncher } from '../launch/cloudrun-launcher.js';
import { LocalLauncher } from '../launch/local-launcher.js';
import { reconcile } from '../server/reconciler.js';
import { triggerRoutes } from '../server/trigger.js';
import { dashboardRoutes } from '../dashboard/routes.js';

export interface ServeOptions {
  env: ServerEnv;
  logger: Logger;
  /** Replaces the launcher built from the environment (tests). */
  launcher?: JobLauncher;
  /** Replaces the store built from the environment (tests). */
  store?: StatusStore;
  /** Replaces the push authentication built from the environment (tests). */
  auth?: PushAuth;
  /** How often abandoned outboxes are swept (default 5 s; 0 = only at start). */
  sweepMs?: number;
}

export interface Service extends RunningServer {
  store: StatusStore;
  launcher: JobLauncher;
}

function launcherFrom(env: ServerEnv, logger: Logger, pushUrl: () => string): JobLauncher {
  if (env.PROVISION_LAUNCHER === 'cloudrun') {
    if (!env.GOOGLE_CLOUD_PROJECT) throw new Error('PROVISION_LAUNCHER=cloudrun needs GOOGLE_CLOUD_PROJECT (and PROVISION_REGION, PROVISION_JOB_NAME).');
    return new CloudRunLauncher({
      projectId: env.GOOGLE_CLOUD_PROJECT,
      region: env.PROVISION_REGION,
      jobName: env.PROVISION_JOB_NAME,
      ...(env.CLOUD_RUN_API_ENDPOINT ? { apiEndpoint: env.CLOUD_RUN_API_ENDPOINT } : {}),
      logger,
    });
  }
  return new LocalLauncher({
    stateDir: env.PROVISION_STATE_DIR,
    concurrency: env.PROVISION_LOCAL_CONCURRENCY,
    allowPrivateNetwork: env.PROVISION_ALLOW_PRIVATE_NETWORK ?? false,
    logger,
    // Job processes report through this service's push endpoint, as they would through Pub/Sub.
    env: () => ({ PROVISION_PUSH_URL: pushUrl() }),
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Push authentication from the environment: explicit, and required beyond loopback. */
/**
 * Local jobs inherit this server's environment, so options it cannot serve are refused up front
 * rather than failing in the job. Cloud Run jobs carry their own configuration (jobs.yaml).
 */
export function unsupportedLocally(env: ServerEnv, options: { strategy?: string; warehouse?: string }): string | undefined {
  if (env.PROVISION_LAUNCHER !== 'local') return undefined;
  if (options.strategy === 'llm' && !env.ANTHROPIC_API_KEY) return 'The llm strategy needs ANTHROPIC_API_KEY in the environment of `provision serve`; use "strategy": "heuristic".';
  if (options.warehouse === 'bigquery' && !env.GOOGLE_CLOUD_PROJECT) return 'The bigquery warehouse needs GOOGLE_CLOUD_PROJECT in the environment of `provision serve`; use "warehouse": "duckdb".';
  return undefined;
}

export function pushAuthFrom(env: ServerEnv): PushAuth {
  const mode = env.PROVISION_PUSH_AUTH ?? (isLoopback(env.PROVISION_HOST) ? 'none' : undefined);
  if (mode === undefined) throw new Error(`provision serve listens on ${env.PROVISION_HOST}: set PROVISION_PUSH_AUTH=oidc (with PROVISION_PUSH_AUDIENCE and PROVISION_PUSH_SERVICE_ACCOUNT), or =none to accept unauthenticated pushes.`);
  if (mode === 'none') return { mode };
  if (!env.PROVISION_PUSH_AUDIENCE || !env.PROVISION_PUSH_SERVICE_ACCOUNT) throw new Error('PROVISION_PUSH_AUTH=oidc needs PROVISION_PUSH_AUDIENCE and PROVISION_PUSH_SERVICE_ACCOUNT.');
  return { mode, audience: env.PROVISION_PUSH_AUDIENCE, serviceAccountEmail: env.PROVISION_PUSH_SERVICE_ACCOUNT, verifier: googleIdTokenVerifier(), behindCloudRunIam: env.PROVISION_PUSH_BEHIND_IAM };
}

/**
 * `provision serve`: the trigger API (`/jobs`), the Pub/Sub push subscriber
 * (`POST /pubsub/push`) over the status store, and `GET /healthz`. Locally it also delivers
 * what job processes left in their outboxes while it was down, and a reconciler marks jobs
 * whose execution ended without a terminal event.
 */
export async function startStatusService(options: ServeOptions): Promise<Service> {
  const { env, logger } = options;
  const store =
    options.store ??
    (env.PROVISION_STATUS_STORE === 'firestore'
      ? new FirestoreStatusStore(env.GOOGLE_CLOUD_PROJECT ? { projectId: env.GOOGLE_CLOUD_PROJECT } : {})
      : new SqliteStatusStore(join(resolve(env.PROVISION_STATE_DIR), 'status.sqlite')));
  const auth = options.auth ?? pushAuthFrom(env);
  if (!env.PROVISION_API_TOKEN && !isLoopback(env.PROVISION_HOST)) {
    throw new Error(`provision serve listens on ${env.PROVISION_HOST}: set PROVISION_API_TOKEN so that only holders of the token can start and cancel jobs.`);
  }
  let serviceUrl = '';
  const launcher = options.launcher ?? launcherFrom(env, logger, () => `${serviceUrl}/pubsub/push`);
  const webhooks = new WebhookNotifier({ secret: env.PROVISION_WEBHOOK_SECRET, logger, allowPrivateNetwork: isLoopback(env.PROVISION_HOST) });
  const afterApply = webhooks.afterApply.bind(webhooks);

  const outboxDir = join(resolve(env.PROVISION_STATE_DIR), 'outbox');
  const sweep = async (): Promise<void> => {
    try {
      const n = await drainOutboxes(outboxDir, async (event) => afterApply(event, await store.apply(event)));
      if (n > 0) logger.info(`delivered ${n} events left in outboxes`);
    } catch (err) {
      logger.warn(`outbox sweep failed: ${(err as Error).message}`);
    }
  };
  await sweep();
  const timer = options.sweepMs === 0 ? undefined : setInterval(() => void sweep(), options.sweepMs ?? 5_000);
  timer?.unref();

  const server = await startServer(
    [
      {
        method: 'POST',
        path: '/pubsub/push',
        handler: async (req, res, body) => {
          const status = await handlePush({ authorization: req.headers.authorization, body }, { store, auth, logger, afterApply });
          res.writeHead(status).end();
        },
      },
      { method: 'GET', path: '/healthz', handler: (_req, res) => sendJson(res, 200, { ok: true }) },
      ...triggerRoutes({
        store,
        launcher,
        logger,
        ...(env.PROVISION_API_TOKEN ? { apiToken: env.PROVISION_API_TOKEN } : {}),
        rateLimitPerMinute: env.PROVISION_TRIGGER_RATE_LIMIT,
        trustProxyHops: env.PROVISION_TRUST_PROXY,
        claimLeaseMs: env.PROVISION_CLAIM_LEASE_MS,
        allowPrivateNetwork: env.PROVISION_ALLOW_PRIVATE_NETWORK ?? false,
        unsupported: (o) => unsupportedLocally(env, o),
      }),
      ...dashboardRoutes({ store, logger, warehouseDir: join(resolve(env.PROVISION_STATE_DIR), 'warehouse'), ...(env.PROVISION_API_TOKEN ? { apiToken: env.PROVISION_API_TOKEN } : {}) }),
    ],
    { host: env.PROVISION_HOST, port: env.PORT, onError: (err) => logger.error(`request failed: ${(err as Error).message}`) },
  );
  serviceUrl = server.url;
  const reconciler =
    env.PROVISION_RECONCILE_MS > 0
      ? setInterval(() => void reconcile({ store, launcher, logger }).catch((err: Error) => logger.warn(`reconcile failed: ${err.message}`)), env.PROVISION_RECONCILE_MS)
      : undefined;
  reconciler?.unref();
  logger.info(`provision service listening on ${server.url}`, { pushAuth: auth.mode, store: env.PROVISION_STATUS_STORE, launcher: launcher.kind });
  return {
    ...server,
    store,
    launcher,
    close: async () => {
      if (timer) clearInterval(timer);
      if (reconciler) clearInterval(reconciler);
      await server.close();
      if (!options.launcher) await launcher.close();
      await webhooks.flush();
      if (!options.store) await store.close();
    },
  };
}
