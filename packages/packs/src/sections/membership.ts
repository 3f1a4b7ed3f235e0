import { z } from 'zod';
import { provenance } from '../provenance';
import { ORGANISATION_SECTORS } from '../seed-shapes';
import { defineSection, type PackReference } from './definition';

/**
 * The membership sections. Names follow Popolo (organizations, posts, memberships with
 * startDate/endDate) where they fit; the mapping is in docs/working-notes/packs-membership.md.
 * - regional: the organisation registry (every agency once, shared by every partnership) and the
 *   seats on bodies the region shares (the joint Lead Safeguarding Partners forum, ids "joint.*").
 * - partnership: the posts it describes, the seats on its own bodies ("<slug>.*"), named chairs,
 *   and its designations (lead and delegated safeguarding partners, scrutineer, chair, accountable body).
 */

const slug = /^[a-z0-9][a-z0-9-]{0,63}$/;
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD, e.g. 2024-10-01')
  .describe('A calendar date, YYYY-MM-DD.');

export const organizationClassification = z
  .enum(ORGANISATION_SECTORS)
  .describe("The registry's sector for the organisation (Popolo organization classification); the registry's classification, not a document's words.");
export type OrganizationClassification = z.infer<typeof organizationClassification>;

export const registeredOrganization = z
  .strictObject({
    id: z
      .string()
      .regex(slug, 'an organisation id is a lowercase slug, e.g. west-mercia-police')
      .describe('The registry id other sections and subgraphs refer to, a lowercase slug, e.g. west-mercia-police.'),
    name: z.string().min(1).max(200).describe('The name the registry shows.'),
    classification: organizationClassification,
    otherNames: z
      .array(z.string().min(1).max(200))
      .max(40)
      .optional()
      .describe('Other names and spellings the documents use (Popolo other_names), so their tables can be matched to this one id.'),
    provenance: provenance.describe('Where the organisation is named.'),
  })
  .describe('An agency in the regional registry (Popolo organization; W3C org:Organization).');
export type RegisteredOrganization = z.infer<typeof registeredOrganization>;

export const membershipRole = z
  .enum(['MEMBER', 'NAMED_DEPUTY', 'VIRTUAL_MEMBER', 'CO_OPTED', 'CHAIR', 'VICE_CHAIR'])
  .describe("The seat's role on the body (Popolo membership role); a chair or vice-chair is checked against the body's chair rule.");

export const bodyMembership = z
  .strictObject({
    body: z
      .string()
      .min(3)
      .max(200)
      .describe(
        'The body the seat is on (Popolo membership organization_id), e.g. shropshire.safeguarding-children-partnership; defined by an arrangements section.',
      ),
    organization: z
      .string()
      .regex(slug, 'an organisation id is a lowercase slug, e.g. west-mercia-police')
      .describe('The agency holding the seat (Popolo on_behalf_of_id), an id of the regional registry.'),
    post: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe('The post in that agency that sits (Popolo post label); omit when the document names the agency only.'),
    role: membershipRole.default('MEMBER'),
    list: z.string().min(1).max(100).optional().describe('The sub-list of the document\'s table the seat is in, e.g. "Children", "Adults", "Virtual Members".'),
    startDate: date.optional().describe('When the seat began (Popolo start_date); omit where no document says.'),
    endDate: date.optional().describe('When it ended or ends (Popolo end_date); omit where no document says.'),
    note: z.string().min(1).max(500).optional().describe("The document's own words where they add something to the row."),
    provenance: provenance.describe('Where the seat is stated (or how it is inferred).'),
    termProvenance: provenance
      .optional()
      .describe(
        'Where the start and end dates come from, when that differs from the seat (e.g. a chair named in the text, its term end inferred from a rotation rule).',
      ),
  })
  .describe('A seat on a body (Popolo membership): an agency, usually a post, in a role, for a period.');
export type BodyMembership = z.infer<typeof bodyMembership>;

export const describedPost = z
  .strictObject({
    organization: z.string().regex(slug, 'an organisation id is a lowercase slug, e.g. west-mercia-police').describe('The agency the post is in.'),
    label: z.string().min(1).max(300).describe('The post title as the seats name it (Popolo post label).'),
    otherLabels: z.array(z.string().min(1).max(300)).min(1).max(20).describe('Other titles the documents give the same post (Popolo other_label).'),
    provenance: provenance.describe('Where the other titles are used.'),
  })
  .describe('A post with the other titles documents give it (posts named only by seats need no entry).');
