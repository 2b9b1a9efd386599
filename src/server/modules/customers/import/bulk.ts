import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/raw.ts';

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const arrayLiteral = (items: unknown[]) => `{${items.map((x) => `"${String(x).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

// Many rows in one INSERT whose values travel as a single jsonb parameter, unpacked with the
// columns' own SQL types. Drizzle's builder binds one parameter per value (35,000 for 1,000
// customers) and spends longer building the statement than the database spends running it;
// PGlite also pays per parameter. Columns absent from every row get their defaults.
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: Partial<T['$inferInsert']>[],
  opts: { onConflictDoNothing?: boolean; returning?: (keyof T['$inferSelect'] & string)[] } = {},
): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table);
  const present = new Set<string>();
  for (const r of rows as Record<string, unknown>[]) for (const k in r) if (r[k] !== undefined) present.add(k);
  const keys = Object.keys(columns).filter((k) => present.has(k));
  const types = keys.map((k) => columns[k].getSQLType());
  // Rows as JSON arrays in column order (a third of the size of objects with keys); text[]
  // values as PostgreSQL array literals.
  const json = JSON.stringify(rows.map((r) => keys.map((k, i) => {
    const v = (r as Record<string, unknown>)[k];
    return Array.isArray(v) && types[i] !== 'jsonb' ? arrayLiteral(v) : (v ?? null);
  })));
  const names = keys.map((k) => ident(columns[k].name)).join(', ');
  const values = types.map((t, i) => (t === 'jsonb' ? `r->${i}` : `(r->>${i})::${t}`)).join(', ');
  const returning = opts.returning?.length ? sql.raw(` RETURNING ${opts.returning.map((k) => `${ident(columns[k].name)} AS ${ident(k)}`).join(', ')}`) : sql``;
  const query: SQL = sql`INSERT INTO ${table} (${sql.raw(names)}) SELECT ${sql.raw(values)} FROM jsonb_array_elements(${json}::jsonb) AS r${sql.raw(opts.onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : '')}${returning}`;
  return queryRows<Record<string, unknown>>(db, query);
}

// `column = ANY('{…}')` for many values as one array parameter: an index scan whatever the
// planner's statistics say (an IN over a set-returning function may be planned as a hash join
// over the whole table).
export function inList(column: AnyPgColumn, values: string[], type: 'text' | 'uuid'): SQL {
  return sql`${column} = ANY(${arrayLiteral(values)}::${sql.raw(type)}[])`;
}
