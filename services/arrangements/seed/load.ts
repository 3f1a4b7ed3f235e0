import type { DataSource } from 'typeorm';
import { REGIONAL, type PartnershipArrangements, type RegionalArrangements } from '@safeguarding/packs';
import { MeetingEntity, PartnershipEntity } from '../entities';
import { applyPartnershipSection, applyRegionalSection } from '../operations/pack';
import { generateMeetings } from './meetings';
import { arrangementsSections, packBodies } from './packs';
import { generateStrategicPlanHistory } from './strategic-plan-synthetic';

export { readArrangementsSection } from './packs';

/**
 * Loads the arrangements of every pack in packs/ (regional first, then partnerships by slug) with
 * the functions the applyArrangementsPackSection mutation uses, in one transaction, when the schema
 * holds no partnership yet (strategic plans included). Then the generators of synthetic history
 * run: meetings, and the plans' baselines, measurements and Strategic Action Plan rows.
 */
export async function seedArrangements(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(PartnershipEntity)) > 0) return;
    const sections = arrangementsSections();
    for (const section of sections) {
      if (section.scope === REGIONAL) await applyRegionalSection(manager, section.value as RegionalArrangements);
      else await applyPartnershipSection(manager, section.value as PartnershipArrangements, section.scope);
    }
    await manager.insert(MeetingEntity, generateMeetings(packBodies(sections)));
    await generateStrategicPlanHistory(manager);
  });
}
