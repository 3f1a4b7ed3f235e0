import { inForceOn, selectsField, selectsOnly, todayInEngland } from '@safeguarding/subgraph-runtime';
import type { MembershipEntity } from '../entities';
import type { SeatListing } from '../loaders';
import type { Resolvers } from '../generated/graphql';
import { canEditMembership } from '../access';
import { chairCompliance } from '../operations/chairs';

/** Chairs first, then members, deputies and virtual members; then by organisation. */
const ROLE_ORDER = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'CO_OPTED', 'NAMED_DEPUTY', 'VIRTUAL_MEMBER'];
const bySeat = (a: SeatListing, b: SeatListing) =>
  ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
  a.organisationId.localeCompare(b.organisationId) ||
  (a.startDate ?? '').localeCompare(b.startDate ?? '');

const latestInForce = (seats: MembershipEntity[], role: string, asOf: string) =>
  seats.filter((s) => s.role === role && inForceOn(s, asOf)).sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))[0] ?? null;

/** Membership fields answered from a seat listing's columns alone (their resolvers read nothing else). */
const LISTED_FIELDS = new Set(['id', 'body', 'organisation', 'post', 'role', 'deputyFor', 'startDate', 'endDate']);

export const bodyResolvers: Resolvers = {
  Body: {
    // Any body id arrangements hands over is answered; a body nobody sits on simply has no seats.
    __resolveReference: (reference) => reference,
    members: async (body, { asOf }, { loaders }, info) => {
      const date = asOf ?? todayInEngland();
      // Fewer columns when the seats' selection needs no others; any other field reads whole rows.
      const listing = selectsOnly(info, LISTED_FIELDS);
      const rows: SeatListing[] = await (listing ? loaders.membershipsByBody.loadListing(body.id) : loaders.membershipsByBody.load(body.id));
      const seats = rows.filter((seat) => inForceOn(seat, date)).sort(bySeat);
      // Loaded here, in the same batch for every body (one promise they share, not one per seat), so each seat's organisation is then answered without a promise.
      if (selectsField(info, 'organisation')) await loaders.organisation.preload(seats.map((seat) => seat.organisationId));
      // A listing carries every column its selected fields read (LISTED_FIELDS).
      return seats as MembershipEntity[];
    },
    membershipHistory: (body, _args, { loaders }) => loaders.membershipsByBody.load(body.id),
    chair: async (body, { asOf }, { loaders }) => latestInForce(await loaders.membershipsByBody.load(body.id), 'CHAIR', asOf ?? todayInEngland()),
    viceChair: async (body, { asOf }, { loaders }) => latestInForce(await loaders.membershipsByBody.load(body.id), 'VICE_CHAIR', asOf ?? todayInEngland()),
    chairAppointments: async (body, _args, { loaders }) =>
      (await loaders.membershipsByBody.load(body.id))
        .filter((seat) => seat.role === 'CHAIR' || seat.role === 'VICE_CHAIR')
        .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.role.localeCompare(b.role)),
    chairCompliance: (body, _args, { loaders }) => chairCompliance(body, loaders),
    viewerCanEditMembership: async (body, _args, { caller, loaders }) => {
      const reference = await loaders.bodyReference.load(body.id);
      return reference ? canEditMembership(caller, reference) : false;
    },
  },
};
