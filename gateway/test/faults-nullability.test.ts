/**
 * The rule behind partial answers: every field the gateway may have to fetch from a subgraph other
 * than the one that produced its parent is nullable, so a subgraph that is down costs only its own
 * fields. Read from the supergraph, so a new field added non-null fails here; and the table users
 * read (in gateway/README.md, "Partial answers") is checked against it so it cannot drift.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fieldsThatCanGoMissing, nullabilityTable, TABLE_END, TABLE_START } from './faults-nullability';

const supergraph = fs.readFileSync(path.join(__dirname, '..', 'supergraph.graphql'), 'utf8');
const fields = fieldsThatCanGoMissing(supergraph);
const name = (field: { type: string; field: string }) => `${field.type}.${field.field}`;

describe('fields that can go missing when a subgraph is down', () => {
  it('are found where the issue saw them, and for every subgraph', () => {
    const missing = (type: string, field: string) => fields.find((candidate) => candidate.type === type && candidate.field === field)?.missingWhenDown;
    expect(missing('Partnership', 'reviews')).toEqual(['reviews']);
    expect(missing('Partnership', 'name')).toEqual(['arrangements']);
    expect(missing('Partnership', 'trainingProgramme')).toEqual(['training']);
    expect(missing('Partnership', 'thresholdModel')).toEqual(['thresholds']);
    expect(missing('PartnershipComparison', 'reviews')).toEqual(['reviews']);
    expect(missing('Organisation', 'name')).toEqual(['membership']);
    expect(missing('Body', 'members')).toEqual(['membership']);
    // Training's learning gaps need the themes reviews gives them (@requires).
    expect(missing('AgendaCandidates', 'learningGaps')).toEqual(['reviews', 'training']);
    expect(missing('Query', 'comparePartnerships')).toEqual(['arrangements']);
    // Fields only their own subgraph ever answers stay as they are.
    expect(missing('Review', 'code')).toBeUndefined();
    expect(missing('PartnershipComparison', 'governance')).toBeUndefined();
    expect([...new Set(fields.flatMap((field) => field.missingWhenDown))].sort()).toEqual(['arrangements', 'membership', 'reviews', 'thresholds', 'training']);
  });

  it('are all nullable: a non-null one would null its parent, which other subgraphs answered', () => {
    const nonNull = fields.filter((field) => !field.nullable).map((field) => `${name(field)} (missing when ${field.missingWhenDown.join(' or ')} is down)`);
    // Make each one nullable in its subgraph's schema/, then npm run compose.
    expect(nonNull).toEqual([]);
  });

  it('are listed in the table users read, exactly as the supergraph says', () => {
    const root = path.join(__dirname, '..', '..');
    const documents = ['gateway/README.md', 'README.md'].map((file) => path.join(root, file)).filter((file) => fs.existsSync(file));
    const withTable = documents.find((file) => fs.readFileSync(file, 'utf8').includes(TABLE_START));
    expect(withTable).toBeDefined();
    const text = fs.readFileSync(withTable!, 'utf8');
    const written = text.slice(text.indexOf(TABLE_START), text.indexOf(TABLE_END) + TABLE_END.length);
    // When this fails, paste the expected table between the markers.
    expect(written).toBe(nullabilityTable(fields));
  });
});
