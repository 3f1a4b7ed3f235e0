import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Batch reads for loaders without TypeORM's per-row entity hydration.
 *
 * A loader batch (`WHERE key IN (...)`) through `repository.find` builds one SQL parameter per key
 * and hydrates every row through TypeORM's result transformer; on large answers (2,200 seats of a
 * hundred bodies) that measured as most of a subgraph's CPU and garbage (bench/BASELINE.md). This
 * reads the same rows with one array parameter, naming each column by its entity property and
 * reading dates as text (as TypeORM's `date` columns are), so callers get the same shape as from
 * `find`: plain objects, not class instances (no entity here has methods).
 */
interface EntitySelect {
  table: string;
  columns: string;
  columnOf: Map<string, string>;
}

const selects = new WeakMap<DataSource, Map<unknown, Map<string, EntitySelect>>>();

function selectFor(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, properties?: readonly string[]): EntitySelect {
  let perSource = selects.get(dataSource);
  if (!perSource) selects.set(dataSource, (perSource = new Map<unknown, Map<string, EntitySelect>>()));
  let perEntity = perSource.get(entity);
  if (!perEntity) perSource.set(entity, (perEntity = new Map<string, EntitySelect>()));
  const projection = properties ? properties.join(',') : '*';
  let select = perEntity.get(projection);
  if (!select) {
    const metadata = dataSource.getMetadata(entity);
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const columnOf = new Map(metadata.columns.map((column) => [column.propertyName, column.databaseName]));
    for (const property of properties ?? []) {
      if (!columnOf.has(property)) throw new Error(`${property} is not a column of ${metadata.tableName}`);
    }
    const columns = metadata.columns
      .filter((column) => !properties || properties.includes(column.propertyName))
      .map((column) => {
        // TypeORM hands `date` columns over as 'YYYY-MM-DD' strings; pg would make them Dates.
        const expression = column.type === 'date' ? `${quote(column.databaseName)}::text` : quote(column.databaseName);
        return `${expression} AS ${quote(column.propertyName)}`;
      })
      .join(', ');
    const table = metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName);
    select = { table, columns, columnOf };
    perEntity.set(projection, select);
  }
  return select;
}

/** A further bound on a batch read: `property operator value`, e.g. notifiedOn >= '2022-01-01'. */
export interface RowBound<T> {
  property: keyof T & string;
  operator: '>=' | '<=' | '=';
  value: string | number;
}

/**
 * Rows of `entity` whose `property` is any of `keys`, within `bounds`, ordered by `orderBy` (entity
 * properties, ascending). One statement, one array parameter, whatever the number of keys.
 * `properties`, when given, reads only those columns (the rows then have only those properties):
 * pg parses every column it is sent, jsonb included, so a large list read for two fields costs
 * far less without the rest.
 */
export function rowsWhereAnyOf<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: readonly string[],
  orderBy?: (keyof T & string)[],
  bounds?: RowBound<T>[],
): Promise<T[]>;
export function rowsWhereAnyOf<T extends ObjectLiteral, P extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: readonly string[],
  orderBy: (keyof T & string)[],
  bounds: RowBound<T>[],
  properties: readonly P[],
): Promise<Pick<T, P>[]>;
export async function rowsWhereAnyOf<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  keys: readonly string[],
  orderBy: (keyof T & string)[] = [],
  bounds: RowBound<T>[] = [],
  properties?: readonly string[],
): Promise<Partial<T>[]> {
  const select = selectFor(dataSource, entity, properties);
  const column = (name: string) => {
    const databaseName = select.columnOf.get(name);
    if (!databaseName) throw new Error(`${String(name)} is not a column of ${select.table}`);
    return `"${databaseName}"`;
  };
  const conditions = [`${column(property)} = ANY($1)`, ...bounds.map((bound, index) => `${column(bound.property)} ${bound.operator} $${index + 2}`)];
  const order = orderBy.length ? ` ORDER BY ${orderBy.map(column).join(', ')}` : '';
  return dataSource.query<Partial<T>[]>(`SELECT ${select.columns} FROM ${select.table} WHERE ${conditions.join(' AND ')}${order}`, [
    keys,
    ...bounds.map((bound) => bound.value),
  ]);
}
