import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { after } from 'node:test';

/** A gcloud emulator running on loopback for this test file. */
export interface RunningEmulator {
  /** `127.0.0.1:<port>`, what `FIRESTORE_EMULATOR_HOST` / `PUBSUB_EMULATOR_HOST` expect. */
  host: string;
  /** Stops the emulator and every process it spawned (gcloud runs java underneath). Idempotent. */
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** How long to wait for the emulator to answer (default 40 s). */
  startTimeoutMs?: number;
  /** Register `after(stop)` in the current suite or test (default true). */
  stopAfter?: boolean;
}

interface EmulatorKind {
  /** `gcloud beta emulators <command> start`. */
  command: 'firestore' | 'pubsub';
  /** Directory under `<sdk>/platform/` that the gcloud component installs. */
  component: string;
  extraArgs: string[];
}

const FIRESTORE: EmulatorKind = {
  command: 'firestore',
  component: 'cloud-firestore-emulator',
  extraArgs: ['--database-mode=firestore-native'],
};
const PUBSUB: EmulatorKind = { command: 'pubsub', component: 'pubsub-emulator', extraArgs: [] };

/**
 * Starts the Firestore emulator on a free loopback port and waits until it answers.
 * Resolves to the running emulator, or to a reason string when it cannot run here
 * (no gcloud, no java, the component missing, or it did not come up in time).
 */
export function startFirestoreEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator | string> {
  return startEmulator(FIRESTORE, options);
}

/** Like `startFirestoreEmulator`, for the Pub/Sub emulator. */
export function startPubsubEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator | string> {
  return startEmulator(PUBSUB, options);
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Reasons the emulator cannot run on this machine, found without starting anything. */
function missingPrerequisite(kind: EmulatorKind): string | undefined {
  const gcloud = onPath('gcloud');
  if (!gcloud) return 'gcloud is not on PATH';
  const javaHome = process.env.JAVA_HOME;
  if (!onPath('java') && !(javaHome && existsSync(join(javaHome, 'bin', 'java')))) return 'java is not installed';
  // `<sdk>/bin/gcloud` → `<sdk>/platform/<component>`. Other layouts are not judged here;
  // starting the emulator will tell.
  try {
    const sdkRoot = dirname(dirname(realpathSync(gcloud)));
    if (existsSync(join(sdkRoot, 'platform')) && !existsSync(join(sdkRoot, 'platform', kind.component))) {
      return `the gcloud component ${kind.component} is not installed`;
    }
  } catch {
    // fall through and try
  }
  return undefined;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Keeps the last few KiB of the emulator's output, to explain a failure without flooding the test log. */
function tail(limit = 4096): { push(chunk: Buffer): void; text(): string } {
  let text = '';
  return {
    push(chunk) {
      text = (text + chunk.toString('utf8')).slice(-limit);
    },
    text: () => text.trim(),
  };
}

async function answers(host: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function startEmulator(kind: EmulatorKind, options: EmulatorOptions): Promise<RunningEmulator | string> {
  const missing = missingPrerequisite(kind);
  if (missing) return missing;
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const output = tail();
  const child = spawn('gcloud', ['beta', 'emulators', kind.command, 'start', `--host-port=${host}`, ...kind.extraArgs], {
    // Its own process group, so stop() reaches java too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Never wait on an install prompt.
    env: { ...process.env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
  });
  child.stdout?.on('data', (c: Buffer) => output.push(c));
  child.stderr?.on('data', (c: Buffer) => output.push(c));
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (err) => {
      output.push(Buffer.from(err.message));
      exited = true;
      resolve();
    });
  });
  // Whatever happens to the test process, leave no java behind.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', onExit);
      killGroup(child, 'SIGTERM');
      await Promise.race([exit, sleep(3000)]);
      // The wrapper may exit before java has; make sure the whole group is gone.
      for (let i = 0; i < 20 && (await answers(host)); i++) await sleep(100);
      killGroup(child, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };
  if (options.stopAfter ?? true) after(stop);

  const deadline = Date.now() + (options.startTimeoutMs ?? 40_000);
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      return `gcloud beta emulators ${kind.command} exited early: ${lastLine(output.text()) || `exit code ${child.exitCode}`}`;
    }
    if (await answers(host)) return { host, stop };
    await sleep(150);
  }
  await stop();
  return `the ${kind.command} emulator did not answer on ${host} within ${Math.round((options.startTimeoutMs ?? 40_000) / 1000)} s: ${lastLine(output.text())}`;
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(-3).join(' | ');
}
