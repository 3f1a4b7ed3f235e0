import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { packFileText, packManifest, packsDirectory, readPackFile, readWithoutPositions, stated } from '../src';

describe('reading and writing pack files', () => {
  it('writes a value used twice in full both times, not as a YAML anchor and alias', () => {
    const provenance = stated('003_b1549964c7b91fcb.txt', 'Safeguarding Partnership Executive, Frequency', 'The Executive will meet 4 times a year');
    const text = packFileText(
      {
        bodies: [
          { id: 'a', provenance },
          { id: 'b', provenance },
        ],
      },
      'partnership-arrangements',
    );
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/quote: The Executive will meet 4 times a year/g)).toHaveLength(2);
    expect(readPackFile('arrangements.yaml', text, z.looseObject({})).problems).toEqual([]);
  });

  it('places a syntax error at its line and column', () => {
    expect(readPackFile('pack.yaml', '# whose pack\nscope: [shropshire\ndescription: x\n', packManifest).problems).toEqual([
      { file: 'pack.yaml', line: 3, column: 1, field: '', message: expect.stringMatching(/^Flow sequence in block collection must be sufficiently indented/) },
    ]);
    expect(readPackFile('pack.yaml', 'scope: a\nscope: b\n', packManifest).problems).toEqual([
      { file: 'pack.yaml', line: 2, column: 1, field: '', message: 'Map keys must be unique' },
    ]);
  });

  it('reports too many aliases at the first alias, instead of failing the read', () => {
    const text = `scope: shropshire\nrepeated: &levels [1, 2, 3]\nuses:\n${Array.from({ length: 120 }, () => '  - *levels').join('\n')}\n`;
    expect(readPackFile('pack.yaml', text, packManifest).problems).toEqual([
      {
        file: 'pack.yaml',
        line: 4,
        column: 5,
        field: '',
        message: expect.stringMatching(/write the repeated values out instead of using YAML aliases \(\*name\)$/),
      },
    ]);
  });

  it("reads every repository pack file without positions to the same value as the yaml package's located document", () => {
    const files = fs
      .readdirSync(packsDirectory(), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'schema')
      .flatMap((entry) =>
        fs
          .readdirSync(path.join(packsDirectory(), entry.name))
          .filter((file) => file.endsWith('.yaml'))
          .map((file) => path.join(packsDirectory(), entry.name, file)),
      );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // The fast path must be the one taken for the packs people write (no anchors, no errors).
      expect({ file, read: readWithoutPositions(text) }).toEqual({ file, read: { value: parseDocument(text, { uniqueKeys: true }).toJS() } });
    }
  });

  it("resolves plain scalars as the yaml package's core schema does, where js-yaml's own schemas differ", () => {
    const text = [
      'time: 10:00',
      'date: 2024-04-01',
      'leadingZero: 010',
      'octal: 0o17',
      'hex: 0x1F',
      'binaryLooking: 0b11',
      'underscored: 1_000',
      'yes: yes',
      'capitalTrue: True',
      'quotedTrue: "true"',
      'halfNegative: -.5',
      'trailingPoint: 1.',
      'exponent: .5e3',
      'infinity: -.INF',
      'notANumber: .NaN',
      'tilde: ~',
      'nullWord: Null',
      'empty:',
      'list: [1, a, null, "2"]',
      '',
    ].join('\n');
    expect(readWithoutPositions(text)).toEqual({ value: parseDocument(text).toJS() });
    expect(readWithoutPositions(text)!.value).toMatchObject({ time: '10:00', date: '2024-04-01', binaryLooking: '0b11', halfNegative: -0.5, yes: 'yes' });
    expect(readWithoutPositions('')).toEqual({ value: null });
  });

  it('leaves anchors, aliases, duplicate keys and syntax errors to the parser that knows their positions', () => {
    expect(readWithoutPositions('a: &shared 1\nb: *shared\n')).toBeUndefined();
    expect(readWithoutPositions('scope: a\nscope: b\n')).toBeUndefined();
    expect(readWithoutPositions('scope: [shropshire\n')).toBeUndefined();
    // An ampersand in prose is not an anchor: the fast path reads it.
    expect(readWithoutPositions('name: Fire & Rescue, A&E\n')).toEqual({ value: { name: 'Fire & Rescue, A&E' } });
  });
});
