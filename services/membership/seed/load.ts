import fs from 'node:fs';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { formatProblem, packFolders, packManifest, readPackFile, sectionFile, sectionFor } from '@safeguarding/packs';
import { inForceOn } from '@safeguarding/subgraph-runtime';
import { expectedSeats } from '../rules/quorum';
import { AttendanceEntity, BodyReferenceEntity, MembershipEntity, OrganisationEntity, PostEntity } from '../entities';
import { writeMembershipSection } from '../operations/pack';
import { chairHistory, SYNTHETIC_ATTENDANCE, SYNTHETIC_CHAIRS, syntheticAttendance } from './synthetic';

const postKey = (organisationId: string, title: string) => `${organisationId}|${title.toLowerCase()}`;

/**
 * At first start (an empty registry): the bodies arrangements publishes, then every pack's
 * membership section (packs/ at the repository root, or PACKS_DIRECTORY; the regional pack first,
 * for its registry) written by the same function applyMembershipPackSection uses, then the
 * synthetic chair history and attendance. One transaction: a bad pack leaves nothing behind.
 */
export async function seedMembership(dataSource: DataSource): Promise<void> {
  if ((await dataSource.manager.count(OrganisationEntity)) > 0) return;
  await waitForPublishedBodies(dataSource);
  await dataSource.transaction(async (manager) => {
    if ((await manager.count(OrganisationEntity)) > 0) return;
    await copyPublishedBodies(manager);
    for (const folder of packFolders()) await applyPackFolder(manager, folder);
    await seedSyntheticHistory(manager);
  });
}

const PUBLISHED_BODIES_WAIT_MILLISECONDS = 120_000;

/**
 * Each subgraph process starts on its own (npm start, replicas, a deployment): at a first start
 * arrangements may still be loading its packs when membership gets here. Membership's seats need
 * arrangements' bodies, so it waits for them (polling the view, never calling the subgraph), up to
 * two minutes, rather than failing and being restarted.
 */
async function waitForPublishedBodies(dataSource: DataSource): Promise<void> {
  const bodiesExpected = packFolders().some((folder) => fs.existsSync(path.join(folder, sectionFile('arrangements'))));
  const deadline = Date.now() + PUBLISHED_BODIES_WAIT_MILLISECONDS;
  for (;;) {
    if (await publishedBodiesReady(dataSource, bodiesExpected)) return;
    if (Date.now() > deadline) {
      throw new Error(
        'Membership waited two minutes for the arrangements subgraph to load its packs ("arrangements"."published_body" is missing, unreadable or empty): start arrangements (npm start starts both) and look at its log.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** While arrangements migrates, the view may be missing or not yet granted to this role: not ready, not an error. */
async function publishedBodiesReady(dataSource: DataSource, bodiesExpected: boolean): Promise<boolean> {
  try {
    const [view] = await dataSource.query<{ present: boolean }[]>(`SELECT to_regclass('"arrangements"."published_body"') IS NOT NULL AS present`);
    if (!view?.present) return false;
    if (!bodiesExpected) return true;
    const [published] = await dataSource.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM "arrangements"."published_body") AS any`);
    return published?.any === true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42501' || code === '42P01' || code === '3F000') return false; // insufficient privilege, no such relation or schema yet
    throw error;
  }
}

/**
 * Membership's copy of the bodies (body_reference), from arrangements' published view, once
 * arrangements has loaded its packs (waitForPublishedBodies).
 */
async function copyPublishedBodies(manager: EntityManager): Promise<void> {
  const [view] = await manager.query<{ present: boolean }[]>(`SELECT to_regclass('"arrangements"."published_body"') IS NOT NULL AS present`);
  if (!view?.present) {
    throw new Error(
      'Membership seeds its bodies from arrangements\' view "arrangements"."published_body", which this database lacks: migrate and seed arrangements first (npm start does).',
    );
  }
  const table = manager
    .getRepository(BodyReferenceEntity)
    .metadata.tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
  await manager.query(
    `INSERT INTO ${table} (body_id, kind, partnership_ids, chair_rule)
     SELECT body_id, kind, partnership_ids, chair_rule FROM "arrangements"."published_body" WHERE cardinality(partnership_ids) > 0
     ON CONFLICT (body_id) DO NOTHING`,
  );
}

async function applyPackFolder(manager: EntityManager, folder: string): Promise<void> {
  const file = path.join(folder, sectionFile('membership'));
  if (!fs.existsSync(file)) return;
  const manifest = readPackFile('pack.yaml', fs.readFileSync(path.join(folder, 'pack.yaml'), 'utf8'), packManifest);
  if (!manifest.value) throw new Error(`${folder}/pack.yaml: ${manifest.problems.map(formatProblem).join('; ')}`);
  const definition = sectionFor(manifest.value.scope, 'membership')!;
  const read = readPackFile(file, fs.readFileSync(file, 'utf8'), definition.schema);
  if (read.value === undefined) throw new Error(`The membership pack ${file} cannot be loaded: ${read.problems.map(formatProblem).join('; ')}`);
  await writeMembershipSection(manager, read.value as Parameters<typeof writeMembershipSection>[1], manifest.value.scope);
}

/** The generated chair history and attendance (seed/synthetic.ts), on the seats the packs gave. */
async function seedSyntheticHistory(manager: EntityManager): Promise<void> {
  const posts = new Map((await manager.find(PostEntity)).map((post) => [postKey(post.organisationId, post.title), post.id]));
  for (const chair of chairHistory) {
    if (posts.has(postKey(chair.organisationId, chair.postTitle))) continue;
    const post = manager.create(PostEntity, { organisationId: chair.organisationId, title: chair.postTitle, alsoKnownAs: [], source: SYNTHETIC_CHAIRS });
    await manager.insert(PostEntity, post);
    posts.set(postKey(chair.organisationId, chair.postTitle), post.id);
  }
  const postId = (organisationId: string, title: string | null) => (title ? (posts.get(postKey(organisationId, title)) ?? null) : null);
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
