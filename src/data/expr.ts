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

/** The functions an expression may call; `bindExpr` implements them. */
const FUNCTIONS = new Set(['min', 'max', 'abs', 'round']);

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
      if (FUNCTIONS.has(tok.v) && next?.t === 'op' && next.v === '(') {
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

function refsOf(n: Node, out: Set<string>): Set<string> {
  switch (n.k) {
    case 'ref':
      out.add(n.name);
      break;
    case 'neg':
      refsOf(n.a, out);
      break;
    case 'bin':
      refsOf(n.a, out);
      refsOf(n.b, out);
      break;
    case 'call':
      for (const a of n.args) refsOf(a, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Parses `expr` and lists the refs it reads; `fn` evaluates it for one row, with NULL as null.
 * Throws SyntaxError on bad input. The same parser and evaluator as `bindExpr`.
 */
export function compileExpr(expr: string): { fn: Compiled; refs: string[] } {
  const refs = [...refsOf(parseExpr(expr), new Set())];
  let current: Resolve = () => null;
  const getter = bindExpr(expr, (ref) => () => current(ref) ?? NaN);
  const fn: Compiled = (resolve) => {
    current = resolve;
    const v = getter(0);
    return Number.isNaN(v) ? null : v;
  };
  return { fn, refs };
}
