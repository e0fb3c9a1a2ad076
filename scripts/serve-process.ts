// Starts `provision serve` as its own process for the benchmarks, as a user would run it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/provision.js', import.meta.url));

export interface ServeProcess {
  url: string;
  pid: number | undefined;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

export async function startServeProcess(stateDir: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--json', '--port', '0', '--state-dir', stateDir], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, PROVISION_LOG_LEVEL: 'WARNING', ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        resolve((JSON.parse(out) as { url: string }).url);
      } catch {
        // Not the whole document yet.
      }
    });
    child.on('exit', (code) => reject(new Error(`provision serve exited with status ${code}`)));
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
