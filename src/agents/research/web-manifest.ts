// The web app manifest, read without a DOM (so the crawler reads it without loading jsdom).

/**
 * What a web app manifest (W3C Web Application Manifest) says about its site: the name the
 * site installs under, and its own description. Cheap to read, and present on many JavaScript
 * shells whose pages say nothing without their scripts.
 */
export interface WebManifest {
  name?: string;
  shortName?: string;
  description?: string;
}

/** The manifest's name, short name and description; undefined when the text is not a manifest. */
export function parseManifest(text: string): WebManifest | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  const field = (key: string, max: number): string | undefined => {
    const v = o[key];
    const t = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
    return t && t.length <= max ? t : undefined;
  };
  const manifest: WebManifest = { name: field('name', 120), shortName: field('short_name', 60), description: field('description', 400) };
  for (const key of Object.keys(manifest) as Array<keyof WebManifest>) if (manifest[key] === undefined) delete manifest[key];
  return Object.keys(manifest).length > 0 ? manifest : undefined;
}
