/**
 * A tiny arithmetic language for derived columns: numbers, refs (`qty`, `product_id.price`),
 * + - * /, unary minus, parentheses, and min/max/round/abs. Compiled once per column.
 */
export type Resolve = (ref: string) => number | null;
export type Compiled = (resolve: Resolve) => number | null;

type Token = { t: 'num'; v: number } | { t: 'ref'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)|([-+*/(),]))/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    m = re.exec(src);
    if (!m || m[0].length === 0) {
      if (/^\s*$/.test(src.slice(pos))) break;
      throw new SyntaxError(`Cannot read expression "${src}" at position ${pos}`);
    }
    pos = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'ref', v: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'op', v: m[3] });
  }
  return out;
}

const FUNCTIONS: Record<string, (args: number[]) => number> = {
  min: (a) => Math.min(...a),
  max: (a) => Math.max(...a),
  abs: (a) => Math.abs(a[0] ?? 0),
  round: (a) => Math.round(a[0] ?? 0),
};

/** A value getter for chunk position i; NaN is NULL. */
export type NumGetter = (i: number) => number;

type Node = { k: 'num'; v: number } | { k: 'ref'; name: string } | { k: 'neg'; a: Node } | { k: 'bin'; op: string; a: Node; b: Node } | { k: 'call'; fn: string; args: Node[] };

/**
 * Compiles `expr` to a closure over chunk positions, with each ref bound once to a getter.
 * NULL is NaN, which arithmetic, min and max propagate; a division by 0 is NULL.
 */
export function bindExpr(expr: string, bind: (ref: string) => NumGetter): NumGetter {
  const ast = parseExpr(expr);
  const emit = (n: Node): NumGetter => {
    switch (n.k) {
      case 'num': {
        const v = n.v;
        return () => v;
      }
      case 'ref':
        return bind(n.name);
      case 'neg': {
        const a = emit(n.a);
        return (i) => -a(i);
      }
      case 'bin': {
        const a = emit(n.a);
        const b = emit(n.b);
        switch (n.op) {
          case '+': return (i) => a(i) + b(i);
          case '-': return (i) => a(i) - b(i);
          case '*': return (i) => a(i) * b(i);
          default: return (i) => {
            const d = b(i);
            return d === 0 ? NaN : a(i) / d;
          };
        }
      }
      case 'call': {
        const args = n.args.map(emit);
        const [a0, a1] = args as [NumGetter, NumGetter | undefined];
        switch (n.fn) {
          case 'abs': return (i) => Math.abs(a0(i));
          case 'round': return (i) => Math.round(a0(i));
          case 'min': return a1 && args.length === 2 ? (i) => Math.min(a0(i), a1(i)) : (i) => Math.min(...args.map((g) => g(i)));
          default: return a1 && args.length === 2 ? (i) => Math.max(a0(i), a1(i)) : (i) => Math.max(...args.map((g) => g(i)));
        }
      }
    }
  };
  return emit(ast);
}

function parseExpr(expr: string): Node {
  const tokens = tokenize(expr);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const expectOp = (v: string): void => {
    const tok = tokens[i++];
    if (!tok || tok.t !== 'op' || tok.v !== v) throw new SyntaxError(`Expected "${v}" in expression "${expr}"`);
  };
  function primary(): Node {
    const tok = tokens[i++];
    if (!tok) throw new SyntaxError(`Unexpected end of expression "${expr}"`);
    if (tok.t === 'num') return { k: 'num', v: tok.v };
    if (tok.t === 'ref') {
      const next = peek();
      if (FUNCTIONS[tok.v] && next?.t === 'op' && next.v === '(') {
        i++;
        const args = [additive()];
        while (peek()?.t === 'op' && peek()?.v === ',') {
          i++;
          args.push(additive());
        }
        expectOp(')');
        return { k: 'call', fn: tok.v, args };
      }
      return { k: 'ref', name: tok.v };
    }
    if (tok.v === '(') {
      const inner = additive();
      expectOp(')');
      return inner;
    }
    if (tok.v === '-') return { k: 'neg', a: primary() };
    throw new SyntaxError(`Unexpected "${tok.v}" in expression "${expr}"`);
  }
  function binary(next: () => Node, ops: string[]): () => Node {
    return () => {
      let left = next();
      for (let tok = peek(); tok?.t === 'op' && ops.includes(tok.v); tok = peek()) {
        i++;
        left = { k: 'bin', op: tok.v, a: left, b: next() };
      }
      return left;
    };
  }
  const multiplicative = binary(primary, ['*', '/']);
  const additive = binary(multiplicative, ['+', '-']);
  const ast = additive();
  if (i !== tokens.length) throw new SyntaxError(`Unexpected trailing input in expression "${expr}"`);
  return ast;
}

/** Parses `expr` and lists the refs it reads. Throws SyntaxError on bad input. */
export function compileExpr(expr: string): { fn: Compiled; refs: string[] } {
  const tokens = tokenize(expr);
  const refs = new Set<string>();
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const expectOp = (v: string): void => {
    const tok = tokens[i++];
    if (!tok || tok.t !== 'op' || tok.v !== v) throw new SyntaxError(`Expected "${v}" in expression "${expr}"`);
  };

  function primary(): Compiled {
    const tok = tokens[i++];
    if (!tok) throw new SyntaxError(`Unexpected end of expression "${expr}"`);
    if (tok.t === 'num') {
      const v = tok.v;
      return () => v;
    }
    if (tok.t === 'ref') {
      const fn = FUNCTIONS[tok.v];
      const next = peek();
      if (fn && next?.t === 'op' && next.v === '(') {
        i++;
        const args: Compiled[] = [additive()];
        while (peek()?.t === 'op' && peek()?.v === ',') {
          i++;
          args.push(additive());
        }
        expectOp(')');
        return (r) => {
          const vals: number[] = [];
          for (const a of args) {
            const v = a(r);
            if (v === null) return null;
            vals.push(v);
          }
          return fn(vals);
        };
      }
      const name = tok.v;
      refs.add(name);
      return (r) => r(name);
    }
    if (tok.v === '(') {
      const inner = additive();
      expectOp(')');
      return inner;
    }
    if (tok.v === '-') {
      const inner = primary();
      return (r) => {
        const v = inner(r);
        return v === null ? null : -v;
      };
    }
    throw new SyntaxError(`Unexpected "${tok.v}" in expression "${expr}"`);
  }

  function binary(next: () => Compiled, ops: string[]): () => Compiled {
    return () => {
      let left = next();
      for (let tok = peek(); tok?.t === 'op' && ops.includes(tok.v); tok = peek()) {
        i++;
        const op = tok.v;
        const l = left;
        const r = next();
        left = (res) => {
          const a = l(res);
          const b = r(res);
          if (a === null || b === null) return null;
          switch (op) {
            case '+': return a + b;
            case '-': return a - b;
            case '*': return a * b;
            default: return b === 0 ? null : a / b;
          }
        };
      }
      return left;
    };
  }

  const multiplicative = binary(primary, ['*', '/']);
  const additive = binary(multiplicative, ['+', '-']);
  const fn = additive();
  if (i !== tokens.length) throw new SyntaxError(`Unexpected trailing input in expression "${expr}"`);
  return { fn, refs: [...refs] };
}
