import { UserInputError } from '../core/errors.js';

/**
 * Words that start statements which write, change settings, reach files or load code. A
 * query meant only to read has no use for any of them outside a string or a quoted name.
 */
const FORBIDDEN_KEYWORDS = new Set([
  'insert', 'update', 'delete', 'merge', 'create', 'drop', 'alter', 'truncate',
  'attach', 'detach', 'use', 'copy', 'export', 'import', 'install', 'load',
  'pragma', 'set', 'reset', 'call', 'checkpoint', 'vacuum', 'analyze',
  'begin', 'commit', 'rollback', 'prepare', 'execute', 'deallocate', 'grant', 'revoke',
]);

/**
 * Table and scalar functions that read files, URLs or the environment, or run SQL given as a
 * string (which this check cannot see into). DuckDB also refuses file access on the agent's
 * connection; this names the reason before anything runs.
 */
const FORBIDDEN_FUNCTION = /^(read_\w*|\w*_scan|scan_\w*|glob|sniff_csv|st_read\w*|query|query_table|getenv|current_setting|sqlite_attach|load_extension|duckdb_secrets|which_secret|httpfs\w*|ducklake\w*)$/;

/** String literals that name a file or a URL: `FROM 'data.csv'` reads the file, `'s3://…'` reaches out. */
const URL_LITERAL = /^[a-z][a-z0-9+.-]*:\/\//i;

type Token =
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'quoted'; text: string; start: number; end: number }
  | { kind: 'string'; text: string; start: number; end: number }
  | { kind: 'comment'; start: number; end: number }
  | { kind: 'punct'; text: string; start: number; end: number };

function refuse(reason: string): never {
  throw new UserInputError('validation_failed', `Refused to run the SQL: ${reason} Only a single read-only SELECT (or WITH … SELECT) query may run.`);
}

/**
 * Splits SQL into words, quoted names, string literals, comments and punctuation, the way
 * DuckDB's parser would, so that a keyword inside a string or a comment is not mistaken for
 * one, and one hidden after a comment is not missed. Anything ambiguous is refused.
 */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      tokens.push({ kind: 'comment', start: i, end: stop });
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) refuse('a /* comment is not closed.');
      // Whether block comments nest differs between dialects; a reader that guessed wrong
      // could be shown text as a comment that the engine parses as SQL.
      if (sql.slice(i + 2, end).includes('/*')) refuse('nested /* comments */ are not allowed.');
      tokens.push({ kind: 'comment', start: i, end: end + 2 });
      i = end + 2;
    } else if (c === "'" || ((c === 'e' || c === 'E') && next === "'")) {
      // E'…' strings treat a backslash as an escape; plain ones only double the quote.
      const backslashEscapes = c !== "'";
      const start = i;
      let j = backslashEscapes ? i + 2 : i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) refuse('a string literal is not closed.');
        const ch = sql[j] ?? '';
        if (backslashEscapes && ch === '\\') {
          text += sql[j + 1] ?? '';
          j += 2;
        } else if (ch === "'" && sql[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (ch === "'") {
          j++;
          break;
        } else {
          text += ch;
          j++;
        }
      }
      tokens.push({ kind: 'string', text, start, end: j });
      i = j;
    } else if (c === '"') {
      const start = i;
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) refuse('a quoted name is not closed.');
        const ch = sql[j] ?? '';
        if (ch === '"' && sql[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (ch === '"') {
          j++;
          break;
        } else {
          text += ch;
          j++;
        }
      }
      tokens.push({ kind: 'quoted', text, start, end: j });
      i = j;
    } else if (c === '$' && /[A-Za-z_$]/.test(next)) {
      // Dollar quoting ($$…$$, $tag$…$tag$) is a string literal in DuckDB.
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (!tag) {
        tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      if (end < 0) refuse('a $-quoted string is not closed.');
      tokens.push({ kind: 'string', text: sql.slice(i + tag[0].length, end), start: i, end: end + tag[0].length });
      i = end + tag[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i));
      const text = m?.[0] ?? c;
      tokens.push({ kind: 'word', text, start: i, end: i + text.length });
      i += text.length;
    } else {
      tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/**
 * Checks that `sql` is exactly one read-only query and returns it normalized: comments
 * removed, the trailing semicolon and surrounding whitespace dropped. Throws a
 * `UserInputError` saying why otherwise. Pure.
 *
 * This is the first of three fences: the agent also runs the query on a read-only
 * connection with file and network access disabled, and asks DuckDB's own parser that it is
 * one SELECT before running it.
 */
export function assertReadOnlySql(sql: string): string {
  const tokens = tokenize(sql);
  const code = tokens.filter((t) => t.kind !== 'comment');
  if (code.length === 0) refuse('the query is empty.');

  const semicolon = code.findIndex((t) => t.kind === 'punct' && t.text === ';');
  if (semicolon >= 0 && code.slice(semicolon + 1).some((t) => !(t.kind === 'punct' && t.text === ';'))) {
    refuse('it holds more than one statement.');
  }
  const statement = semicolon >= 0 ? code.slice(0, semicolon) : code;
  if (statement.length === 0) refuse('the query is empty.');

  // `(SELECT …) UNION (SELECT …)` starts with parentheses.
  const first = statement.find((t) => !(t.kind === 'punct' && t.text === '('));
  const firstWord = first?.kind === 'word' ? first.text.toLowerCase() : '';
  if (firstWord !== 'select' && firstWord !== 'with') {
    refuse(`it starts with ${first?.kind === 'word' ? first.text.toUpperCase() : `"${sql.slice(first?.start ?? 0, first?.end ?? 0)}"`}, not SELECT or WITH.`);
  }

  statement.forEach((t, i) => {
    const before = statement[i - 1];
    const after = statement[i + 1];
    if (t.kind === 'word') {
      const word = t.text.toLowerCase();
      // `t.load` is a column, not a statement.
      const qualified = before?.kind === 'punct' && before.text === '.';
      if (!qualified && FORBIDDEN_KEYWORDS.has(word)) refuse(`${t.text.toUpperCase()} is not a read-only operation.`);
      const called = after?.kind === 'punct' && after.text === '(';
      if (called && FORBIDDEN_FUNCTION.test(word)) refuse(`${t.text}() reads files, URLs or settings outside the dataset.`);
    }
    if (t.kind === 'string') {
      if (URL_LITERAL.test(t.text.trim())) refuse(`'${t.text}' is a URL; queries may read only the dataset's tables.`);
      const prev = before?.kind === 'word' ? before.text.toLowerCase() : '';
      if (prev === 'from' || prev === 'join') refuse(`FROM '${t.text}' reads a file; queries may read only the dataset's tables.`);
    }
  });

  const last = statement[statement.length - 1];
  // Comments go (a trailing `--` comment would swallow anything appended later); the rest
  // keeps its layout.
  let out = '';
  let cursor = statement[0]?.start ?? 0;
  for (const t of tokens) {
    if (t.start < cursor || t.end > (last?.end ?? 0)) continue;
    if (t.kind === 'comment') {
      out += `${sql.slice(cursor, t.start)} `;
      cursor = t.end;
    }
  }
  out += sql.slice(cursor, last?.end ?? cursor);
  return out.trim();
}
