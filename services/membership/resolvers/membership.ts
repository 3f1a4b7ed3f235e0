import { badUserInput, selectsField, slugArgument, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { FindOptionsWhere } from 'typeorm';
import { BodyReferenceEntity, DesignationEntity, MembershipEntity, type OrganisationEntity } from '../entities';
import type { Resolvers } from '../generated/graphql';
import { inForceOn } from '../rules/dates';
import { evaluateChairRule, type ChairRuleSnapshot } from '../rules/chair-rule';
import { canEditMembership } from './access';
import { asAppointment, chairContext } from './chair-context';
import type { ChairRuleRepresentation, SharedAgencySideParent } from './parents';

const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

/** Chairs first, then members, deputies and virtual members; then by organisation. */
const ROLE_ORDER = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'CO_OPTED', 'NAMED_DEPUTY', 'VIRTUAL_MEMBER'];
const bySeat = (a: MembershipEntity, b: MembershipEntity) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.organisationId.localeCompare(b.organisationId) || (a.startDate ?? '').localeCompare(b.startDate ?? '');

const snapshotOf = (rule: ChairRuleRepresentation): ChairRuleSnapshot => ({
  appointedFrom: rule.appointedFrom,
  organisationId: rule.organisation?.id ?? null,
  termMonths: rule.termMonths ?? null,
  termAlignedToFinancialYear: rule.termAlignedToFinancialYear,
  noConsecutiveTermsSameOrganisation: rule.noConsecutiveTermsSameOrganisation,
  viceChairFromDifferentOrganisation: rule.viceChairFromDifferentOrganisation,
  viceChairSucceeds: rule.viceChairSucceeds,
});

const latestInForce = (seats: MembershipEntity[], role: string, asOf: string) =>
  seats.filter((s) => s.role === role && inForceOn(s, asOf)).sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0] ?? null;

const MAXIMUM_PARTNERSHIPS = 10;
const MAXIMUM_BODIES = 100;

