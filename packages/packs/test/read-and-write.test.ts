import { z } from 'zod';
import { packFileText, packManifest, readPackFile, stated } from '../src';

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
});
