import type { DataModel, GeneratorSpec, Table } from '../domain/data-model.js';
import { SpecError } from './cells.js';
import { compileExpr } from './expr.js';

/** How a model's columns and tables depend on each other: generation order and what to keep. */

/** Same-row columns a spec reads (the part before the dot of each ref). */
export function refsOf(spec: GeneratorSpec): string[] {
  const refs: string[] = [];
  switch (spec.kind) {
    case 'derived':
      // `today` is the model's as-of day, not a column.
      refs.push(...compileExpr(spec.expr).refs.filter((r) => r !== 'today'));
      break;
    case 'copy':
      refs.push(spec.ref);
      break;
    case 'template':
      for (const m of spec.template.matchAll(/\{([a-z_][a-z0-9_.]*)\}/g)) if (m[1]) refs.push(m[1]);
      break;
    case 'date':
    case 'timestamp':
      if (spec.after) refs.push(spec.after.ref);
      if (spec.notBefore) refs.push(spec.notBefore);
      break;
    default:
      break;
  }
  for (const e of spec.effects ?? []) refs.push(e.when.ref);
  return refs;
}

export function topoOrder(table: Table): number[] {
  const names = table.columns.map((c) => c.name);
  const order: number[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') throw new SpecError(`Table ${table.name}: columns depend on each other in a cycle (${[...path, name].join(' -> ')}).`);
    const idx = names.indexOf(name);
    const col = table.columns[idx];
    if (!col) throw new SpecError(`Table ${table.name}: a generator refers to unknown column "${name}".`);
    state.set(name, 'visiting');
    for (const dep of refsOf(col.generator)) visit(dep.split('.')[0] ?? dep, [...path, name]);
    state.set(name, 'done');
    order.push(idx);
  };
  for (const n of names) visit(n, []);
  return order;
}

/** Which columns of each table later tables read through a foreign key. */
export function retainedColumns(model: DataModel): Map<string, Set<string>> {
  const keep = new Map<string, Set<string>>();
  for (const t of model.tables) {
    const fkTable = new Map<string, string>();
    for (const c of t.columns) if (c.generator.kind === 'foreignKey') fkTable.set(c.name, c.generator.table);
    for (const c of t.columns) {
      const g = c.generator;
      const wanted: Array<[string, string]> = [];
      if (g.kind === 'foreignKey') {
        if (!keep.has(g.table)) keep.set(g.table, new Set());
        if (g.weightBy) wanted.push([g.table, g.weightBy]);
      }
      for (const ref of refsOf(g)) {
        const [head, tail] = ref.split('.');
        const parent = head === undefined ? undefined : fkTable.get(head);
        if (parent && tail) wanted.push([parent, tail]);
      }
      for (const [table, col] of wanted) {
        const set = keep.get(table) ?? new Set<string>();
        set.add(col);
        keep.set(table, set);
      }
    }
  }
  return keep;
}
