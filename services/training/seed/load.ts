import type { DataSource } from 'typeorm';
import { CourseEntity, CoursePartnershipEntity, CourseThemeEntity, ImpactEvidenceEntity, TrainingBookingEntity, TrainingSessionEntity } from '../entities';
import { courses, generateTrainingSeed } from './data';

/** Loads the synthetic programme in one transaction when the schema holds no course yet. */
export async function seedTraining(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(CourseEntity)) > 0) return;
    const { sessions, bookings, impactEvidence } = generateTrainingSeed();
    await manager.insert(
      CourseEntity,
      courses.map((c) => ({
        id: c.id,
        title: c.title,
        summary: c.summary,
        audience: c.audience,
        level: c.level,
        informedBy: c.informedBy,
        regionalProcedureChapters: c.regionalProcedureChapters,
        source: c.source,
      })),
    );
    await manager.insert(
      CourseThemeEntity,
      courses.flatMap((c) => c.themeIds.map((themeId) => ({ courseId: c.id, themeId }))),
    );
    await manager.insert(
      CoursePartnershipEntity,
      courses.flatMap((c) => c.partnershipIds.map((partnershipId) => ({ courseId: c.id, partnershipId }))),
    );
    // The counter starts as the sum of the seeded bookings, as the booking statement would have left it.
    const booked = new Map<string, number>();
    for (const booking of bookings) booked.set(booking.sessionId, (booked.get(booking.sessionId) ?? 0) + booking.places);
    await manager.insert(
      TrainingSessionEntity,
      sessions.map((s) => ({ ...s, bookedPlaces: booked.get(s.id) ?? 0 })),
    );
    for (let start = 0; start < bookings.length; start += 500) {
      await manager.insert(
        TrainingBookingEntity,
        bookings.slice(start, start + 500).map((b) => ({ ...b, synthetic: true })),
      );
    }
    if (impactEvidence.length > 0) await manager.insert(ImpactEvidenceEntity, impactEvidence);
  });
}