export type DescribedPost = z.infer<typeof describedPost>;

export const designationKind = z
  .enum(['LEAD_SAFEGUARDING_PARTNER', 'DELEGATED_SAFEGUARDING_PARTNER', 'INDEPENDENT_SCRUTINEER', 'INDEPENDENT_CHAIR', 'ACCOUNTABLE_BODY'])
  .describe('What the partnership designates the agency as.');

export const designation = z
  .strictObject({
    kind: designationKind,
    organization: z
      .string()
      .regex(slug, 'an organisation id is a lowercase slug, e.g. west-mercia-police')
      .describe('The designated agency, an id of the regional registry.'),
    post: z.string().min(1).max(300).optional().describe('The post designated, where the document names it.'),
    startDate: date.optional().describe('When the term began; omit where no document says.'),
    endDate: date.optional().describe('When it ended; omit where no document says.'),
    provenance: provenance.describe('Where the designation is stated (or how it is inferred).'),
  })
  .describe('A designation of the partnership for a term (a Popolo membership of the partnership with that role).');
export type Designation = z.infer<typeof designation>;

export const partnershipMembershipValue = z
  .strictObject({
    posts: z.array(describedPost).max(2000).optional().describe('Posts with other titles (Popolo posts); other posts are named by the seats alone.'),
    memberships: z.array(bodyMembership).max(20000).describe("Seats on the partnership's own bodies (ids starting with the partnership's slug and a dot)."),
    designations: z
      .array(designation)
      .max(200)
      .optional()
      .describe('Lead and delegated safeguarding partners, independent scrutineer and chair, accountable body.'),
  })
  .describe("A partnership's membership section: posts, seats on its bodies, named chairs and designations.");
export type PartnershipMembershipValue = z.infer<typeof partnershipMembershipValue>;

export const regionalMembershipValue = z
  .strictObject({
    organizations: z
      .array(registeredOrganization)
      .max(5000)
      .describe('The organisation registry: every agency once, shared by every partnership (Popolo organizations).'),
    posts: z.array(describedPost).max(2000).optional().describe('Posts with other titles used on the shared bodies.'),
    memberships: z
      .array(bodyMembership)
      .max(20000)
      .optional()
      .describe(
        'Seats on the bodies the region shares (ids starting "joint.", e.g. the joint Lead Safeguarding Partners forum), which belong to more than one partnership.',
      ),
  })
  .describe("The regional pack's membership section: the organisation registry and the shared bodies' seats.");
export type RegionalMembershipValue = z.infer<typeof regionalMembershipValue>;

const organisationReferences = (items: { organization: string }[] | undefined, field: string): PackReference[] =>
  (items ?? []).map((item, index) => ({ kind: 'organisation' as const, id: item.organization, path: [field, index, 'organization'] }));
const bodyReferences = (memberships: BodyMembership[] | undefined): PackReference[] =>
  (memberships ?? []).map((seat, index) => ({ kind: 'body' as const, id: seat.body, path: ['memberships', index, 'body'] }));

/** The membership subgraph's section of a partnership pack. */
export const partnershipMembershipSection = defineSection({
  subgraph: 'membership',
  scope: 'partnership',
  schema: partnershipMembershipValue,
  defines: () => [],
  references: (value) => [
    ...organisationReferences(value.posts, 'posts'),
    ...organisationReferences(value.memberships, 'memberships'),
    ...bodyReferences(value.memberships),
    ...organisationReferences(value.designations, 'designations'),
  ],
});

/** The membership subgraph's section of the regional pack: the organisation registry and the shared bodies' seats. */
export const regionalMembershipSection = defineSection({
  subgraph: 'membership',
  scope: 'regional',
  schema: regionalMembershipValue,
  defines: (value) =>
    value.organizations.map((organization, index) => ({ kind: 'organisation' as const, id: organization.id, path: ['organizations', index, 'id'] })),
  references: (value) => [
    ...organisationReferences(value.posts, 'posts'),
    ...organisationReferences(value.memberships, 'memberships'),
    ...bodyReferences(value.memberships),
  ],
});
