import type { DataSource } from 'typeorm';

/** Tables every subgraph has that belong to the subgraph runtime, not to the subgraph's entities. */
export const RUNTIME_TABLES: Record<string, string> = {
  audit_event: "the subgraph runtime's audit trail, written and read with plain SQL (subgraph-runtime's audit module), never through an entity",
};

/**
 * Where a subgraph's TypeORM entities and its migrated schema disagree: an entity column the
 * migrations never made (or made with another type or nullability), and a table column no entity
 * maps. Entities are not synchronised to the database (migrations only), so nothing else notices
 * until a query fails at run time or a column silently stays empty.
 *
 * `deliberatelyUnmapped` names database columns ("table.column", or "table" for a whole table)
 * that no entity is meant to map, each with the reason.
 */
export async function entityMigrationMismatches(
  dataSource: DataSource,
  schema: string,
  deliberatelyUnmapped: Record<string, string> = RUNTIME_TABLES,
): Promise<string[]> {
  const rows: { table_name: string; column_name: string; is_nullable: 'YES' | 'NO'; udt_name: string; table_type: string }[] = await dataSource.query(
    `SELECT c.table_name, c.column_name, c.is_nullable, c.udt_name, t.table_type
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = $1 AND c.table_name <> 'migrations'`,
    [schema],
  );
  const everyColumn = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
  // Views may be mapped by an entity (reviews' review_for_counts), but need not map every column of theirs.
  const inDatabase = new Map([...everyColumn].filter(([, row]) => row.table_type === 'BASE TABLE'));
  const mapped = new Set<string>();
  const problems: string[] = [];
  for (const entity of dataSource.entityMetadatas) {
    if ((entity.schema ?? schema) !== schema || entity.tableType === 'view') continue;
    for (const column of entity.columns) {
      const key = `${entity.tableName}.${column.databaseName}`;
      mapped.add(key);
      const found = everyColumn.get(key);
      if (!found) {
        problems.push(`${entity.name}.${column.propertyName}: column ${key} is not in the migrated schema`);
        continue;
      }
      const expected = `${column.isArray ? '_' : ''}${udtName(dataSource.driver.normalizeType(column))}`;
      if (expected !== found.udt_name)
        problems.push(`${entity.name}.${column.propertyName}: the entity says ${expected}, the database has ${found.udt_name} (${key})`);
      const nullable = found.is_nullable === 'YES';
      // PostgreSQL reports every view column as nullable, whatever the table under it says.
      if (found.table_type === 'BASE TABLE' && column.isNullable !== nullable)
        problems.push(
          `${entity.name}.${column.propertyName}: the entity says ${column.isNullable ? 'nullable' : 'not null'}, the database ${nullable ? 'allows null' : 'says not null'} (${key})`,
        );
    }
  }
  for (const key of inDatabase.keys()) {
    if (!mapped.has(key) && !(key in deliberatelyUnmapped) && !(key.split('.')[0]! in deliberatelyUnmapped))
      problems.push(`${schema}.${key} is mapped by no entity (map it, or list it as deliberately unmapped with the reason)`);
  }
  for (const key of Object.keys(deliberatelyUnmapped)) {
    const exists = key.includes('.') ? inDatabase.has(key) : [...inDatabase.keys()].some((column) => column.startsWith(`${key}.`));
    if (!exists) problems.push(`${schema}.${key} is listed as deliberately unmapped but is not in the migrated schema`);
    else if (mapped.has(key)) problems.push(`${schema}.${key} is listed as deliberately unmapped but an entity maps it`);
  }
  return problems;
}

/** PostgreSQL's internal type name (information_schema.columns.udt_name) for a TypeORM column type. */
function udtName(type: string): string {
  const names: Record<string, string> = {
    'character varying': 'varchar',
    varchar: 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    integer: 'int4',
    int: 'int4',
    int4: 'int4',
    smallint: 'int2',
    bigint: 'int8',
    boolean: 'bool',
    bool: 'bool',
    'double precision': 'float8',
    real: 'float4',
    decimal: 'numeric',
    'timestamp with time zone': 'timestamptz',
    timestamptz: 'timestamptz',
    'timestamp without time zone': 'timestamp',
    timestamp: 'timestamp',
    'simple-array': 'text',
    'simple-json': 'text',
  };
  return names[type] ?? type;
}
