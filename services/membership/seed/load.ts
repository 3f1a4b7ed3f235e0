import type { DataSource, EntityManager } from 'typeorm';
import { inForceOn } from '@safeguarding/subgraph-runtime';
import { expectedSeats } from '../rules/quorum';
import { AttendanceEntity, BodyReferenceEntity, DesignationEntity, MembershipEntity, OrganisationEntity, PostEntity } from '../entities';
import { bodyReferences } from './bodies';
import { designations } from './designations';
import { membershipsFromText, membershipTables, namedChairs, postAliases, type MembershipTableSeed } from './memberships';
import { organisations } from './organisations';
import { chairHistory, SYNTHETIC_ATTENDANCE, SYNTHETIC_CHAIRS, syntheticAttendance } from './synthetic';

const postKey = (organisationId: string, title: string) => `${organisationId}|${title.toLowerCase()}`;

/**
 * Loads the registry, then (once, when there are no body references yet) the bodies membership
 * knows of, posts, seats, designations, chair history and attendance, in one transaction.
 */
export async function seedMembership(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    // Organisations added to the seed after a database was first loaded are added too.
    await manager
      .createQueryBuilder()
      .insert()
      .into(OrganisationEntity)
      .values(organisations.map((o) => ({ id: o.id, name: o.name, sector: o.sector, alsoKnownAs: o.alsoKnownAs ?? [], source: o.source })))
      .orIgnore()
      .execute();
    if ((await manager.count(BodyReferenceEntity)) > 0) return;
    await seedMemberships(manager);
  });
}

async function seedMemberships(manager: EntityManager): Promise<void> {
  await manager.insert(
    BodyReferenceEntity,
    bodyReferences.map((b) => ({ ...b })),
  );

  const tables: MembershipTableSeed[] = [...membershipTables, ...membershipsFromText, ...namedChairs];
  const titles = new Map<string, { organisationId: string; title: string; source: MembershipTableSeed['source'] }>();
  const addTitle = (organisationId: string, title: string | null, source: MembershipTableSeed['source']) => {
    if (title && !titles.has(postKey(organisationId, title))) titles.set(postKey(organisationId, title), { organisationId, title, source });
  };
  for (const table of tables) for (const [organisationId, title] of table.rows) addTitle(organisationId, title, table.source);
  for (const d of designations) addTitle(d.organisationId, d.postTitle, d.source);
  for (const c of chairHistory) addTitle(c.organisationId, c.postTitle, SYNTHETIC_CHAIRS);
  const aliases = new Map(postAliases.map((a) => [postKey(a.organisationId, a.title), a.alsoKnownAs]));
  await manager.insert(
    PostEntity,
    [...titles.entries()].map(([key, p]) => ({ organisationId: p.organisationId, title: p.title, alsoKnownAs: aliases.get(key) ?? [], source: p.source })),
  );
  const posts = new Map((await manager.find(PostEntity)).map((p) => [postKey(p.organisationId, p.title), p.id]));
  const postId = (organisationId: string, title: string | null) => (title ? posts.get(postKey(organisationId, title))! : null);

  await manager.insert(
    MembershipEntity,
    tables.flatMap((table) =>
      table.rows.map(([organisationId, title, role, description]) => ({
        bodyId: table.bodyId,
        organisationId,
        postId: postId(organisationId, title),
        role: role ?? 'MEMBER',
        list: table.list ?? null,
        startDate: table.startDate ?? null,
        endDate: table.endDate ?? null,
        description: description ?? null,
        source: table.source,
      })),
    ),
  );
  await manager.insert(
    MembershipEntity,
    chairHistory.map((c) => ({
      bodyId: c.bodyId,
      organisationId: c.organisationId,
      postId: postId(c.organisationId, c.postTitle),
      role: c.role,
      startDate: c.startDate,
      endDate: c.endDate,
      source: SYNTHETIC_CHAIRS,
    })),
  );
  await manager.insert(
    DesignationEntity,
    designations.map((d) => ({
      partnershipId: d.partnershipId,
      kind: d.kind,
      organisationId: d.organisationId,
      postId: postId(d.organisationId, d.postTitle),
      source: d.source,
    })),
  );

  const seats = await manager.find(MembershipEntity);
  const attendance = syntheticAttendance.flatMap((meeting) => {
    const present = expectedSeats(seats.filter((s) => s.bodyId === meeting.bodyId && inForceOn(s, meeting.meetingDate)));
    const matches = (override: (typeof meeting.overrides)[number], seat: MembershipEntity) =>
      override.seat[0] === seat.organisationId && postId(override.seat[0], override.seat[1]) === seat.postId;
    // A typo in the synthetic data must fail the seed, not silently mark everyone present.
    for (const override of meeting.overrides) {
      if (!present.some((seat) => matches(override, seat)))
        throw new Error(`Synthetic attendance for ${meeting.bodyId} on ${meeting.meetingDate} names no seat: ${override.seat.join(', ')}`);
    }
    return present.map((seat) => {
      const override = meeting.overrides.find((o) => matches(o, seat));
      const outcome = override?.outcome ?? 'ATTENDED';
      return {
        bodyId: meeting.bodyId,
        meetingDate: meeting.meetingDate,
        membershipId: seat.id,
        outcome,
        attendedAs: outcome === 'ATTENDED' ? (override?.attendedAs ?? 'MEMBER') : null,
        apologyReason: override?.apologyReason ?? null,
        apologyReasonValid: override?.apologyReasonValid ?? null,
        source: SYNTHETIC_ATTENDANCE,
      };
    });
  });
  await manager.insert(AttendanceEntity, attendance);
}
