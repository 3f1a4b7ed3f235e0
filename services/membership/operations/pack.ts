import {
  fieldPath,
  REGIONAL,
  packProvenanceOf,
  partnershipMembershipSection,
  regionalMembershipSection,
  type BodyMembership,
  type DescribedPost,
  type Designation,
  type PartnershipMembershipValue,
  type Provenance,
  type RegionalMembershipValue,
  type RegisteredOrganization,
  type StoredSource,
} from '@safeguarding/packs';
import {
  applyPackSection,
  badUserInput,
  exportPackSection,
  reconcileRows,
  singleLineText,
  todayInEngland,
  type PackChange,
  type PackSectionApplied,
  type PackSectionText,
} from '@safeguarding/subgraph-runtime';
import { In, Like, Raw, type EntityManager } from 'typeorm';
import {
  BodyReferenceEntity,
  DesignationEntity,
  MembershipEntity,
  OrganisationEntity,
  PostEntity,
  type DesignationKind,
  type MembershipRole,
} from '../entities';
import type { MembershipContext } from '../context';
import { evaluateChairRule, chairRefusalMessage, type ChairRuleBreach } from '../rules/chair-rule';
import { asAppointment, chairContextInTransaction } from './chairs';

/**
 * The membership sections of a pack, applied and exported. The regional section holds the
 * organisation registry and the seats on the bodies the region shares ("joint.*"); a partnership's
 * holds the posts it describes, the seats on its own bodies ("<slug>.*") and its designations.
 *
 * What a pack holds is what its provenance says came from documents (stated, inferred) or from a
 * pack written as synthetic. Seats and designations recorded through the API (no provenance) and
 * the seed's generated history (SEED_GENERATOR) are not the pack's: applying leaves them alone and
 * exporting leaves them out.
 */

/** The generator name the seed's synthetic history carries; rows with it are never a pack's. */
export const SEED_GENERATOR = 'membership seed generator';

type Section = RegionalMembershipValue | PartnershipMembershipValue;

/** Rows whose source says they came from a pack (not the API, not the seed's generators). */
const fromPack = Raw(
  (column) =>
    `(${column} ->> 'kind' IN ('stated', 'inferred') OR (${column} ->> 'kind' = 'synthetic' AND ${column} ->> 'generator' NOT LIKE '${SEED_GENERATOR}%'))`,
);

const bodyPrefix = (scope: string) => (scope === REGIONAL ? 'joint.' : `${scope}.`);
const postKey = (organisationId: string, title: string) => `${organisationId}|${title.toLowerCase()}`;

/** Ended on the day a pack leaves it out (never before it began), unless it has ended already. */
function endedToday<Row extends { startDate: string | null; endDate: string | null }>(row: Row): Partial<Row> {
  const today = todayInEngland();
  if (row.endDate !== null && row.endDate <= today) return { endDate: row.endDate } as Partial<Row>;
  return { endDate: row.startDate !== null && row.startDate > today ? row.startDate : today } as Partial<Row>;
}

function refused(message: string, path: (string | number)[]): never {
  throw badUserInput(message, fieldPath(path));
}

// ---- apply ----------------------------------------------------------------------------------------

/** applyMembershipPackSection: the whole section or nothing, as the API's edits validate it. */
export async function applyMembershipPack(context: MembershipContext, scope: string, text: string, dryRun: boolean): Promise<PackSectionApplied> {
  return applyPackSection<Section>(context, {
    definition: scope === REGIONAL ? regionalMembershipSection : partnershipMembershipSection,
    scope,
    text,
    dryRun,
    apply: (manager, value, valueScope) => writeMembershipSection(manager, value, valueScope),
  });
}

/**
 * Writes a validated section: the seed calls this directly (no scope check, no audit), the
 * mutation through applyPackSection. Refuses, before or after writing (the caller's transaction
 * then rolls back), what the API's edits refuse: unknown organisations and bodies, seats on
 * another scope's bodies, dates out of order, a chair appointment that breaks the body's rule.
 */
