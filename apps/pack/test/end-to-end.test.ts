/**
 * The pack command through a real gateway, against the convention every subgraph follows
 * (`<section>PackSection`, `apply<Section>PackSection`: packages/federation-contract/sdl/pack.graphql).
 * Those fields come from the section branches, so this file passes only once they are merged
 * (see docs/working-notes/packs-cli.md); the rest of the command is tested against a double.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, parse, parseDocument, type Node } from 'yaml';
import { packsDirectory, REGIONAL, sectionFile } from '@safeguarding/packs';
import { grant, startTestFederation, type TestFederation, tokenFor } from '@safeguarding/testkit';
import { manifestText } from '../src/commands';
import { run } from '../src/run';
import { sectionsOfScope } from '../src/sections';
import { capture } from './capture';

let federation: TestFederation;
let scratch: string;
const regionalAdmin = tokenFor([grant('regional-admin')]);
const telfordAdmin = tokenFor([grant('partnership-admin', 'telford-and-wrekin')]);
const shropshireAdmin = tokenFor([grant('partnership-admin', 'shropshire')]);

beforeAll(async () => {
  federation = await startTestFederation();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-end-to-end-'));
});
afterAll(async () => {
  await federation?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

async function pack(args: string[], token: string) {
  const output = capture();
  const status = await run([...args, '--gateway', federation.gatewayUrl, '--token', token], output, {});
  return { status, ...output };
}

const read = (...parts: string[]) => fs.readFileSync(path.join(...parts), 'utf8');

/**
 * Renames the first record of the section that has an `id` and a plain-text `name` (a body, in
 * arrangements), appending a marker: a small change whose shape does not depend on the section's
 * other fields. Returns the edited text and the new name.
 */
function renameFirstNamedRecord(text: string): { text: string; name: string } {
  const document = parseDocument(text);
  const visit = (node: unknown): Node | undefined => {
    if (isMap(node)) {
      const name = node.get('name', true);
      if (node.has('id') && isScalar(name) && typeof name.value === 'string') return name;
      for (const item of node.items) {
        const found = visit(item.value);
        if (found) return found;
      }
    }
    if (isSeq(node))
      for (const item of node.items) {
        const found = visit(item);
        if (found) return found;
      }
    return undefined;
  };
  const scalar = visit(document.contents);
  if (!isScalar(scalar)) throw new Error('The arrangements section has no record with an id and a name to rename.');
  const name = `${String(scalar.value)} (renamed by the pack test)`;
  scalar.value = name;
  return { text: document.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true }), name };
}

describe('pack export through the gateway', () => {
  it.each(['shropshire', 'telford-and-wrekin', 'solihull', REGIONAL])('writes %s exactly as the files in packs/', async (scope) => {
    const folder = path.join(scratch, 'export', scope);
    const { status, lines } = await pack(['export', scope, folder], regionalAdmin);
    expect({ status, lines: lines.at(-1) }).toEqual({ status: 0, lines: expect.stringContaining(`${scope}: `) });
    for (const section of sectionsOfScope(scope)) expect(read(folder, sectionFile(section))).toBe(read(packsDirectory(), scope, sectionFile(section)));
    expect(read(folder, 'pack.yaml')).toBe(manifestText(scope));
    // The regional pack.yaml also describes the pack for its maintainers; the platform keeps no description.
    if (scope !== REGIONAL) expect(read(folder, 'pack.yaml')).toBe(read(packsDirectory(), scope, 'pack.yaml'));
  });
});

describe('pack import through the gateway', () => {
  it('imports Shropshire as it is in packs/, in a dry run: every section would apply with no changes', async () => {
    const { status, lines } = await pack(['import', path.join(packsDirectory(), 'shropshire'), '--dry-run'], shropshireAdmin);
    expect(lines.slice(1, 6)).toEqual(sectionsOfScope('shropshire').map((section) => `${section}: would apply, no changes`));
    expect(lines.at(-1)).toBe('Would change: 0 added, 0 changed, 0 ended.');
    expect(status).toBe(0);
  });

  it('refuses a partnership-admin of another partnership, section by section, and says what was not attempted', async () => {
    const folder = path.join(scratch, 'refused');
    expect((await pack(['export', 'telford-and-wrekin', folder], regionalAdmin)).status).toBe(0);
    const { status, lines } = await pack(['import', folder], shropshireAdmin);
    expect(status).toBe(1);
    expect(lines[1]).toBe('arrangements: refused; nothing in this section was written');
    expect(lines[2]).toMatch(/^ {2}FORBIDDEN: /);
    expect(lines).toContain('Applied to telford-and-wrekin: none.');
    expect(lines).toContain('Not attempted (they come after a refused section; fix it and import again): membership, thresholds, training, reviews.');
  });

  it('imports a pack with one record renamed: the dry run lists it and writes nothing, the import writes it, again changes nothing', async () => {
    const original = path.join(scratch, 'telford-original');
    const edited = path.join(scratch, 'telford-edited');
    expect((await pack(['export', 'telford-and-wrekin', original], regionalAdmin)).status).toBe(0);
    fs.cpSync(original, edited, { recursive: true });
    const rename = renameFirstNamedRecord(read(original, 'arrangements.yaml'));
    fs.writeFileSync(path.join(edited, 'arrangements.yaml'), rename.text);

    const dryRun = await pack(['import', edited, '--dry-run'], telfordAdmin);
    expect(dryRun.lines[1]).toBe('arrangements: would apply (1 change: 0 added, 1 changed, 0 ended)');
    expect(dryRun.lines[2]).toMatch(/^ {2}~ \S+ \S+ \(.*name.*\)$/i);
    expect(dryRun.status).toBe(0);
    const afterDryRun = path.join(scratch, 'telford-after-dry-run');
    expect((await pack(['export', 'telford-and-wrekin', afterDryRun], regionalAdmin)).status).toBe(0);
    expect(read(afterDryRun, 'arrangements.yaml')).toBe(read(original, 'arrangements.yaml'));

    const imported = await pack(['import', edited], telfordAdmin);
    expect(imported.lines[1]).toBe('arrangements: applied (1 change: 0 added, 1 changed, 0 ended)');
    expect(imported.lines[2]).toBe(dryRun.lines[2]);
    expect(imported.lines).toContain('Applied to telford-and-wrekin: arrangements, membership, thresholds, training, reviews.');
    expect(imported.status).toBe(0);

    // Read back through the API: the platform now holds the new name.
    const afterImport = path.join(scratch, 'telford-after-import');
    expect((await pack(['export', 'telford-and-wrekin', afterImport], regionalAdmin)).status).toBe(0);
    expect(parse(read(afterImport, 'arrangements.yaml'))).toEqual(parse(rename.text));
    expect(read(afterImport, 'arrangements.yaml')).toContain(rename.name);

    const again = await pack(['import', edited], telfordAdmin);
    expect(again.lines.at(-1)).toBe('Changed: 0 added, 0 changed, 0 ended.');
    expect(again.status).toBe(0);
  });
});
