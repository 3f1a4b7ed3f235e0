import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { regionalLevels, thresholdModels } from '../seed/data';
import { checkRegionalSpan } from '../rules/regional-span';

/** Provenance: every fact cites a seed file or a named public page; unknowns are labelled. */
const SEEDS = path.join(REPOSITORY_ROOT, 'sources');
const files = new Set(fs.readdirSync(SEEDS));
const citesSeedOrPublicPage = (source: { document: string; synthetic?: boolean }) =>
  files.has(source.document) || /public page/.test(source.document) || source.synthetic === true;

it('cites an existing seed document or a named public page for every model, level, indicator and mapping', () => {
  for (const level of regionalLevels) expect(citesSeedOrPublicPage(level.source)).toBe(true);
  for (const model of thresholdModels) {
    expect(citesSeedOrPublicPage(model.source)).toBe(true);
    for (const level of model.levels) {
      expect(citesSeedOrPublicPage(level.source)).toBe(true);
      for (const indicator of level.indicators) expect(files.has(indicator.source.document)).toBe(true);
      // A mapping is a judgement, not a fact from the document: it says so.
      expect(level.crosswalk.source.synthetic).toBe(true);
      expect(checkRegionalSpan(level.crosswalk.regionalLevelIds, regionalLevels).ok).toBe(true);
    }
  }
});

it("quotes 003's four level descriptors exactly", () => {
  const text = fs.readFileSync(path.join(SEEDS, '003_b1549964c7b91fcb.txt'), 'utf8');
  const telford = thresholdModels.find((model) => model.partnershipId === 'telford-and-wrekin')!;
  for (const level of telford.levels) expect(text).toContain(`${level.name}:${level.name === 'Acute' ? '' : '**'} ${level.descriptor}`);
});

it('labels every level that is not read from its own document as unverified', () => {
  for (const model of thresholdModels) {
    for (const level of model.levels) {
      // Verified levels cite their own document; the rest say they are unverified.
      expect(level.verified ? files.has(level.source.document) : /^Unverified/.test(level.provenance)).toBe(true);
    }
    expect(model.verified).toBe(model.levels.every((level) => level.verified));
  }
});
