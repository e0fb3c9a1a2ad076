import type { DataModel } from '../domain/data-model.js';
import type { GeneratedTable, Value } from './generate.js';

/**
 * Checks what the generator promises by construction: non-empty tables, unique primary
 * keys, resolving foreign keys, no fully duplicated rows. Returns problems in plain words.
 */
export function checkIntegrity(model: DataModel, tables: readonly GeneratedTable[]): string[] {
  const problems: string[] = [];
  const byName = new Map(tables.map((t) => [t.name, t]));
  const column = (table: string, col: string): Value[] | undefined => {
    const t = byName.get(table);
    return t?.data[t.columns.indexOf(col)];
  };

  for (const spec of model.tables) {
    const t = byName.get(spec.name);
    if (!t) {
      problems.push(`Table ${spec.name} was not generated.`);
      continue;
    }
    if (t.rows === 0) problems.push(`Table ${spec.name} is empty.`);

    const keys = column(spec.name, spec.primaryKey) ?? [];
    const seen = new Set<Value>();
    for (const k of keys) {
      if (k === null) problems.push(`Table ${spec.name} has a NULL primary key.`);
      else if (seen.has(k)) {
        problems.push(`Table ${spec.name} repeats primary key ${String(k)}.`);
        break;
      }
      seen.add(k);
    }

    // A unique primary key also rules out fully duplicated rows.
    for (const fk of spec.foreignKeys) {
      const parentKeys = new Set(column(fk.references.table, fk.references.column) ?? []);
      const values = column(spec.name, fk.column) ?? [];
      const missing = values.find((v) => v !== null && !parentKeys.has(v));
      if (missing !== undefined) {
        problems.push(`Table ${spec.name}: ${fk.column} = ${String(missing)} has no row in ${fk.references.table}.${fk.references.column}.`);
      }
    }

  }
  return problems;
}