export const membershipResolvers: Resolvers = {
  Query: {
    sharedAgencies: async (_root, { partnershipSlugs, bodyIds, asOf }, { dataSource, loaders }) => {
      const slugs = [...new Set(partnershipSlugs.map((slug) => slugArgument(slug, 'partnershipSlugs')))];
      if (slugs.length < 2 || slugs.length > MAXIMUM_PARTNERSHIPS) {
        throw badUserInput(`Name between 2 and ${MAXIMUM_PARTNERSHIPS} different partnerships, e.g. ["shropshire", "telford-and-wrekin"]; got ${slugs.length}.`, 'partnershipSlugs');
      }
      let bodies = await dataSource.getRepository(BodyReferenceEntity).find();
      const unknownPartnerships = slugs.filter((slug) => !bodies.some((b) => b.partnershipSlugs.includes(slug)));
      if (unknownPartnerships.length > 0) throw badUserInput(`No bodies belong to the partnership(s) ${unknownPartnerships.join(', ')}; the partnerships are shropshire, telford-and-wrekin and solihull.`, 'partnershipSlugs');
      if (bodyIds) {
        if (bodyIds.length > MAXIMUM_BODIES) throw badUserInput(`At most ${MAXIMUM_BODIES} bodyIds.`, 'bodyIds');
        const unknown = bodyIds.filter((id) => !bodies.some((b) => b.bodyId === id));
        if (unknown.length > 0) throw badUserInput(`Unknown body id(s): ${unknown.map((id) => id.slice(0, 80)).join(', ')}; query partnership { bodies { id } } for the ids.`, 'bodyIds');
        bodies = bodies.filter((b) => bodyIds.includes(b.bodyId));
      }
      bodies = bodies.filter((b) => b.partnershipSlugs.some((slug) => slugs.includes(slug)));
      const date = asOf ?? todayInEngland();
      const seats = (await loaders.membershipsByBody.loadMany(bodies.map((b) => b.bodyId))).flatMap((rows) => (Array.isArray(rows) ? rows : []));
      const bodyById = new Map(bodies.map((b) => [b.bodyId, b]));
      const byOrganisation = new Map<string, Map<string, Set<string>>>();
      for (const seat of seats.filter((s) => inForceOn(s, date))) {
        const sides = byOrganisation.get(seat.organisationId) ?? new Map<string, Set<string>>();
        for (const slug of bodyById.get(seat.bodyId)!.partnershipSlugs) {
          if (!slugs.includes(slug)) continue;
          sides.set(slug, (sides.get(slug) ?? new Set()).add(seat.bodyId));
        }
        byOrganisation.set(seat.organisationId, sides);
      }
      const shared = [...byOrganisation.entries()].filter(([, sides]) => slugs.every((slug) => sides.has(slug)));
      const organisations = await loaders.organisation.loadMany(shared.map(([id]) => id));
      const names = new Map(organisations.filter(present<OrganisationEntity>).map((o) => [o.id, o.name]));
      return shared
        .map(([organisationId, sides]) => ({
          organisationId,
          sides: slugs.map((slug): SharedAgencySideParent => ({ partnershipSlug: slug, bodyIds: [...sides.get(slug)!].sort() })),
        }))
        .sort((a, b) => (names.get(a.organisationId) ?? '').localeCompare(names.get(b.organisationId) ?? ''));
    },
    designations: async (_root, { partnershipSlug, kind }, { dataSource }) => {
      const where: FindOptionsWhere<DesignationEntity> = {};
      if (partnershipSlug) where.partnershipSlug = slugArgument(partnershipSlug, 'partnershipSlug');
      if (kind) where.kind = kind;
      return dataSource.getRepository(DesignationEntity).find({ where, order: { partnershipSlug: 'ASC', kind: 'ASC', organisationId: 'ASC' } });
    },
    posts: (_root, { organisationId }, { loaders }) => (organisationId.length > 64 ? [] : loaders.postsByOrganisation.load(organisationId)),
  },
  Organisation: {
    posts: (organisation, _args, { loaders }) => loaders.postsByOrganisation.load(organisation.id),
    memberships: async (organisation, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      return (await loaders.membershipsByOrganisation.load(organisation.id)).filter((seat) => inForceOn(seat, date));
    },
    partnerships: async (organisation, { asOf }, { loaders }) => {
      const date = asOf ?? todayInEngland();
      const seats = (await loaders.membershipsByOrganisation.load(organisation.id)).filter((seat) => inForceOn(seat, date));
      const bodies = (await loaders.bodyReference.loadMany([...new Set(seats.map((s) => s.bodyId))])).filter(present<BodyReferenceEntity>);
      const designations = await loaders.designationsByOrganisation.load(organisation.id);
      const slugs = new Set([...bodies.flatMap((b) => b.partnershipSlugs), ...designations.map((d) => d.partnershipSlug)]);
      return [...slugs].sort().map((id) => ({ id }));
    },
    designations: (organisation, _args, { loaders }) => loaders.designationsByOrganisation.load(organisation.id),
  },
  Partnership: {
    __resolveReference: (reference) => ({ id: reference.id }),
    designations: async (partnership, { kind }, { loaders }) =>
      (await loaders.designationsByPartnership.load(partnership.id)).filter((d) => !kind || d.kind === kind),
  },
  Post: {
    organisation: async (post, _args, { loaders }) => (await loaders.organisation.load(post.organisationId))!,
    holders: (post, _args, { loaders }) => loaders.postHoldings.load(post.id),
  },
  Membership: {
    body: (seat) => ({ id: seat.bodyId }),
    organisation: (seat, _args, { loaders }) => loaders.organisation.peek(seat.organisationId) ?? (loaders.organisation.load(seat.organisationId) as Promise<OrganisationEntity>),
    post: (seat, _args, { loaders }) => (seat.postId ? loaders.post.load(seat.postId) : null),
    deputyFor: (seat, _args, { loaders }) => (seat.deputyForMembershipId ? loaders.membership.load(seat.deputyForMembershipId) : null),
  },
  Designation: {
    partnership: (designation) => ({ id: designation.partnershipSlug }),
    organisation: async (designation, _args, { loaders }) => (await loaders.organisation.load(designation.organisationId))!,
    post: (designation, _args, { loaders }) => (designation.postId ? loaders.post.load(designation.postId) : null),
  },
  SharedAgency: {
    organisation: async (shared, _args, { loaders }) => (await loaders.organisation.load(shared.organisationId))!,
    partnerships: (shared) => shared.sides,
  },
  SharedAgencySide: {
    partnership: (side) => ({ id: side.partnershipSlug }),
    bodies: (side) => side.bodyIds.map((id) => ({ id })),
  },
  Body: {
    // Any body id arrangements hands over is answered; a body nobody sits on simply has no seats.
    __resolveReference: (reference) => reference,
    members: async (body, { asOf }, { loaders }, info) => {
      const date = asOf ?? todayInEngland();
      const seats = (await loaders.membershipsByBody.load(body.id)).filter((seat) => inForceOn(seat, date)).sort(bySeat);
      // Loaded here, in the same batch for every body, so each seat's organisation is then answered without a promise.
      if (selectsField(info, 'organisation')) await loaders.organisation.loadMany([...new Set(seats.map((seat) => seat.organisationId))]);
      return seats;
    },
    membershipHistory: (body, _args, { loaders }) => loaders.membershipsByBody.load(body.id),
    chair: async (body, { asOf }, { loaders }) => latestInForce(await loaders.membershipsByBody.load(body.id), 'CHAIR', asOf ?? todayInEngland()),
    viceChair: async (body, { asOf }, { loaders }) => latestInForce(await loaders.membershipsByBody.load(body.id), 'VICE_CHAIR', asOf ?? todayInEngland()),
    chairAppointments: async (body, _args, { loaders }) =>
      (await loaders.membershipsByBody.load(body.id))
        .filter((seat) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR')
        .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.role.localeCompare(b.role)),
    chairCompliance: async (body, _args, { loaders }) => {
      // The live rule, passed in by the gateway from arrangements (@requires).
      if (!body.chairRule) return null;
      const appointments = (await loaders.membershipsByBody.load(body.id)).filter((seat) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR').map(asAppointment);
      const reference = await loaders.bodyReference.load(body.id);
      const context = await chairContext(reference?.partnershipSlugs ?? [], appointments.map((a) => a.organisationId), loaders);
      const breaches = evaluateChairRule(snapshotOf(body.chairRule), appointments, context);
      return { compliant: breaches.length === 0, appointmentsChecked: appointments.length, breaches };
    },
    viewerCanEditMembership: async (body, _args, { caller, loaders }) => {
      const reference = await loaders.bodyReference.load(body.id);
      return reference ? canEditMembership(caller, reference) : false;
    },
  },
  ChairRuleBreach: {
    appointment: async (breach, _args, { loaders }) => (await loaders.membership.load(breach.appointmentId))!,
  },
};
