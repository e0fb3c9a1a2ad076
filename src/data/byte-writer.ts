/**
 * The civil date of a day number since 1970-01-01, packed as YYYYMMDD (Howard Hinnant's
 * civil-from-days): no Date and no allocation, as it runs once per generated cell.
 */
export function civilFromDays(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

/**
 * Writes CSV cells straight into a byte buffer: numbers, dates and timestamps are printed
 * digit by digit and repeated strings are copied from pre-encoded bytes, so a chunk of rows
 * allocates no per-cell strings. When the buffer fills, `flush` receives the bytes.
 */
export class ByteWriter {
  buf: Buffer;
  pos = 0;
  /** Total bytes handed to `flush` so far plus what is pending. */
  get bytes(): number {
    return this.flushed + this.pos;
  }
  private flushed = 0;

  constructor(
    private readonly flushTo: (bytes: Buffer) => void,
    size = 1 << 22,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Makes room for at least n more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n * 2);
  }

  flush(): void {
    if (this.pos === 0) return;
    this.flushTo(this.buf.subarray(0, this.pos));
    this.flushed += this.pos;
    this.pos = 0;
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  bytesOf(src: Uint8Array): void {
    const n = src.length;
    const buf = this.buf;
    let p = this.pos;
    if (n < 32) for (let i = 0; i < n; i++) buf[p++] = src[i] as number;
    else {
      buf.set(src, p);
      p += n;
    }
    this.pos = p;
  }

  /** Any string, UTF-8. Callers ensure room for 3 bytes per UTF-16 unit. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** A quoted CSV string: `"..."`, inner quotes doubled. */
  quoted(s: string): void {
    this.ensure(s.length * 6 + 2);
    this.buf[this.pos++] = 34;
    if (s.indexOf('"') >= 0) s = s.replace(/"/g, '""');
    this.pos += this.buf.write(s, this.pos, 'utf8');
    this.buf[this.pos++] = 34;
  }

  /** A non-negative integer below 2^53, in decimal. */
  private digits(n: number): void {
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    if (n < 2_147_483_648) {
      // 32-bit integer arithmetic: the common case, and several times faster.
      let x = n | 0;
      const len = x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : x < 1000000 ? 6 : x < 10000000 ? 7 : x < 100000000 ? 8 : x < 1000000000 ? 9 : 10;
      let p = this.pos + len;
      this.pos = p;
      while (x >= 10) {
        const q = (x / 10) | 0;
        buf[--p] = 48 + x - q * 10;
        x = q;
      }
      buf[--p] = 48 + x;
      return;
    }
    let len = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
    let p = this.pos + len;
    this.pos = p;
    while (n >= 10) {
      const q = Math.floor(n / 10);
      buf[--p] = 48 + (n - q * 10);
      n = q;
    }
    buf[--p] = 48 + n;
  }

  /** A number with at most `decimals` digits after the point (it is already rounded to them). */
  number(v: number, decimals: number | undefined): void {
    this.ensure(32);
    if (v >= 0 && v < 2_147_483_648 && (v | 0) === v) {
      this.digits(v);
      return;
    }
    if (!Number.isFinite(v) || Math.abs(v) >= 9e15 || decimals === undefined || decimals > 6) {
      this.text(String(v));
      return;
    }
    const f = POW10[decimals] as number;
    let scaled = Math.round(v * f);
    if (scaled < 0) {
      this.buf[this.pos++] = 45;
      scaled = -scaled;
    }
    if (decimals === 0 || scaled % f === 0) {
      this.digits(scaled / f);
      return;
    }
    const ip = Math.floor(scaled / f);
    // Below 10^6, so 32-bit arithmetic holds.
    let fp = (scaled - ip * f) | 0;
    this.digits(ip);
    const buf = this.buf;
    buf[this.pos++] = 46;
    // The fraction's digits, zero-padded on the left, without trailing zeros.
    let width = decimals;
    while (fp % 10 === 0) {
      fp = (fp / 10) | 0;
      width--;
    }
    const end = this.pos + width;
    for (let p = end - 1; p >= this.pos; p--) {
      const q = (fp / 10) | 0;
      buf[p] = 48 + fp - q * 10;
      fp = q;
    }
    this.pos = end;
  }

  private two(n: number): void {
    this.buf[this.pos++] = 48 + Math.floor(n / 10);
    this.buf[this.pos++] = 48 + (n % 10);
  }

  /** YYYY-MM-DD of a day number since 1970-01-01. */
  date(day: number): void {
    this.ensure(16);
    // Generated dates fall on a few thousand days: each is printed once, then copied.
    const slot = day - DATE_CACHE_FIRST_DAY;
    if (slot >= 0 && slot < DATE_CACHE_DAYS && (day | 0) === day) {
      const at = slot * 10;
      const cache = DATE_CACHE;
      if (cache[at] === 0) {
        const start = this.pos;
        this.printDate(day);
        cache.set(this.buf.subarray(start, start + 10), at);
        return;
      }
      const buf = this.buf;
      const p = this.pos;
      for (let k = 0; k < 10; k++) buf[p + k] = cache[at + k] as number;
      this.pos = p + 10;
      return;
    }
    this.printDate(day);
  }

  private printDate(day: number): void {
    const ymd = civilFromDays(day);
    const y = Math.floor(ymd / 10000);
    const m = Math.floor(ymd / 100) % 100;
    const d = ymd % 100;
    this.two(Math.floor(y / 100));
    this.two(y % 100);
    this.buf[this.pos++] = 45;
    this.two(m);
    this.buf[this.pos++] = 45;
    this.two(d);
  }

  /** `YYYY-MM-DD HH:MM:SS` of epoch milliseconds (UTC). */
  timestamp(ms: number): void {
    const day = Math.floor(ms / 86_400_000);
    const s = Math.floor((ms - day * 86_400_000) / 1000);
    this.date(day);
    this.ensure(12);
    this.buf[this.pos++] = 32;
    this.two(Math.floor(s / 3600));
    this.buf[this.pos++] = 58;
    this.two(Math.floor(s / 60) % 60);
    this.buf[this.pos++] = 58;
    this.two(s % 60);
  }
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Printed dates from 1900-01-01 for 250 years, 10 bytes each; a zero first byte is not filled yet. */
const DATE_CACHE_FIRST_DAY = -25_567;
const DATE_CACHE_DAYS = 91_311;
const DATE_CACHE = new Uint8Array(DATE_CACHE_DAYS * 10);
