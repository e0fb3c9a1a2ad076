import type { ColumnType } from '../domain/data-model.js';
import { formatDate, formatTimestamp, type GeneratedTable, type Value } from './generate.js';

/** How a NULL is written: an empty unquoted field. Loads say so (BigQuery's `nullMarker`). */
export const CSV_NULL = '';

function cell(v: Value, type: ColumnType): string {
  if (v === null) return CSV_NULL;
  switch (type) {
    case 'DATE':
      return typeof v === 'number' ? formatDate(v) : String(v);
    case 'TIMESTAMP':
      return typeof v === 'number' ? formatTimestamp(v) : String(v);
    case 'BOOL':
      return v ? 'true' : 'false';
    case 'STRING': {
      const s = String(v);
      // Always quoted: an empty string stays distinct from NULL, and commas are safe.
      return `"${s.replace(/"/g, '""')}"`;
    }
    default:
      return String(v);
  }
}

/** RFC 4180 CSV with a header row; NULL is an empty unquoted field. */
export function toCsv(table: GeneratedTable): string {
  const parts: string[] = [table.columns.join(',')];
  const { data, types } = table;
  const width = table.columns.length;
  for (let r = 0; r < table.rows; r++) {
    let line = '';
    for (let c = 0; c < width; c++) {
      if (c > 0) line += ',';
      line += cell(data[c]?.[r] ?? null, types[c] ?? 'STRING');
    }
    parts.push(line);
  }
  return parts.join('\n') + '\n';
}
