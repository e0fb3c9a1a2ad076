import { createHash } from 'node:crypto';

/**
 * A hash of a stage's input: sha256 of its JSON with object keys sorted, so the same value
 * hashes the same however it was built. Inputs are zod-parsed JSON values (objects, arrays,
 * strings, numbers, booleans, null); `undefined` members are left out, as JSON does.
 */
export function inputHash(value: unknown): string {
  const hash = createHash('sha256');
  feed(hash, value);
  return hash.digest('hex');
}

function feed(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (value === null || typeof value !== 'object') {
    hash.update(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    hash.update('[');
    value.forEach((v, i) => {
      if (i > 0) hash.update(',');
      feed(hash, v);
    });
    hash.update(']');
    return;
  }
  hash.update('{');
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (!first) hash.update(',');
    first = false;
    hash.update(JSON.stringify(key));
    hash.update(':');
    feed(hash, v);
  }
  hash.update('}');
}
