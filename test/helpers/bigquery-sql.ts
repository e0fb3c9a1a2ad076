import nodeSqlParser from 'node-sql-parser';

// node-sql-parser is CommonJS; its ESM shape is the module object.
const { Parser } = nodeSqlParser as unknown as { Parser: new () => { astify(sql: string, options: { database: string }): unknown } };
const parser = new Parser();

/**
 * A known gap of node-sql-parser 5.4.0's BigQuery grammar, worked around here only (never in the
 * SQL we send): it parses an array subscript after a call as a select item
 * (`SELECT APPROX_QUANTILES(x, 2)[OFFSET(1)] FROM t`) but not as a function argument, where
 * `ROUND(APPROX_QUANTILES(x, 2)[OFFSET(1)], 1)` fails with `Expected ... but "[" found`; BigQuery
 * accepts both. The median of `bigqueryDialect` renders exactly that inside ROUND, so before
 * parsing, a subscript with a literal position (`[OFFSET(n)]`, `[SAFE_OFFSET(n)]`, `[ORDINAL(n)]`,
 * `[SAFE_ORDINAL(n)]`) right after a closing parenthesis is removed; the rest is parsed as sent.
 */
const CALL_SUBSCRIPT = /\)\s*\[\s*(?:SAFE_)?(?:OFFSET|ORDINAL)\s*\(\s*\d+\s*\)\s*\]/gi;

/** BigQuery's statementType for node-sql-parser's statement types. */
const STATEMENT_TYPES: Record<string, string> = { select: 'SELECT', insert: 'INSERT', update: 'UPDATE', delete: 'DELETE', create: 'CREATE_TABLE', drop: 'DROP_TABLE', alter: 'ALTER_TABLE', merge: 'MERGE', truncate: 'TRUNCATE_TABLE' };

export type BigQuerySqlCheck = { ok: true; statementType: string } | { ok: false; message: string };

/**
 * Parses SQL with node-sql-parser's BigQuery dialect, as the fake BigQuery does before it runs
 * anything. Returns the statement type BigQuery's dry run would report (`SCRIPT` for several
 * statements), or the parser's message.
 */
export function checkBigQuerySql(sql: string): BigQuerySqlCheck {
  let ast: unknown;
  try {
    ast = parser.astify(sql.replace(CALL_SUBSCRIPT, ')'), { database: 'BigQuery' });
  } catch (err) {
    return { ok: false, message: `Syntax error: ${(err as Error).message.split('\n')[0] ?? ''}` };
  }
  const statements = (Array.isArray(ast) ? ast : [ast]) as Array<{ type?: string }>;
  if (statements.length !== 1) return { ok: true, statementType: 'SCRIPT' };
  const type = String(statements[0]?.type ?? '').toLowerCase();
  return { ok: true, statementType: STATEMENT_TYPES[type] ?? type.toUpperCase() };
}
