/**
 * rowsWhereAnyOf gives loaders the same rows as TypeORM's find, in the same shape (dates as
 * 'YYYY-MM-DD' text, jsonb and arrays parsed, nulls kept, timestamps as Date), in one statement.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Column, DataSource, Entity, In, PrimaryColumn } from 'typeorm';
import { startEmbeddedPostgres, statementCounter, CountingLogger, type EmbeddedPostgres } from '@safeguarding/database';
import pino from 'pino';
import { rowsWhereAnyOf } from '../src/rows';

const SCHEMA = `rows_test_${randomBytes(4).toString('hex')}`;

@Entity({ name: 'seat', schema: SCHEMA })
class SeatEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'date', name: 'start_date', nullable: true }) startDate: string | null;
  @Column({ type: 'jsonb', nullable: true }) source: { document: string; section?: string } | null;
  @Column({ type: 'text', array: true, name: 'also_known_as', default: () => "'{}'" }) alsoKnownAs: string[];
  @Column({ type: 'integer' }) places: number;
  @Column({ type: 'timestamptz', name: 'edited_at', nullable: true }) editedAt: Date | null;
  @Column({ type: 'text', name: 'odd name', nullable: true }) oddName: string | null;
}

let embedded: EmbeddedPostgres | undefined;
let dataSource: DataSource;

beforeAll(async () => {
  const url = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres({ port: 0 })).url;
  // A throwaway schema of its own: synchronize is fine here, never in the services.
  const setup = new DataSource({ type: 'postgres', url, entities: [], extra: { max: 1 } });
  await setup.initialize();
  await setup.query(`CREATE SCHEMA "${SCHEMA}"`);
  await setup.destroy();
  dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [SeatEntity],
    synchronize: true,
    logger: new CountingLogger(pino({ level: 'silent' })),
    extra: { max: 2 },
  });
  await dataSource.initialize();
  await dataSource.getRepository(SeatEntity).save([
    {
      id: 's1',
      bodyId: 'b1',
      startDate: '2024-10-01',
      source: { document: '001.md', section: 'Membership' },
      alsoKnownAs: ['WMP'],
      places: 3,
      editedAt: new Date('2026-01-02T03:04:05Z'),
      oddName: 'x',
    },
    { id: 's2', bodyId: 'b1', startDate: null, source: null, alsoKnownAs: [], places: 0, editedAt: null, oddName: null },
    {
      id: 's3',
      bodyId: 'b2',
      startDate: '2019-04-01',
      source: { document: '003.md' },
      alsoKnownAs: ['a', 'b "quoted"'],
      places: -1,
      editedAt: null,
      oddName: null,
    },
    { id: 's4', bodyId: 'b3', startDate: '2025-01-01', source: null, alsoKnownAs: [], places: 9, editedAt: null, oddName: null },
  ]);
});
afterAll(async () => {
  try {
    if (dataSource?.isInitialized) {
      await dataSource.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
});

it('returns what find returns, ordered the same', async () => {
  const keys = ['b1', 'b2', 'missing'];
  const expected = await dataSource.getRepository(SeatEntity).find({ where: { bodyId: In(keys) }, order: { startDate: 'ASC', id: 'ASC' } });
  const rows = await rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', keys, ['startDate', 'id']);
  expect(rows).toEqual(expected.map((entity) => ({ ...entity })));
  expect(rows.map((row) => row.id)).toEqual(['s3', 's1', 's2']);
  expect(rows[1]).toMatchObject({
    startDate: '2024-10-01',
    source: { document: '001.md', section: 'Membership' },
    alsoKnownAs: ['WMP'],
    places: 3,
    oddName: 'x',
  });
  expect(rows[1]!.editedAt).toEqual(new Date('2026-01-02T03:04:05Z'));
});

it('uses one statement whatever the number of keys, and returns nothing for no match', async () => {
  const before = statementCounter.total();
  await rowsWhereAnyOf(
    dataSource,
    SeatEntity,
    'bodyId',
    Array.from({ length: 500 }, (_, index) => `b${index}`),
  );
  expect(statementCounter.total() - before).toBe(1);
  expect(await rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', [])).toEqual([]);
});

it('reads only the properties asked for, the same values as the whole rows', async () => {
  const whole = await rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1', 'b2'], ['startDate', 'id']);
  const listed = await rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1', 'b2'], ['startDate', 'id'], [], ['id', 'startDate', 'oddName']);
  expect(listed).toEqual(whole.map(({ id, startDate, oddName }) => ({ id, startDate, oddName })));
  // The whole rows are still read whole after a projection of the same entity.
  expect(await rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1', 'b2'], ['startDate', 'id'])).toEqual(whole);
  await expect(rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1'], [], [], ['nonsense' as never])).rejects.toThrow('nonsense is not a column');
});

it('refuses an order or key that is not a column of the entity', async () => {
  await expect(rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1'], ['nonsense' as never])).rejects.toThrow('nonsense is not a column');
});

it('applies bounds in SQL, with their values as parameters', async () => {
  const rows = await rowsWhereAnyOf(
    dataSource,
    SeatEntity,
    'bodyId',
    ['b1', 'b2', 'b3'],
    ['startDate'],
    [
      { property: 'startDate', operator: '>=', value: '2020-01-01' },
      { property: 'startDate', operator: '<=', value: '2024-12-31' },
    ],
  );
  expect(rows.map((row) => row.id)).toEqual(['s1']);
  // A value is a parameter, never SQL: PostgreSQL reads it as a (bad) date and the table stays.
  await expect(
    rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1'], [], [{ property: 'startDate', operator: '<=', value: "2024-12-31'; DROP TABLE seat; --" }]),
  ).rejects.toThrow(/invalid input syntax for type date/);
  expect(await dataSource.getRepository(SeatEntity).count()).toBe(4);
  expect(await rowsWhereAnyOf(dataSource, SeatEntity, 'bodyId', ['b1', 'b2', 'b3'], [], [{ property: 'places', operator: '=', value: 9 }])).toEqual([
    expect.objectContaining({ id: 's4' }),
  ]);
});