export async function writeMembershipSection(manager: EntityManager, given: Section, scope: string): Promise<PackChange[]> {
  const value = checkedText(given);
  const regional = scope === REGIONAL;
  const memberships = value.memberships ?? [];
  const designations = regional ? [] : ((value as PartnershipMembershipValue).designations ?? []);
  const posts = value.posts ?? [];
  const changes: PackChange[] = [];

  if (regional) changes.push(...(await reconcileRegistry(manager, (value as RegionalMembershipValue).organizations)));

  await checkOrganisations(manager, [
    ...posts.map((post, index) => ({ id: post.organization, path: ['posts', index, 'organization'] })),
    ...memberships.map((seat, index) => ({ id: seat.organization, path: ['memberships', index, 'organization'] })),
    ...designations.map((designation, index) => ({ id: designation.organization, path: ['designations', index, 'organization'] })),
  ]);
  const bodies = await knownBodies(manager, scope, memberships);
  memberships.forEach((seat, index) => {
    if (seat.startDate && seat.endDate && seat.endDate < seat.startDate)
      refused(`endDate ${seat.endDate} is before startDate ${seat.startDate}; a seat must end on or after the day it starts.`, [
        'memberships',
        index,
        'endDate',
      ]);
  });
  designations.forEach((designation, index) => {
    if (designation.startDate && designation.endDate && designation.endDate < designation.startDate)
      refused(`endDate ${designation.endDate} is before startDate ${designation.startDate}; a term must end on or after the day it starts.`, [
        'designations',
        index,
        'endDate',
      ]);
  });

  const postIds = await ensurePosts(manager, posts, memberships, designations, changes);
  const titleOf = await postTitles(manager, scope, postIds);
  const postId = (organisationId: string, title: string | undefined) => (title ? postIds.get(postKey(organisationId, title))! : null);

  const chairBodies = [...new Set(memberships.filter((seat) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR').map((seat) => seat.body))];
  const chairsBefore = await chairSeats(manager, chairBodies);

  const seatKey = (row: Partial<MembershipEntity>) =>
    [row.bodyId, row.organisationId, row.postId ? titleOf.get(row.postId) : '-', row.role, row.list ?? '-', row.startDate ?? '-', row.description ?? '-'].join(
      '/',
    );
  changes.push(
    ...(await reconcileRows<MembershipEntity>(
      manager,
      {
        entity: MembershipEntity,
        name: 'Membership',
        key: seatKey,
        columns: ['endDate', 'source', 'termSource'],
        existing: { bodyId: Like(`${bodyPrefix(scope)}%`), source: fromPack },
        whenAbsent: (row) => endedToday(row),
      },
      memberships.map((seat) => ({
        bodyId: seat.body,
        organisationId: seat.organization,
        postId: postId(seat.organization, seat.post),
        role: seat.role,
        list: seat.list ?? null,
        startDate: seat.startDate ?? null,
        endDate: seat.endDate ?? null,
        description: seat.note ?? null,
        source: seat.provenance,
        termSource: seat.termProvenance ?? null,
      })),
    )),
  );

  if (!regional) {
    changes.push(
      ...(await reconcileRows<DesignationEntity>(
        manager,
        {
          entity: DesignationEntity,
          name: 'Designation',
          key: (row) => [scope, row.kind, row.organisationId, row.postId ? titleOf.get(row.postId) : '-', row.startDate ?? '-'].join('/'),
          columns: ['endDate', 'source'],
          existing: { partnershipId: scope, source: fromPack },
          whenAbsent: (row) => endedToday(row),
        },
        designations.map((designation) => ({
          partnershipId: scope,
          kind: designation.kind,
          organisationId: designation.organization,
          postId: postId(designation.organization, designation.post),
          startDate: designation.startDate ?? null,
          endDate: designation.endDate ?? null,
          source: designation.provenance,
        })),
      )),
    );
  }

  await checkChairRules(manager, chairBodies, chairsBefore, bodies, memberships, seatKey);
  return changes;
}

/**
 * The registry: the pack's organisations added or changed (one registered through the API under the
 * same id becomes the pack's); an organisation the pack leaves out stays, since every partnership's
 * seats and designations point at it. Names are unique regardless of case, as registerOrganisation
 * requires: a clash is refused, naming the field.
 */
async function reconcileRegistry(manager: EntityManager, organizations: RegisteredOrganization[]): Promise<PackChange[]> {
  const owners = new Map(
    (await manager.getRepository(OrganisationEntity).find({ select: { id: true, name: true } })).map((row) => [row.name.toLowerCase(), row.id]),
  );
  const given = new Map<string, string>();
  organizations.forEach((organization, index) => {
    const name = organization.name.toLowerCase();
    const holder = given.get(name) ?? owners.get(name);
    if (holder !== undefined && holder !== organization.id && !organizations.some((other) => other.id === holder && other.name.toLowerCase() !== name))
      refused(`"${organization.name}" is already the name of organisation "${holder}"; names must be unique (ignoring case): rename one of them.`, [
        'organizations',
        index,
        'name',
      ]);
    given.set(name, organization.id);
  });
  return reconcileRows<OrganisationEntity>(
    manager,
    {
      entity: OrganisationEntity,
      name: 'Organisation',
      key: (row) => row.id!,
      columns: ['name', 'sector', 'alsoKnownAs', 'source'],
      existing: {},
      whenAbsent: () => ({}),
    },
    organizations.map((organization) => ({
      id: organization.id,
      name: organization.name,
      sector: organization.classification,
      alsoKnownAs: organization.otherNames ?? [],
      source: organization.provenance,
    })),
  );
}

/**
 * Names, titles and notes pass the free-text checks the API's mutations apply (one line, no
 * misleading characters, trimmed), each refusal naming the pack field.
 */
function checkedText<Value extends Section>(value: Value): Value {
  const line = (text: string | undefined, path: (string | number)[], maximum: number) =>
    text === undefined ? undefined : singleLineText(text, fieldPath(path), maximum);
  const lines = (texts: string[] | undefined, path: (string | number)[], maximum: number) =>
    texts?.map((text, index) => singleLineText(text, fieldPath([...path, index]), maximum));
  const checked: Section = {
    ...value,
    posts: value.posts?.map((post, index) => ({
      ...post,
      label: line(post.label, ['posts', index, 'label'], 300)!,
      otherLabels: lines(post.otherLabels, ['posts', index, 'otherLabels'], 300)!,
    })),
    memberships: value.memberships?.map((seat, index) => ({
      ...seat,
      post: line(seat.post, ['memberships', index, 'post'], 300),
      list: line(seat.list, ['memberships', index, 'list'], 100),
      note: line(seat.note, ['memberships', index, 'note'], 500),
    })) as BodyMembership[],
  };
  if ('organizations' in value) {
    (checked as RegionalMembershipValue).organizations = value.organizations.map((organization, index) => ({
      ...organization,
      name: line(organization.name, ['organizations', index, 'name'], 200)!,
      otherNames: lines(organization.otherNames, ['organizations', index, 'otherNames'], 200),
    }));
  }
  if ('designations' in value && value.designations) {
    (checked as PartnershipMembershipValue).designations = value.designations.map((designation, index) => ({
      ...designation,
      post: line(designation.post, ['designations', index, 'post'], 300),
    }));
  }
  return checked as Value;
}

async function checkOrganisations(manager: EntityManager, references: { id: string; path: (string | number)[] }[]): Promise<void> {
  const ids = [...new Set(references.map((reference) => reference.id))];
  const known = new Set((await manager.getRepository(OrganisationEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((row) => row.id));
  const unknown = references.find((reference) => !known.has(reference.id));
  if (unknown)
    refused(
      `No organisation has the id "${unknown.id}" in the registry; register it in the regional pack's membership section (organizations) first, or correct the id.`,
      unknown.path,
    );
}

/**
 * The bodies the seats are on, as arrangements holds them: membership's copy (body_reference) is
 * brought up to date from arrangements' published view first, so a body an arrangements section
 * created a moment ago can be given seats. An id neither knows, or one of another scope, is refused.
 */
async function knownBodies(manager: EntityManager, scope: string, memberships: BodyMembership[]): Promise<Map<string, BodyReferenceEntity>> {
  const prefix = bodyPrefix(scope);
  memberships.forEach((seat, index) => {
    if (!seat.body.startsWith(prefix))
      refused(
        scope === REGIONAL
          ? `The regional section seats only the bodies the region shares (ids starting "joint."); "${seat.body}" belongs in its partnership's section.`
          : `${scope}'s section seats only its own bodies (ids starting "${prefix}"); "${seat.body}" belongs in its own pack's section.`,
        ['memberships', index, 'body'],
      );
  });
  const ids = [...new Set(memberships.map((seat) => seat.body))];
  if (ids.length > 0 && (await seesPublishedBodies(manager))) {
    const table = manager
      .getRepository(BodyReferenceEntity)
      .metadata.tablePath.split('.')
      .map((part) => `"${part}"`)
      .join('.');
    await manager.query(
      `INSERT INTO ${table} AS reference (body_id, kind, partnership_ids, chair_rule)
       SELECT body_id, kind, partnership_ids, chair_rule FROM "arrangements"."published_body" WHERE body_id = ANY($1) AND cardinality(partnership_ids) > 0
       ON CONFLICT (body_id) DO UPDATE SET kind = EXCLUDED.kind, partnership_ids = EXCLUDED.partnership_ids, chair_rule = EXCLUDED.chair_rule
       WHERE (reference.kind, reference.partnership_ids, reference.chair_rule) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.partnership_ids, EXCLUDED.chair_rule)`,
      [ids],
    );
  }
  const bodies = new Map((await manager.getRepository(BodyReferenceEntity).findBy({ bodyId: In(ids) })).map((body) => [body.bodyId, body]));
  memberships.forEach((seat, index) => {
    if (!bodies.has(seat.body))
      refused(`No body has the id "${seat.body}"; create it in the arrangements section first (apply arrangements before membership), or correct the id.`, [
        'memberships',
        index,
        'body',
      ]);
  });
  return bodies;
}

async function seesPublishedBodies(manager: EntityManager): Promise<boolean> {
  const [row] = await manager.query<{ present: boolean }[]>(`SELECT to_regclass('"arrangements"."published_body"') IS NOT NULL AS present`);
  return row?.present === true;
}

/**
 * Posts are the registry's, shared by every partnership: the posts seats and designations name are
 * created when missing (citing the first seat that names them), described posts get their other
 * titles; a post is never removed by a pack (another partnership's seats may hold it).
 */
async function ensurePosts(
  manager: EntityManager,
  described: DescribedPost[],
  memberships: BodyMembership[],
  designations: Designation[],
  changes: PackChange[],
): Promise<Map<string, string>> {
  const repository = manager.getRepository(PostEntity);
  const organisationIds = [...new Set([...described, ...memberships, ...designations].map((item) => item.organization))];
  const existing = new Map((await repository.findBy({ organisationId: In(organisationIds) })).map((post) => [postKey(post.organisationId, post.title), post]));
  const wanted = new Map<string, { organisationId: string; title: string; source: Provenance }>();
  for (const item of [
    ...described.map((post) => ({ organization: post.organization, post: post.label, provenance: post.provenance })),
    ...memberships,
    ...designations,
  ]) {
    if (item.post && !wanted.has(postKey(item.organization, item.post)))
      wanted.set(postKey(item.organization, item.post), { organisationId: item.organization, title: item.post, source: item.provenance });
  }
  for (const [key, post] of wanted) {
    if (existing.has(key)) continue;
    const inserted = repository.create({ organisationId: post.organisationId, title: post.title, alsoKnownAs: [], source: post.source });
    await repository.insert(inserted);
    existing.set(key, inserted);
    changes.push({ entity: 'Post', key: `${post.organisationId}/${post.title}`, change: 'ADDED', fields: [] });
  }
  for (const post of described) {
    const current = existing.get(postKey(post.organization, post.label))!;
    const fields = [
      JSON.stringify(current.alsoKnownAs) !== JSON.stringify(post.otherLabels) ? 'alsoKnownAs' : null,
      JSON.stringify(canonicalProvenance(current.source)) !== JSON.stringify(canonicalProvenance(post.provenance)) ? 'source' : null,
    ].filter((field): field is string => field !== null);
    if (fields.length === 0) continue;
    await repository.update(current.id, { alsoKnownAs: post.otherLabels, source: post.provenance });
    changes.push({ entity: 'Post', key: `${post.organization}/${current.title}`, change: 'CHANGED', fields });
  }
  return new Map([...existing.entries()].map(([key, post]) => [key, post.id]));
}

/**
 * The titles (lowercased, as keys compare them) of the posts the pack names and of those the
 * scope's rows hold now, so a row the pack leaves out is still named by its post.
 */
async function postTitles(manager: EntityManager, scope: string, named: Map<string, string>): Promise<Map<string, string>> {
  const titles = new Map([...named.entries()].map(([key, id]) => [id, key.slice(key.indexOf('|') + 1)]));
  const held = [
    ...(await manager.getRepository(MembershipEntity).find({ select: { postId: true }, where: { bodyId: Like(`${bodyPrefix(scope)}%`), source: fromPack } })),
    ...(scope === REGIONAL
      ? []
      : await manager.getRepository(DesignationEntity).find({ select: { postId: true }, where: { partnershipId: scope, source: fromPack } })),
  ]
    .map((row) => row.postId)
    .filter((id): id is string => id !== null && !titles.has(id));
  if (held.length > 0)
    for (const post of await manager.getRepository(PostEntity).findBy({ id: In([...new Set(held)]) })) titles.set(post.id, post.title.toLowerCase());
  return titles;
}

async function chairSeats(manager: EntityManager, bodyIds: string[]): Promise<MembershipEntity[]> {
  if (bodyIds.length === 0) return [];
  return manager.getRepository(MembershipEntity).findBy({ bodyId: In(bodyIds) });
}

/**
 * The chair rule as appointChair applies it: the pack may not add a breach the body's chairs did
 * not already have (the evaluator is rules/chair-rule.ts, the same as the mutation's).
 */
async function checkChairRules(
  manager: EntityManager,
  bodyIds: string[],
  before: MembershipEntity[],
  bodies: Map<string, BodyReferenceEntity>,
  memberships: BodyMembership[],
  seatKey: (row: Partial<MembershipEntity>) => string,
): Promise<void> {
  if (bodyIds.length === 0) return;
  const after = await chairSeats(manager, bodyIds);
  const breachKey = (breach: ChairRuleBreach) => `${breach.check}|${breach.explanation}`;
  for (const bodyId of bodyIds) {
    const body = bodies.get(bodyId)!;
    const evaluate = async (seats: MembershipEntity[]) => {
      const ofBody = seats.filter((seat) => seat.bodyId === bodyId);
      const chairs = ofBody.filter((seat) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR');
      const context = await chairContextInTransaction(manager, body.partnershipIds, [...new Set(chairs.map((seat) => seat.organisationId))], { seats: ofBody });
      return evaluateChairRule(body.chairRule, chairs.map(asAppointment), context);
    };
    const earlier = new Set((await evaluate(before)).map(breachKey));
    const added = (await evaluate(after)).filter((breach) => !earlier.has(breachKey(breach)));
    if (added.length === 0) continue;
    // The line to name: the first pack seat that is one of the breaching appointments.
    const breaching = after.filter((seat) => added.some((breach) => breach.appointmentId === seat.id));
    const index = memberships.findIndex((seat) => seat.body === bodyId && breaching.some((row) => seatKey(row) === seatKey(rowOf(seat, row))));
    throw badUserInput(
      `${chairRefusalMessage(bodyId, body.chairRule, added)} Nothing was applied.`,
      fieldPath(index >= 0 ? ['memberships', index] : ['memberships']),
    );
  }
}

/** A pack seat as the row it would be, with the post id the row has (for matching a breach to its line). */
function rowOf(seat: BodyMembership, row: MembershipEntity): Partial<MembershipEntity> {
  return {
    bodyId: seat.body,
    organisationId: seat.organization,
    postId: seat.post ? row.postId : null,
    role: seat.role,
    list: seat.list ?? null,
    startDate: seat.startDate ?? null,
    description: seat.note ?? null,
  };
}

// ---- export ---------------------------------------------------------------------------------------

/** membershipPackSection: the section as the platform holds it, as the file's text. */
export async function exportMembershipPack(context: MembershipContext, scope: string): Promise<PackSectionText> {
  return exportPackSection(context, scope === REGIONAL ? regionalMembershipSection : partnershipMembershipSection, scope, buildMembershipSection);
}

/** A stored provenance as the pack writes it (keys in the schema's order; an API-recorded value as recorded), or null. */
export function canonicalProvenance(stored: StoredSource | null): Provenance | null {
  return stored ? packProvenanceOf(stored) : null;
}

const ROLE_ORDER: MembershipRole[] = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'NAMED_DEPUTY', 'VIRTUAL_MEMBER', 'CO_OPTED'];
const KIND_ORDER: DesignationKind[] = [
  'LEAD_SAFEGUARDING_PARTNER',
  'DELEGATED_SAFEGUARDING_PARTNER',
  'INDEPENDENT_SCRUTINEER',
  'INDEPENDENT_CHAIR',
  'ACCOUNTABLE_BODY',
];
const compareText = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').localeCompare(b ?? '', 'en');
const compareBy =
  <T>(...keys: ((item: T) => string | number | null | undefined)[]) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x ?? ''), String(y ?? ''));
      if (order !== 0) return order;
    }
    return 0;
  };

/** The section's value from the rows, in a fixed order: regional first the registry, then posts and seats; a partnership's posts, seats, designations. */
export async function buildMembershipSection(manager: EntityManager, scope: string): Promise<Section> {
  const regional = scope === REGIONAL;
  const seats = await manager.getRepository(MembershipEntity).findBy({ bodyId: Like(`${bodyPrefix(scope)}%`), source: fromPack });
  const designations = regional ? [] : await manager.getRepository(DesignationEntity).findBy({ partnershipId: scope, source: fromPack });
  const postIds = [...new Set([...seats, ...designations].map((row) => row.postId).filter((id): id is string => id !== null))];
  const posts = new Map((postIds.length ? await manager.getRepository(PostEntity).findBy({ id: In(postIds) }) : []).map((post) => [post.id, post]));
  const title = (id: string | null) => (id ? posts.get(id)!.title : undefined);

  const describedPosts = [...posts.values()]
    .filter((post) => post.alsoKnownAs.length > 0)
    .sort(
      compareBy(
        (post) => post.organisationId,
        (post) => post.title,
      ),
    )
    .map((post) => ({ organization: post.organisationId, label: post.title, otherLabels: post.alsoKnownAs, provenance: canonicalProvenance(post.source) }));
  const memberships = seats
    .sort(
      compareBy(
        (seat) => seat.bodyId,
        (seat) => seat.list,
        (seat) => ROLE_ORDER.indexOf(seat.role),
        (seat) => seat.organisationId,
        (seat) => title(seat.postId),
        (seat) => seat.startDate,
        (seat) => seat.description,
      ),
    )
    .map((seat) =>
      withoutUndefined({
        body: seat.bodyId,
        organization: seat.organisationId,
        post: title(seat.postId),
        role: seat.role === 'MEMBER' ? undefined : seat.role,
        list: seat.list ?? undefined,
        startDate: seat.startDate ?? undefined,
        endDate: seat.endDate ?? undefined,
        note: seat.description ?? undefined,
        provenance: canonicalProvenance(seat.source),
        termProvenance: canonicalProvenance(seat.termSource) ?? undefined,
      }),
    );

  if (regional) {
    const organisations = await manager.getRepository(OrganisationEntity).find({ where: { source: fromPack }, order: { id: 'ASC' } });
    return withoutUndefined({
      organizations: organisations.map((organisation) =>
        withoutUndefined({
          id: organisation.id,
          name: organisation.name,
          classification: organisation.sector,
          otherNames: organisation.alsoKnownAs.length > 0 ? organisation.alsoKnownAs : undefined,
          provenance: canonicalProvenance(organisation.source),
        }),
      ),
      posts: describedPosts.length > 0 ? describedPosts : undefined,
      memberships: memberships.length > 0 ? memberships : undefined,
    }) as RegionalMembershipValue;
  }
  return withoutUndefined({
    posts: describedPosts.length > 0 ? describedPosts : undefined,
    memberships,
    designations: designations.length
      ? designations
          .sort(
            compareBy(
              (designation) => KIND_ORDER.indexOf(designation.kind),
              (designation) => designation.organisationId,
              (designation) => title(designation.postId),
              (designation) => designation.startDate,
            ),
          )
          .map((designation) =>
            withoutUndefined({
              kind: designation.kind,
              organization: designation.organisationId,
              post: title(designation.postId),
              startDate: designation.startDate ?? undefined,
              endDate: designation.endDate ?? undefined,
              provenance: canonicalProvenance(designation.source),
            }),
          )
      : undefined,
  }) as PartnershipMembershipValue;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== undefined)) as T;
}
