/**
 * Deny by default, field by field: every field each subgraph serves must have its own rule in that
 * subgraph's permissions.ts (no wildcards), and docs/access-inventory.md, the table of who may
 * read what, must be the one rendered from those rules. A field added tomorrow fails here until
 * someone decides who may read it (until then the shield denies it to everyone).
 *
 * After changing a permissions.ts or a schema/ folder, rewrite the table with:
 *   cd gateway && WRITE_ACCESS_INVENTORY=1 npx jest test/access-inventory.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { accessInventory, renderAccessInventory } from '@safeguarding/subgraph-runtime';
import { loadSubgraphModule } from '@safeguarding/testkit';
import { presentSubgraphs } from '../src/compose';

const INVENTORY_FILE = path.join(REPOSITORY_ROOT, 'docs', 'access-inventory.md');

/** A subgraph's notes on what its resolvers filter (optional `accessNotes` beside `permissions`). */
function notesOf(subgraph: string): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- each subgraph's permissions.ts by path, synchronously, through jest's transform.
  const loaded = require(path.join(REPOSITORY_ROOT, 'services', subgraph, 'permissions.ts')) as { accessNotes?: Record<string, string> };
  return loaded.accessNotes ?? {};
}

const inventories = presentSubgraphs().map(({ name }) => accessInventory(loadSubgraphModule(name), notesOf(name)));

describe('the access inventory', () => {
  it('has a rule of its own for every field every subgraph serves, and no rule for a field that does not exist', () => {
    expect(inventories.map((inventory) => inventory.subgraph)).toEqual(['arrangements', 'membership', 'reviews', 'training', 'thresholds']);
    expect(inventories.flatMap((inventory) => inventory.problems)).toEqual([]);
  });

  it('is written out in docs/access-inventory.md, as rendered from the rules', () => {
    const rendered = renderAccessInventory(inventories);
    if (process.env.WRITE_ACCESS_INVENTORY === '1') fs.writeFileSync(INVENTORY_FILE, rendered);
    const current = fs.existsSync(INVENTORY_FILE) ? fs.readFileSync(INVENTORY_FILE, 'utf8') : '';
    const fix = 'cd gateway && WRITE_ACCESS_INVENTORY=1 npx jest test/access-inventory.test.ts';
    expect({ file: 'docs/access-inventory.md', upToDate: current === rendered, fix }).toEqual({ file: 'docs/access-inventory.md', upToDate: true, fix });
  });

  it('reads as the seed-era decisions: reviews public at field level, attendance and bookings behind roles, the audit trail for admins', () => {
    const entry = (subgraph: string, type: string, field: string) =>
      inventories.find((inventory) => inventory.subgraph === subgraph)!.entries.find((candidate) => candidate.type === type && candidate.field === field);
    expect(entry('reviews', 'Review', 'status')?.reach).toEqual({
      anonymous: 'yes',
      analyst: 'yes',
      member: 'yes',
      'partnership-admin': 'yes',
      'forum-secretariat': 'yes',
      'regional-admin': 'yes',
    });
    expect(entry('membership', 'Meeting', 'attendance')?.reach).toEqual({
      anonymous: 'no',
      analyst: 'yes',
      member: 'scoped',
      'partnership-admin': 'scoped',
      'forum-secretariat': 'scoped',
      'regional-admin': 'yes',
    });
    expect(entry('training', 'TrainingSession', 'bookings')?.reach).toEqual({
      anonymous: 'no',
      analyst: 'yes',
      member: 'scoped',
      'partnership-admin': 'scoped',
      'forum-secretariat': 'no',
      'regional-admin': 'yes',
    });
    expect(entry('arrangements', 'Partnership', 'arrangementsAuditTrail')?.reach).toEqual({
      anonymous: 'no',
      analyst: 'no',
      member: 'no',
      'partnership-admin': 'scoped',
      'forum-secretariat': 'no',
      'regional-admin': 'yes',
    });
    // A published level's mapping stays the regional administrators'; a draft version's levels are
    // placed by that partnership's own administrators (issue 16), hence scoped.
    expect(entry('thresholds', 'Mutation', 'updateCrosswalkMapping')?.reach).toEqual({
      anonymous: 'no',
      analyst: 'no',
      member: 'no',
      'partnership-admin': 'scoped',
      'forum-secretariat': 'no',
      'regional-admin': 'yes',
    });
  });
});
