import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import {
  packManifest,
  packFolders,
  readPackFile,
  REGIONAL,
  partnershipArrangementsSection,
  regionalArrangementsSection,
  sectionFile,
} from '@safeguarding/packs';
import type { PartnershipArrangements, RegionalArrangements } from '@safeguarding/packs';
import { MeetingEntity, PartnershipEntity } from '../entities';
import { applyPartnershipSection, applyRegionalSection } from '../operations/pack';
import { generateMeetings, type BodyForMeetings } from './meetings';
import { seedStrategicPlans } from './strategic-plan-load';

/** A section of a pack folder read against its schema; a problem stops the start with its file, line and column. */
export function readArrangementsSection(folder: string): { scope: string; value: PartnershipArrangements | RegionalArrangements } | null {
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
  return { scope, value: read.value };
}

/**
 * Loads the arrangements of every pack in packs/ (regional first, then partnerships by slug) with
 * the functions the applyArrangementsPackSection mutation uses, in one transaction, when the schema
 * holds no partnership yet. Then the generators of synthetic history (meetings) run, and what the
 * packs do not hold yet is seeded by code: the strategic plan.
 */
export async function seedArrangements(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(PartnershipEntity)) > 0) return;
    const bodies: BodyForMeetings[] = [];
    for (const folder of packFolders()) {
      const section = readArrangementsSection(folder);
      if (!section) continue;
      if (section.scope === REGIONAL) {
        const value = section.value as RegionalArrangements;
        await applyRegionalSection(manager, value);
        bodies.push(
          ...value.jointBodies.map((body) => ({ id: body.id, meetingFrequency: body.meetingFrequency, validFrom: body.startDate, validTo: body.endDate })),
        );
      } else {
        const value = section.value as PartnershipArrangements;
        await applyPartnershipSection(manager, value, section.scope);
        bodies.push(
          ...value.bodies.map((body) => ({ id: body.id, meetingFrequency: body.meetingFrequency, validFrom: body.startDate, validTo: body.endDate })),
        );
      }
    }
    await manager.insert(MeetingEntity, generateMeetings(bodies));
    await seedStrategicPlans(manager);
  });
}
