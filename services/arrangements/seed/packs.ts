import fs from 'node:fs';
import path from 'node:path';
import {
  packFolders,
  packManifest,
  partnershipArrangementsSection,
  readPackFile,
  REGIONAL,
  regionalArrangementsSection,
  sectionFile,
  type PartnershipArrangements,
  type RegionalArrangements,
} from '@safeguarding/packs';

export type ArrangementsSection = { scope: typeof REGIONAL; value: RegionalArrangements } | { scope: string; value: PartnershipArrangements };

/** A pack folder's arrangements section read against its schema; a problem stops the start with its file, line and column. */
export function readArrangementsSection(folder: string): ArrangementsSection | null {
  const file = path.join(folder, sectionFile('arrangements'));
  if (!fs.existsSync(file)) return null;
  const manifest = readPackFile('pack.yaml', fs.readFileSync(path.join(folder, 'pack.yaml'), 'utf8'), packManifest);
  if (!manifest.value) throw new Error(`${folder}/pack.yaml: ${manifest.problems.map((problem) => problem.message).join('; ')}`);
  const scope = manifest.value.scope;
  const definition = scope === REGIONAL ? regionalArrangementsSection : partnershipArrangementsSection;
  const read = readPackFile(file, fs.readFileSync(file, 'utf8'), definition.schema);
  if (read.value === undefined)
    throw new Error(
      `${file} cannot be loaded: ${read.problems.map((problem) => `line ${problem.line}, column ${problem.column}, ${problem.field}: ${problem.message}`).join('; ')}`,
    );
  return { scope, value: read.value } as ArrangementsSection;
}

/** Every pack's arrangements section in load order (regional first, then partnerships by slug). */
export function arrangementsSections(): ArrangementsSection[] {
  return packFolders()
    .map(readArrangementsSection)
    .filter((section) => section !== null);
}

/** The bodies the packs define, with what the meetings generator reads of them. */
export function packBodies(sections = arrangementsSections()) {
  return sections.flatMap((section) =>
    (section.scope === REGIONAL ? (section.value as RegionalArrangements).jointBodies : (section.value as PartnershipArrangements).bodies).map((body) => ({
      id: body.id,
      meetingFrequency: body.meetingFrequency ?? null,
      validFrom: body.startDate ?? null,
      validTo: body.endDate ?? null,
    })),
  );
}
