import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { JobFiles } from '../pipeline/context.js';

/** A job's folder on local disk: `<stateDir>/jobs/<jobId>/`. */
export class LocalJobFiles implements JobFiles {
  readonly dir: string;
  constructor(stateDir: string, jobId: string) {
    this.dir = resolve(stateDir, 'jobs', jobId);
  }

  private path(relativePath: string): string {
    const full = resolve(this.dir, relativePath);
    if (!full.startsWith(this.dir + sep)) throw new Error(`refusing to write outside the job folder: ${relativePath}`);
    return full;
  }

  async write(relativePath: string, content: string | Uint8Array): Promise<string> {
    const full = this.path(relativePath);
    await mkdir(dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    await writeFile(tmp, content);
    await rename(tmp, full);
    return full;
  }

  read(relativePath: string): Promise<string> {
    return readFile(this.path(relativePath), 'utf8');
  }

  async remove(relativePath: string): Promise<void> {
    await rm(this.path(relativePath), { force: true });
  }

  async exists(relativePath: string): Promise<boolean> {
    try {
      await access(this.path(relativePath));
      return true;
    } catch {
      return false;
    }
  }
}

export function jobDir(stateDir: string, jobId: string): string {
  return join(resolve(stateDir), 'jobs', jobId);
}
