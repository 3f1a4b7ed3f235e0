import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  jsonSchemaFiles,
  normaliseForQuote,
  packFileText,
  packFolders,
  provenance,
  readPackFile,
  REPOSITORY_PACKS,
  REPOSITORY_SOURCES,
  SourceLibrary,
  validatePack,
  viewOfProvenance,
} from '../src';

function packFolder(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('the packs in the repository', () => {
  it('are each valid: shape, references and every stated quote found in its source', () => {
    const folders = packFolders(REPOSITORY_PACKS);
    expect(folders.map((folder) => path.basename(folder))).toEqual(['regional', 'shropshire', 'solihull', 'telford-and-wrekin']);
    for (const folder of folders) {
      const { problems } = validatePack(folder, { platformPacks: folders });
      expect({ folder: path.basename(folder), problems }).toEqual({ folder: path.basename(folder), problems: [] });
    }
  });

  it('publish JSON Schemas that are what the validators generate (run `npm run schemas -w @safeguarding/packs` after a change)', () => {
    for (const [file, text] of jsonSchemaFiles()) {
      expect({ file, text: fs.readFileSync(path.join(REPOSITORY_PACKS, 'schema', file), 'utf8') }).toEqual({ file, text });
    }
    const published = fs.readdirSync(path.join(REPOSITORY_PACKS, 'schema')).sort();
    expect(published).toEqual([...jsonSchemaFiles().keys()].sort());
  });
});

describe('reading a pack file', () => {
  const schema = z.strictObject({ name: z.string(), bodies: z.array(z.strictObject({ id: z.string(), meetingsPerYear: z.number().int() })) });

  it('names the line, column and field of every problem at once', () => {
    const text = ['name: Example', 'bodies:', '  - id: one', '    meetingsPerYear: six', '  - id: two', '    meetingsPerYear: 4', '    chiar: x', ''].join('\n');
    const read = readPackFile('arrangements.yaml', text, schema);
    expect(read.value).toBeUndefined();
    expect(read.problems).toEqual([
      expect.objectContaining({ file: 'arrangements.yaml', line: 4, column: 22, field: 'bodies[0].meetingsPerYear' }),
      expect.objectContaining({ file: 'arrangements.yaml', line: 7, column: 5, field: 'bodies[1].chiar', message: expect.stringContaining('"chiar" is not a field here') }),
    ]);
  });

  it('reports a missing field at the object that lacks it', () => {
    const read = readPackFile('arrangements.yaml', 'bodies:\n  - id: one\n    meetingsPerYear: 4\n', schema);
    expect(read.problems).toEqual([expect.objectContaining({ line: 1, column: 1, field: 'name' })]);
  });

  it('reports YAML syntax and duplicate keys with their position', () => {
    const broken = readPackFile('arrangements.yaml', 'name: Example\nname: Again\nbodies: []\n', schema);
    expect(broken.problems).toEqual([expect.objectContaining({ line: 2, column: 1, message: expect.stringMatching(/unique/i) })]);
    const syntax = readPackFile('arrangements.yaml', 'name: Example\nbodies: [\n', schema);
    expect(syntax.problems.length).toBeGreaterThan(0);
    expect(syntax.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('writes the same bytes for the same value, with the schema comment editors read', () => {
    const value = { name: 'Example: a partnership', bodies: [{ id: 'one', meetingsPerYear: 4 }] };
    const text = packFileText(value, 'partnership-arrangements');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/partnership-arrangements.schema.json');
    expect(packFileText(readPackFile('x.yaml', text, schema).value, 'partnership-arrangements')).toBe(text);
  });
});

describe('a pack folder', () => {
  it('needs pack.yaml naming its scope', () => {
    const missing = validatePack(packFolder({}));
    expect(missing.problems).toEqual([expect.objectContaining({ file: 'pack.yaml', message: expect.stringContaining('has no pack.yaml') })]);
    const wrong = validatePack(packFolder({ 'pack.yaml': 'scope: Shropshire Partnership\nowner: me\n' }));
    expect(wrong.problems).toEqual([
      expect.objectContaining({ file: 'pack.yaml', line: 1, column: 8, field: 'scope' }),
      expect.objectContaining({ file: 'pack.yaml', line: 2, column: 1, field: 'owner' }),
    ]);
  });

  it('refuses a file that is not a section', () => {
    const { problems } = validatePack(packFolder({ 'pack.yaml': 'scope: example\n', 'bodies.yaml': 'x: 1\n' }));
    expect(problems).toEqual([expect.objectContaining({ file: 'bodies.yaml', message: expect.stringContaining('not a section of a pack') })]);
  });
});

describe('provenance', () => {
  it('is stated with a quote, inferred from stated passages with reasoning, or synthetic with its generator', () => {
    expect(provenance.safeParse({ kind: 'stated', source: '003_b1549964c7b91fcb.txt', section: 'Appendix A', quote: 'meet bi-monthly' }).success).toBe(true);
    expect(provenance.safeParse({ kind: 'stated', source: '003_b1549964c7b91fcb.txt', section: 'Appendix A' }).success).toBe(false);
    expect(provenance.safeParse({ kind: 'inferred', from: [], reasoning: 'because it follows' }).success).toBe(false);
    expect(provenance.safeParse({ kind: 'synthetic', generator: 'seed/meetings.ts' }).success).toBe(true);
    expect(provenance.safeParse({ kind: 'guessed' }).success).toBe(false);
  });

  it('shows older citations as RECORDED or SYNTHETIC, never STATED', () => {
    expect(viewOfProvenance({ document: 'Recorded through the API', section: 'createBody by alice' }).kind).toBe('RECORDED');
    expect(viewOfProvenance({ document: 'synthetic', section: 'generated', synthetic: true }).kind).toBe('SYNTHETIC');
    const inferred = viewOfProvenance({
      kind: 'inferred',
      from: [{ source: '002_93334ed95075e6c4.txt', section: 'Governance', quote: 'April to March' }],
      reasoning: 'A term that follows the financial year ends on 31 March.',
    });
    expect(inferred).toMatchObject({ kind: 'INFERRED', document: '002_93334ed95075e6c4.txt', section: 'Governance', synthetic: false });
    expect(inferred.inferredFrom).toEqual([expect.objectContaining({ kind: 'STATED', quote: 'April to March' })]);
  });
});

describe('the source library', () => {
  const library = new SourceLibrary([REPOSITORY_SOURCES]);

  it('knows the five documents in sources/index.json', () => {
    expect(['000_102c8c08933b906a.txt', '001_129f8b945aaf429a.txt', '002_93334ed95075e6c4.txt', '003_b1549964c7b91fcb.txt', '004_b6751091e751e5aa.txt'].every((id) => library.has(id))).toBe(true);
    expect(library.has('005_nothing.txt')).toBe(false);
  });

  it('finds a quote whatever its line breaks, curly quotes and dashes, and not words the text lacks', () => {
    const text = fs.readFileSync(path.join(REPOSITORY_SOURCES, '003_b1549964c7b91fcb.txt'), 'utf8');
    const words = normaliseForQuote(text).split(' ').slice(200, 212).join(' ');
    expect(library.quotes('003_b1549964c7b91fcb.txt', words.replace(/ /g, '\n  '))).toBe(true);
    expect(library.quotes('003_b1549964c7b91fcb.txt', `${words} and the moon`)).toBe(false);
    expect(normaliseForQuote('Children’s – “partners”')).toBe(`children's - "partners"`);
  });
});

describe('validating a partnership pack: what the shapes cannot say', () => {
  const platformPacks = packFolders(REPOSITORY_PACKS);
  const severnVale = path.join(__dirname, '..', '..', '..', 'apps', 'pack', 'test', 'fixtures', 'severn-vale');
  /** The onboarding test's Severn Vale pack, with one section's text edited. */
  function edited(section: string, edit: (text: string) => string): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-validate-'));
    fs.cpSync(severnVale, folder, { recursive: true });
    const file = path.join(folder, section);
    fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
    return folder;
  }
  const withTheCouncil = { platformPacks, platformIds: new Set(['organisation:severn-vale-council']) };
  const lineOf = (folder: string, section: string, text: string) =>
    fs
      .readFileSync(path.join(folder, section), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1;

  it('accepts the pack as written, once the platform has its council', () => {
    expect(validatePack(severnVale, withTheCouncil).problems).toEqual([]);
  });

  it('names every reference nobody defines, at its line: an organisation, a body, a theme, a regional level, a kind of review', () => {
    const folder = edited('membership.yaml', (text) => text.replace('organization: west-mercia-youth-justice-service', 'organization: west-mercia-youth-offending-team'));
    fs.writeFileSync(
      path.join(folder, 'arrangements.yaml'),
      fs.readFileSync(path.join(folder, 'arrangements.yaml'), 'utf8').replace('to: severn-vale.executive', 'to: severn-vale.exec'),
    );
    fs.writeFileSync(path.join(folder, 'training.yaml'), fs.readFileSync(path.join(folder, 'training.yaml'), 'utf8').replace('- information-sharing', '- info-sharing'));
    fs.writeFileSync(path.join(folder, 'thresholds.yaml'), fs.readFileSync(path.join(folder, 'thresholds.yaml'), 'utf8').replace('- level-4', '- level-5'));
    fs.writeFileSync(path.join(folder, 'reviews.yaml'), fs.readFileSync(path.join(folder, 'reviews.yaml'), 'utf8').replace('reviewKind: rapid-review', 'reviewKind: quick-review'));
    const { problems } = validatePack(folder, withTheCouncil);
    expect(problems.map((problem) => [problem.file, problem.line, problem.message.split(' in this pack')[0]])).toEqual(
      expect.arrayContaining([
        ['membership.yaml', lineOf(folder, 'membership.yaml', 'west-mercia-youth-offending-team'), 'no organisation "west-mercia-youth-offending-team"'],
        ['arrangements.yaml', lineOf(folder, 'arrangements.yaml', 'to: severn-vale.exec'), 'no body "severn-vale.exec"'],
        ['training.yaml', lineOf(folder, 'training.yaml', '- info-sharing'), 'no theme "info-sharing"'],
        ['thresholds.yaml', lineOf(folder, 'thresholds.yaml', '- level-5'), 'no threshold-level "level-5"'],
        ['reviews.yaml', lineOf(folder, 'reviews.yaml', 'quick-review'), 'no review-kind "quick-review"'],
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('refuses a stated fact whose source is unknown or whose quote is not in the source, at the provenance it is in', () => {
    // The partnership's own provenance (synthetic in the fixture) rewritten as stated, wrongly.
    const partnershipProvenance = /\n {2}provenance:\n {4}kind: synthetic\n {4}generator: [^\n]*\n(?=leadSafeguardingPartners:)/;
    const stated = (source: string) =>
      `\n  provenance:\n    kind: stated\n    source: ${source}\n    section: What is the Safeguarding Children Partnership?\n    quote: Severn Vale has the best arrangements in England\n`;
    const wrongQuote = edited('arrangements.yaml', (text) => text.replace(partnershipProvenance, stated('004_b6751091e751e5aa.txt')));
    expect(validatePack(wrongQuote, withTheCouncil).problems).toEqual([
      expect.objectContaining({ file: 'arrangements.yaml', field: 'partnership.provenance', message: expect.stringContaining('the quote is not in 004_b6751091e751e5aa.txt') }),
    ]);
    const unknownSource = edited('arrangements.yaml', (text) => text.replace(partnershipProvenance, stated('009_severn-vale-arrangements.txt')));
    expect(validatePack(unknownSource, withTheCouncil).problems).toEqual([
      expect.objectContaining({ field: 'partnership.provenance', message: expect.stringContaining('source "009_severn-vale-arrangements.txt" is not in sources/index.json') }),
    ]);
  });

  it('names a wrong type, a misspelt field and a missing one at their lines, all at once', () => {
    const folder = edited('arrangements.yaml', (text) => text.replace('hectares: 98000', 'hectares: lots').replace('shortName: SVSCP', 'shortname: SVSCP'));
    const { problems } = validatePack(folder, withTheCouncil);
    expect(problems.map((problem) => [problem.field, problem.line])).toEqual(
      expect.arrayContaining([
        ['partnership.area.hectares', lineOf(folder, 'arrangements.yaml', 'hectares: lots')],
        ['partnership.shortname', lineOf(folder, 'arrangements.yaml', 'shortname: SVSCP')],
        ['partnership.shortName', lineOf(folder, 'arrangements.yaml', 'name: Severn Vale Safeguarding Children Partnership')],
      ]),
    );
    // The bodies the section defines are unknown until it reads: references to them are not reported as well.
    expect(problems).toHaveLength(3);
  });
});
