import type { ByteWriter } from './byte-writer.js';
import type { ColData } from './column-data.js';

export function quote(s: string): string {
  return s.indexOf('"') < 0 ? `"${s}"` : `"${s.replace(/"/g, '""')}"`;
}

export type CellWriter = (i: number, w: ByteWriter) => void;

/** Writes a cell's CSV text; nothing is NULL. STRING cells are always quoted so '' stays apart from NULL. */
export function csvWriter(d: ColData, decimals: number | undefined): CellWriter {
  const { num, str } = d;
  switch (d.repr) {
    case 'str':
      if (d.type === 'STRING') {
        return (i, w) => {
          const s = str[i];
          if (s !== null && s !== undefined) w.quoted(s);
        };
      }
      return (i, w) => {
        const s = str[i];
        if (s !== null && s !== undefined) w.text(s);
      };
    case 'dict': {
      const out = d.dict.map((v) => Buffer.from(d.type === 'STRING' ? quote(v) : v, 'utf8'));
      return (i, w) => {
        const c = num[i] ?? NaN;
        if (Number.isNaN(c)) return;
        const b = out[c] as Buffer;
        w.ensure(b.length);
        w.bytesOf(b);
      };
    }
    case 'key': {
      const parent = d.parent;
      if (!parent) return () => undefined;
      const start = parent.pkStart;
      if (start !== undefined) {
        // A number sequence: the key is the row plus its start, printed without a call per cell.
        return (i, w) => {
          const p = num[i] ?? NaN;
          if (!Number.isNaN(p)) w.number(start + p, 0);
        };
      }
      return (i, w) => {
        const p = num[i] ?? NaN;
        if (Number.isNaN(p)) return;
        const v = parent.pkValue(p);
        if (typeof v === 'number') w.number(v, 0);
        else if (d.type === 'STRING') w.quoted(v);
        else w.text(v);
      };
    }
    case 'num':
      switch (d.type) {
        case 'DATE':
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.date(v);
          };
        case 'TIMESTAMP':
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.timestamp(v);
          };
        case 'BOOL': {
          const t = Buffer.from('true');
          const f = Buffer.from('false');
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.bytesOf(v !== 0 ? t : f);
          };
        }
        case 'STRING':
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.quoted(String(v));
          };
        default:
          return (i, w) => {
            const v = num[i] ?? NaN;
            if (!Number.isNaN(v)) w.number(v, decimals);
          };
      }
  }
}
