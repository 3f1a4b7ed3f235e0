import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { formatProblem, packFolders, packManifest, partnershipTrainingSection, readPackFile, REGIONAL, sectionFile } from '@safeguarding/packs';
import { todayInEngland } from '@safeguarding/subgraph-runtime';
import { CourseEntity, CoursePartnershipEntity, ImpactEvidenceEntity, TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import { writeTrainingSection } from '../operations/pack';
import { generateTrainingHistory } from './history';

/**
 * At first start (no course yet), in one transaction: every partnership pack's training.yaml
 * applied with the same function the applyTrainingPackSection mutation uses (no caller, so no
 * scope check and no clock rules), then the synthetic history generated for the courses loaded.
 * A pack that does not read is an error naming its file, line and column: the platform does not
 * start on half its data.
 */
export async function seedTraining(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(CourseEntity)) > 0) return;
    const today = todayInEngland();
    for (const folder of packFolders()) {
      const file = path.join(folder, sectionFile('training'));
      if (!fs.existsSync(file)) continue;
      const manifest = readPackFile(path.join(folder, 'pack.yaml'), fs.readFileSync(path.join(folder, 'pack.yaml'), 'utf8'), packManifest);
      if (manifest.value === undefined) throw new Error(`The pack in ${folder} does not read: ${manifest.problems.map(formatProblem).join('; ')}`);
      if (manifest.value.scope === REGIONAL) continue;
      const read = readPackFile(file, fs.readFileSync(file, 'utf8'), partnershipTrainingSection.schema);
      if (read.value === undefined) throw new Error(`The training section ${file} does not read: ${read.problems.map(formatProblem).join('; ')}`);
      await writeTrainingSection(manager, read.value, manifest.value.scope, { today, caller: null });
    }

    const courses = await manager.getRepository(CourseEntity).find({ order: { id: 'ASC' } });
    const offerings = await manager.getRepository(CoursePartnershipEntity).find({ order: { partnershipId: 'ASC' } });
    const { sessions, bookings, impactEvidence } = generateTrainingHistory(
      courses.map((course) => ({
        id: course.id,
        deliveryMethods: course.deliveryMethods,
        partnershipIds: offerings.filter((link) => link.courseId === course.id).map((link) => link.partnershipId),
      })),
    );
    // The counter starts as the sum of the generated bookings, as the booking statement would have left it.
    const booked = new Map<string, number>();
    for (const booking of bookings) booked.set(booking.sessionId, (booked.get(booking.sessionId) ?? 0) + booking.places);
    for (let start = 0; start < sessions.length; start += 500) {
      await manager.insert(
        TrainingSessionEntity,
        sessions.slice(start, start + 500).map((session) => ({ ...session, bookedPlaces: booked.get(session.id) ?? 0 })),
      );
    }
    for (let start = 0; start < bookings.length; start += 500) {
      await manager.insert(
        TrainingBookingEntity,
        bookings.slice(start, start + 500).map((booking) => ({ ...booking, synthetic: true })),
      );
    }
    if (impactEvidence.length > 0) await manager.insert(ImpactEvidenceEntity, impactEvidence);
  });
}
