/** Charset label from a Content-Type header value, if it names one. */
function headerCharset(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
}

/** Charset from `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 2 KB. */
function metaCharset(head: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function bomCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** Bytes 0x80–0x9F in windows-1252 (undefined ones stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes windows-1252, which the WHATWG Encoding standard also uses for "latin1", "iso-8859-1"
 * and "ascii" labels. Node's TextDecoder maps 0x80–0x9F to C1 controls instead, so "€" and
 * curly quotes would be lost.
 */
const windows1252 = {
  decode: (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c),
};

interface Decoder {
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string | undefined): Decoder | undefined {
  if (!label) return undefined;
  try {
    const decoder = new TextDecoder(label.toLowerCase());
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a body the way browsers do, in order: byte-order mark, the header's charset, a
 * `<meta>` charset, then UTF-8. Unknown labels fall through to the next source.
 */
export function decodeBody(body: Uint8Array, contentType: string): string {
  const head = Buffer.from(body.subarray(0, 2048)).toString('latin1');
  const decoder = decoderFor(bomCharset(body)) ?? decoderFor(headerCharset(contentType)) ?? decoderFor(metaCharset(head)) ?? new TextDecoder('utf-8');
  return decoder.decode(body);
}

/** Whether a body is binary (a PDF, an image, an archive) rather than text. */
export function looksBinary(body: Uint8Array): boolean {
  const sample = body.subarray(0, 1024);
  if (bomCharset(sample) === 'utf-16be' || bomCharset(sample) === 'utf-16le') return false;
  const start = Buffer.from(sample.subarray(0, 8)).toString('latin1');
  if (/^(%PDF|PK\x03\x04|\x89PNG|GIF8|\xff\xd8\xff)/.test(start)) return true;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
