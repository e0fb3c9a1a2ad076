import type { DataModel } from '../domain/data-model.js';
import { html, type SafeHtml } from './html.js';

const BOX_W = 190;
const HEADER_H = 26;
const ROW_H = 18;
const COL_GAP = 64;
const ROW_GAP = 22;
const PAD = 12;
/** Key columns shown per box; the rest are counted. */
const MAX_ROWS = 7;

interface Box {
  name: string;
  level: number;
  x: number;
  y: number;
  rows: { name: string; type: string; key: 'pk' | 'fk' | '' }[];
  more: number;
  height: number;
}

/**
 * Each table's column in the diagram: tables that reference nothing sit on the left, and a
 * table sits one step right of the rightmost table it references. Cycles are cut.
 */
export function tableLevels(model: Pick<DataModel, 'tables'>): Map<string, number> {
  const names = new Set(model.tables.map((t) => t.name));
  const refs = new Map(model.tables.map((t) => [t.name, t.foreignKeys.map((f) => f.references.table).filter((r) => r !== t.name && names.has(r))]));
  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (name: string): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const level = Math.max(-1, ...(refs.get(name) ?? []).map(levelOf)) + 1;
    visiting.delete(name);
    levels.set(name, level);
    return level;
  };
  for (const t of model.tables) levelOf(t.name);
  return levels;
}

function layout(model: Pick<DataModel, 'tables'>): Box[] {
  const levels = tableLevels(model);
  const byLevel = new Map<number, Box[]>();
  for (const t of model.tables) {
    const fkCols = new Set(t.foreignKeys.map((f) => f.column));
    const keyRows = t.columns
      .filter((c) => c.name === t.primaryKey || fkCols.has(c.name))
      .map((c) => ({ name: c.name, type: c.type, key: c.name === t.primaryKey ? ('pk' as const) : ('fk' as const) }));
    const rows = keyRows.slice(0, MAX_ROWS);
    const more = t.columns.length - rows.length;
    const level = levels.get(t.name) ?? 0;
    const box: Box = { name: t.name, level, x: 0, y: 0, rows, more, height: HEADER_H + (rows.length + (more > 0 ? 1 : 0)) * ROW_H + 6 };
    byLevel.set(level, [...(byLevel.get(level) ?? []), box]);
  }
  const placed = new Map<string, Box>();
  const parentsOf = new Map(model.tables.map((t) => [t.name, t.foreignKeys.map((f) => f.references.table)]));
  const boxes: Box[] = [];
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const column = byLevel.get(level) ?? [];
    // Children near their parents: order by the parents' mean position (fewer crossings).
    const centre = (b: Box): number => {
      const ys = (parentsOf.get(b.name) ?? []).map((p) => placed.get(p)).filter((p): p is Box => p !== undefined).map((p) => p.y + p.height / 2);
      return ys.length ? ys.reduce((s, y) => s + y, 0) / ys.length : Number.MAX_SAFE_INTEGER;
    };
    const ordered = level === 0 ? column : [...column].sort((a, b) => centre(a) - centre(b));
    let y = PAD;
    for (const box of ordered) {
      box.x = PAD + level * (BOX_W + COL_GAP);
      box.y = y;
      y += box.height + ROW_GAP;
      placed.set(box.name, box);
      boxes.push(box);
    }
  }
  return boxes;
}

function rowY(box: Box, column: string): number {
  const i = box.rows.findIndex((r) => r.name === column);
  return box.y + HEADER_H + (i < 0 ? 0 : i) * ROW_H + ROW_H / 2 + 2;
}

/**
 * The model's tables and foreign keys as an inline SVG: one box per table with its key
 * columns, one arrow per foreign key. Pure; every name is escaped.
 */
export function renderSchemaDiagram(model: Pick<DataModel, 'tables'>): SafeHtml {
  const boxes = layout(model);
  const byName = new Map(boxes.map((b) => [b.name, b]));
  const width = Math.max(...boxes.map((b) => b.x + BOX_W), BOX_W) + PAD;
  const height = Math.max(...boxes.map((b) => b.y + b.height), 60) + PAD;
  const edges: SafeHtml[] = [];
  const described: string[] = [];
  for (const t of model.tables) {
    const child = byName.get(t.name);
    for (const fk of t.foreignKeys) {
      const parent = byName.get(fk.references.table);
      if (!child || !parent) continue;
      described.push(`${t.name}.${fk.column} references ${fk.references.table}.${fk.references.column}`);
      const y1 = rowY(child, fk.column);
      const y2 = rowY(parent, fk.references.column);
      let d: string;
      if (parent.x < child.x) {
        const x1 = child.x;
        const x2 = parent.x + BOX_W;
        const mid = (x1 - x2) / 2;
        d = `M${x1},${y1} C${x1 - mid},${y1} ${x2 + mid},${y2} ${x2 + 4},${y2}`;
      } else {
        // Same column (or a cycle): loop out to the right.
        const x = Math.max(child.x, parent.x) + BOX_W;
        d = `M${x},${y1} C${x + 40},${y1} ${x + 40},${y2} ${x + 4},${y2}`;
      }
      edges.push(html`<path class="edge" d="${d}" marker-end="url(#arrow)"><title>${`${t.name}.${fk.column} → ${fk.references.table}.${fk.references.column}`}</title></path>`);
    }
  }
  const nodes = boxes.map(
    (b) => html`<g class="table" data-table="${b.name}">
  <rect x="${b.x}" y="${b.y}" width="${BOX_W}" height="${b.height}" rx="6"/>
  <rect class="head" x="${b.x}" y="${b.y}" width="${BOX_W}" height="${HEADER_H}" rx="6"/>
  <text class="name" x="${b.x + 10}" y="${b.y + 17}">${b.name}</text>
  ${b.rows.map(
    (r, i) => html`<text class="col${r.key ? ` ${r.key}` : ''}" x="${b.x + 10}" y="${b.y + HEADER_H + i * ROW_H + 14}">${r.key === 'pk' ? '🔑 ' : r.key === 'fk' ? '↗ ' : ''}${r.name}<tspan class="type" x="${b.x + BOX_W - 10}" text-anchor="end">${r.type}</tspan></text>`,
  )}
  ${b.more > 0 ? html`<text class="more" x="${b.x + 10}" y="${b.y + HEADER_H + b.rows.length * ROW_H + 14}">+ ${b.more} more column${b.more === 1 ? '' : 's'}</text>` : ''}
</g>`,
  );
  return html`<svg class="schema" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="schema-title schema-desc" xmlns="http://www.w3.org/2000/svg">
<title id="schema-title">Schema: ${model.tables.length} tables and their relationships</title>
<desc id="schema-desc">${described.join('; ')}</desc>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
${edges}
${nodes}
</svg>`;
}
