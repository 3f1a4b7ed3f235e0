import path from 'node:path';
import { run } from '../src/run';
import { capture } from './capture';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

/** validate, offline, on the problem classes that need no section's schema. */
async function validate(folder: string) {
  const output = capture();
  const status = await run(['validate', folder], output, {});
  return { status, ...output };
}

describe('pack validate', () => {
  it('says a folder without pack.yaml is not a pack', async () => {
    const { status, lines } = await validate(fixture('no-manifest'));
    expect(status).toBe(1);
    expect(lines).toEqual([
      `${fixture('no-manifest')}/pack.yaml: ${fixture('no-manifest')} has no pack.yaml; a pack folder starts with one saying its scope`,
      `${fixture('no-manifest')}: 1 problem`,
    ]);
  });

  it('names a misspelt field of pack.yaml at its line and column', async () => {
    const { status, lines } = await validate(fixture('unknown-manifest-field'));
    expect(status).toBe(1);
    expect(lines[0]).toBe(
      `${fixture('unknown-manifest-field')}/pack.yaml:3:1 descripton: "descripton" is not a field here; check its spelling against the JSON Schema (packs/schema/)`,
    );
    expect(lines.at(-1)).toBe(`${fixture('unknown-manifest-field')}: 1 problem`);
  });

  it('refuses a YAML file that is not a section of a pack', async () => {
    const { status, lines } = await validate(fixture('stray-file'));
    expect(status).toBe(1);
    expect(lines).toEqual([
      `${fixture('stray-file')}/meeting-notes.yaml: not a section of a pack; the sections are arrangements.yaml, membership.yaml, reviews.yaml, training.yaml, thresholds.yaml`,
      `${fixture('stray-file')}: 1 problem`,
    ]);
  });

  it('places a YAML syntax error in a section file at its line and column', async () => {
    const { status, lines } = await validate(fixture('section-syntax'));
    expect(status).toBe(1);
    expect(lines).toEqual([
      `${fixture('section-syntax')}/membership.yaml:5:1: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${fixture('section-syntax')}: 1 problem`,
    ]);
  });

  it('says "valid" and exits 0 for a pack with nothing wrong', async () => {
    const { status, lines } = await validate(fixture('manifest-only'));
    expect(status).toBe(0);
    expect(lines).toEqual([`${fixture('manifest-only')}: valid`]);
  });

  it('says a missing folder is missing, and how to start one (exit 2)', async () => {
    const { status, lines, errors } = await validate(fixture('no-such-pack'));
    expect(status).toBe(2);
    expect(lines).toEqual([]);
    expect(errors).toEqual([
      `npm run pack: There is no folder ${fixture('no-such-pack')}. Give a pack's folder, e.g. packs/shropshire; to start a new one, npm run pack -- export shropshire /tmp/shropshire shows the shape.`,
    ]);
  });
});
