// DuckDB's Node API, loaded with `require`. The package is CommonJS whose index re-exports ~180
// files; importing it from an ES module makes Node lex every one of them for named exports
// before loading them, which doubled its load time: 0.6 s of CPU against 0.3 s with require
// (measured here, `node -e` both ways), on the start-up of every job.
import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';

const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;

export const { DuckDBInstance, DuckDBTypeId, StatementType } = duckdb;
export type DuckDBInstance = DuckDB.DuckDBInstance;
export type DuckDBTypeId = DuckDB.DuckDBTypeId;
export type StatementType = DuckDB.StatementType;
export type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
