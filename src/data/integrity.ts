import { InternalError } from '../core/errors.js';
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

/** A check on loaded data: `sql` returns one row whose first value counts the violations. */
export interface IntegrityQuery {
  what: string;
  sql: string;
}

/**
 * The promises of the generator as SQL over the loaded tables: unique non-null primary keys
 * (hence no duplicated rows), resolving foreign keys, and time order (a child event never
 * before its parent, nothing after the as-of day). Runs in DuckDB and BigQuery alike.
 */
export function integrityQueries(model: DataModel, table: (name: string) => string): IntegrityQuery[] {
  const out: IntegrityQuery[] = [];
  // Column names are plain identifiers ([a-z_][a-z0-9_]*): no quoting, valid in both dialects.
  const q = (name: string): string => name;
  const byName = new Map(model.tables.map((t) => [t.name, t]));
  for (const t of model.tables) {
    const T = table(t.name);
    const pk = q(t.primaryKey);
    out.push({ what: `${t.name}.${t.primaryKey} is unique and never NULL`, sql: `SELECT (COUNT(*) - COUNT(DISTINCT ${pk})) + SUM(CASE WHEN ${pk} IS NULL THEN 1 ELSE 0 END) AS violations FROM ${T}` });
    for (const fk of t.foreignKeys) {
      const parent = byName.get(fk.references.table);
      if (!parent) continue;
      out.push({
        what: `${t.name}.${fk.column} resolves to ${fk.references.table}.${fk.references.column}`,
        sql: `SELECT COUNT(*) AS violations FROM ${T} c LEFT JOIN ${table(parent.name)} p ON c.${q(fk.column)} = p.${q(fk.references.column)} WHERE c.${q(fk.column)} IS NOT NULL AND p.${q(fk.references.column)} IS NULL`,
      });
    }
    for (const c of t.columns) {
      const g = c.generator;
      if (g.kind !== 'date' && g.kind !== 'timestamp') continue;
      const asDate = (expr: string, type: string | undefined): string => (type === 'TIMESTAMP' ? `CAST(${expr} AS DATE)` : expr);
      out.push({ what: `${t.name}.${c.name} is never after the as-of day`, sql: `SELECT COUNT(*) AS violations FROM ${T} WHERE ${asDate(q(c.name), c.type)} > DATE '${model.asOf}'` });
      const floors: Array<{ ref: string; exact: boolean }> = [];
      if (g.after) floors.push({ ref: g.after.ref, exact: true });
      if (g.notBefore) floors.push({ ref: g.notBefore, exact: false });
      for (const { ref, exact } of floors) {
        const [head, tail] = ref.split('.') as [string, string | undefined];
        const headCol = t.columns.find((x) => x.name === head);
        let from = `${T} c`;
        let refExpr = `c.${q(head)}`;
        let refType = headCol?.type;
        if (tail !== undefined && headCol?.generator.kind === 'foreignKey') {
          const parent = byName.get(headCol.generator.table);
          if (!parent) continue;
          from = `${T} c JOIN ${table(parent.name)} p ON c.${q(head)} = p.${q(headCol.generator.column)}`;
          refExpr = `p.${q(tail)}`;
          refType = parent.columns.find((x) => x.name === tail)?.type;
        }
        const mine = `c.${q(c.name)}`;
        // Timestamps compare exactly; a date against a timestamp compares by day.
        const cmp = exact && refType === c.type ? `${mine} < ${refExpr}` : `${asDate(mine, c.type)} < ${asDate(refExpr, refType)}`;
        out.push({ what: `${t.name}.${c.name} is never before ${ref}`, sql: `SELECT COUNT(*) AS violations FROM ${from} WHERE ${cmp}` });
      }
    }
  }
  return out;
}

/**
 * Every check in one query: one row, one column per check in order (`check_0`, `check_1`, …),
 * each the check's own SQL as a scalar subquery, so each counts exactly what it counts alone.
 * One statement instead of one per check: on BigQuery one dry run and one job instead of two
 * jobs per check. A SELECT without FROM of parenthesized subqueries and plain aliases is valid
 * in DuckDB and BigQuery alike; the subqueries' own aliases (`c`, `p`) stay inside them.
 */
export function combinedIntegrityQuery(checks: readonly IntegrityQuery[]): string {
  if (checks.length === 0) throw new InternalError('combinedIntegrityQuery needs at least one check.');
  return `SELECT ${checks.map((c, i) => `(${c.sql}) AS check_${i}`).join(', ')}`;
}
