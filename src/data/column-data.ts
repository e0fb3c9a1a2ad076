import type { ColumnType } from '../domain/data-model.js';
import { formatDate, formatTimestamp, type Value } from './cells.js';

/**
 * How a column's cells are held: `num` numbers (NaN is NULL; dates are day numbers,
 * timestamps epoch ms, booleans 0/1), `dict` codes into a value list, `key` row indexes
 * into a parent table (the value is the parent's key there), `str` strings.
 */
export type Repr = 'num' | 'dict' | 'key' | 'str';

export interface ColData {
  repr: Repr;
  type: ColumnType;
  num: Float64Array;
  str: Array<string | null>;
  dict: readonly string[];
  /** `dict` values as numbers, for arithmetic over numeric categories. */
  dictNum: Float64Array;
  parent: Stored | undefined;
}

/** What stays in memory of a generated table for the tables after it. */
export interface Stored {
  name: string;
  rows: number;
  pkValue(row: number): number | string;
  /** Set when the key is a plain number sequence: `pkValue(row)` is `pkStart + row`. */
  pkStart?: number;
  cols: Map<string, ColData>;
}

/** `dict` values as numbers, once per value list: columns, copies and stored parents share their list. */
const dictNums = new WeakMap<readonly string[], Float64Array>();

function dictNumOf(dict: readonly string[]): Float64Array {
  let nums = dictNums.get(dict);
  if (!nums) {
    nums = Float64Array.from(dict, (d) => (d.trim() === '' ? NaN : Number(d)));
    dictNums.set(dict, nums);
  }
  return nums;
}

export function emptyCol(repr: Repr, type: ColumnType, size: number, dict: readonly string[] = [], parent?: Stored): ColData {
  return {
    repr,
    type,
    num: new Float64Array(repr === 'str' ? 0 : size),
    str: repr === 'str' ? new Array<string | null>(size).fill(null) : [],
    dict,
    dictNum: dictNumOf(dict),
    parent,
  };
}

export const identity = (i: number): number => i;

/** A reference to a value of the row: its column's data and where in it the row is. */
export interface RefAccess {
  data: ColData;
  /** Index into `data` for chunk position i; NaN when the row has no value (NULL key). */
  at: (i: number) => number;
}

export function valueAt(d: ColData, k: number): Value {
  if (Number.isNaN(k)) return null;
  switch (d.repr) {
    case 'num': {
      const v = d.num[k] ?? NaN;
      if (Number.isNaN(v)) return null;
      return d.type === 'BOOL' ? v !== 0 : v;
    }
    case 'dict': {
      const c = d.num[k] ?? NaN;
      return Number.isNaN(c) ? null : (d.dict[c] ?? null);
    }
    case 'key': {
      const p = d.num[k] ?? NaN;
      return Number.isNaN(p) || !d.parent ? null : d.parent.pkValue(p);
    }
    case 'str':
      return d.str[k] ?? null;
  }
}

export function numAt(d: ColData, k: number): number {
  if (Number.isNaN(k)) return NaN;
  switch (d.repr) {
    case 'num':
      return d.num[k] ?? NaN;
    case 'dict': {
      const c = d.num[k] ?? NaN;
      return Number.isNaN(c) ? NaN : (d.dictNum[c] ?? NaN);
    }
    default: {
      const v = valueAt(d, k);
      return typeof v === 'number' ? v : v === null ? NaN : Number(v);
    }
  }
}

export function textAt(d: ColData, k: number): string {
  const v = valueAt(d, k);
  if (v === null) return '';
  if (typeof v === 'number') {
    if (d.repr === 'num' && d.type === 'DATE') return formatDate(v);
    if (d.repr === 'num' && d.type === 'TIMESTAMP') return formatTimestamp(v);
  }
  return String(v);
}
