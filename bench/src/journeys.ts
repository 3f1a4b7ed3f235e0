import type { Grant } from '@safeguarding/auth';
import { BENCH_AS_OF, benchSlug } from './common';

/**
 * The user journeys: each as the gateway query a client sends, the same answer from the one
 * subgraph that owns it (where one does), and the hand-written SQL that reads the same data
 * through pg in one statement (the limit: no GraphQL, no HTTP between services).
 */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface Journey {
  name: string;
  description: string;
  /** Who asks (signed into the user token, and into the gateway assertion for direct calls). */
  grants: Grant[];
  gateway: GraphQLRequest;
  /** The same answer from one subgraph, with the gateway's credentials; absent when two subgraphs answer. */
  direct?: GraphQLRequest & { subgraph: string };
  /** True when the whole gateway answer comes from one subgraph (the gateway-overhead target applies). */
  singleSubgraph: boolean;
  sql: { text: string; values: unknown[] };
  /** Part of the scaling run (N = 1, 10, 50). */
  scaling: boolean;
}

export interface JourneyContext {
  /** The joint forum meeting that has the bench agenda. */
  forumMeetingId: string;
  /** The 100 bodies of bench-0001, for the entity batch. */
  largeBodyIds: string[];
}

/** The comparison's page: the three real partnerships and three synthetic ones (bench-0001 is large). */
export const COMPARISON_SLUGS = ['shropshire', 'telford-and-wrekin', 'solihull', benchSlug(1), benchSlug(2), benchSlug(3)];
/** The large partnership every structure, review and entity journey reads. */
export const LARGE_SLUG = benchSlug(1);
export const REVIEW_PAGE = { statuses: ['PUBLISHED'], notifiedFrom: '2022-01-01', notifiedTo: '2022-12-31' };

const analyst: Grant[] = [{ role: 'analyst', partnershipSlug: null }];

const REVIEW_FIELDS = 'id code status notifiedOn signedOffOn publishedOn themes { id name }';
const STRUCTURE_FIELDS = 'id name kind reportsTo { id } meetingFrequency { meetingsPerYear } members(asOf: $asOf) { role organisation { id name sector } }';

export function buildJourneys(context: JourneyContext): Journey[] {
  const comparisonQuery = `query Comparison($slugs: [String!]!, $asOf: Date) {
  comparePartnerships(slugs: $slugs, asOf: $asOf) {
    id
    partnerships { slug name }
    governance { measure unit cells { partnershipSlug value text missingReason } }
  }
}`;
  const agendaQuery = `query ForumAgenda($id: ID!) {
  meeting(id: $id) {
    id date status body { id name }
    agenda { status version totalMinutes minutesBySection { section minutes }
      items { position section title minutesAllotted paperLate ownerPartnership { slug name } } }
    agendaCandidates { id since until partnershipSlugs governance { key partnershipSlug title reason subjectType subjectId } }
  }
}`;
  return [
    {
      name: 'comparison',
      description: `comparePartnerships of ${COMPARISON_SLUGS.length} partnerships (the 3 real + bench-0001..0003), governance rows`,
      grants: analyst,
      gateway: { query: comparisonQuery, variables: { slugs: COMPARISON_SLUGS, asOf: BENCH_AS_OF } },
      direct: { subgraph: 'arrangements', query: comparisonQuery, variables: { slugs: COMPARISON_SLUGS, asOf: BENCH_AS_OF } },
      singleSubgraph: true,
      scaling: true,
      sql: {
        text: `WITH b AS (
  SELECT bp.partnership_id, b.kind, b.meeting_frequency
  FROM arrangements.body_partnership bp JOIN arrangements.body b ON b.id = bp.body_id
  WHERE bp.partnership_id = ANY($1) AND (b.valid_from IS NULL OR b.valid_from <= $2) AND (b.valid_to IS NULL OR b.valid_to >= $2)
)
SELECT p.id, p.name, p.population_value, p.population_year,
  (SELECT json_agg(f.kind ORDER BY f.kind) FROM arrangements.statutory_function f WHERE f.partnership_id = p.id) AS functions,
  (SELECT count(*) FROM arrangements.lead_safeguarding_partner l WHERE l.partnership_id = p.id) AS partners,
  (SELECT g.total_minor_units FROM arrangements.budget g WHERE g.partnership_id = p.id AND g.total_minor_units IS NOT NULL ORDER BY g.financial_year DESC NULLS LAST LIMIT 1) AS budget,
  (SELECT count(*) FROM b WHERE b.partnership_id = p.id) AS bodies,
  (SELECT sum((b.meeting_frequency->>'meetingsPerYear')::int) FROM b WHERE b.partnership_id = p.id) AS meetings_per_year,
  (SELECT json_object_agg(k.kind, k.n) FROM (SELECT b.kind, count(*) AS n FROM b WHERE b.partnership_id = p.id GROUP BY b.kind) k) AS bodies_by_kind,
  (SELECT json_agg(json_build_object('target', s.target, 'baseline', s.baseline_value,
      'latest', (SELECT m.value FROM arrangements.success_measurement m WHERE m.statement_id = s.id AND m.measured_on <= $2 ORDER BY m.measured_on DESC LIMIT 1)))
   FROM arrangements.strategic_priority sp JOIN arrangements.success_statement s ON s.priority_id = sp.id
   WHERE sp.partnership_id = p.id AND sp.period_start <= $2 AND sp.period_end >= $2) AS statements
FROM arrangements.partnership p WHERE p.id = ANY($1) ORDER BY array_position($1, p.id)`,
        values: [COMPARISON_SLUGS, BENCH_AS_OF],
      },
    },
    {
      name: 'structure',
      description: `partnership(${LARGE_SLUG}) bodies (100) with members and their organisations (arrangements + membership)`,
      grants: analyst,
      gateway: {
        query: `query Structure($slug: String!, $asOf: Date) { partnership(slug: $slug) { slug name bodies(asOf: $asOf) { ${STRUCTURE_FIELDS} } } }`,
        variables: { slug: LARGE_SLUG, asOf: BENCH_AS_OF },
      },
      singleSubgraph: false,
      scaling: true,
      sql: {
        text: `SELECT b.id, b.name, b.kind, b.reports_to_body_id, b.meeting_frequency,
  (SELECT coalesce(json_agg(json_build_object('role', m.role, 'id', o.id, 'name', o.name, 'sector', o.sector) ORDER BY m.role, o.name), '[]')
   FROM membership.body_membership m JOIN membership.organisation o ON o.id = m.organisation_id
   WHERE m.body_id = b.id AND (m.start_date IS NULL OR m.start_date <= $2) AND (m.end_date IS NULL OR m.end_date >= $2)) AS members
FROM arrangements.body_partnership bp JOIN arrangements.body b ON b.id = bp.body_id
WHERE bp.partnership_id = $1 AND (b.valid_from IS NULL OR b.valid_from <= $2) AND (b.valid_to IS NULL OR b.valid_to >= $2)
ORDER BY b.name`,
        values: [LARGE_SLUG, BENCH_AS_OF],
      },
    },
    {
      name: 'agenda',
      description: 'meeting(id) of the joint LSP forum: its agenda (12 items) and agenda candidates, as the forum secretariat',
      grants: [{ role: 'forum-secretariat', partnershipSlug: null }],
      gateway: { query: agendaQuery, variables: { id: context.forumMeetingId } },
      direct: { subgraph: 'arrangements', query: agendaQuery, variables: { id: context.forumMeetingId } },
      singleSubgraph: true,
      scaling: false,
      sql: {
        text: `WITH m AS (SELECT * FROM arrangements.meeting WHERE id = $1),
w AS (
  SELECT coalesce((SELECT max(h.meeting_date) FROM arrangements.meeting h, m WHERE h.body_id = m.body_id AND h.status = 'HELD' AND h.meeting_date < m.meeting_date), m.meeting_date - 90) AS since,
         m.meeting_date AS until, m.body_id
  FROM m
),
slugs AS (SELECT bp.partnership_id FROM arrangements.body_partnership bp, w WHERE bp.body_id = w.body_id),
items AS (
  SELECT i.position, i.section, i.title, i.minutes_allotted, i.paper_submitted_on, p.id AS owner_slug, p.name AS owner_name
  FROM arrangements.agenda a JOIN m ON a.meeting_id = m.id JOIN arrangements.agenda_item i ON i.agenda_id = a.id
  LEFT JOIN arrangements.partnership p ON p.id = i.owner_partnership_id
),
cadence AS (
  SELECT b.id, b.name, b.meeting_frequency,
    (SELECT count(*) FROM arrangements.meeting h WHERE h.body_id = b.id AND h.status = 'HELD' AND h.meeting_date >= w.since AND h.meeting_date <= w.until) AS held
  FROM w, arrangements.body_partnership bp JOIN arrangements.body b ON b.id = bp.body_id
  WHERE bp.partnership_id IN (SELECT partnership_id FROM slugs) AND b.meeting_frequency IS NOT NULL
    AND (b.valid_from IS NULL OR b.valid_from <= w.until) AND (b.valid_to IS NULL OR b.valid_to >= w.until)
),
statements AS (
  SELECT s.id, sp.partnership_id, sp.title, s.text, s.target, s.baseline_value,
    (SELECT json_build_object('value', x.value, 'on', x.measured_on) FROM arrangements.success_measurement x, w WHERE x.statement_id = s.id AND x.measured_on <= w.until ORDER BY x.measured_on DESC LIMIT 1) AS latest
  FROM w, arrangements.strategic_priority sp JOIN arrangements.success_statement s ON s.priority_id = sp.id
  WHERE sp.partnership_id IN (SELECT partnership_id FROM slugs) AND s.target IS NOT NULL AND sp.period_start <= w.until AND sp.period_end >= w.since
),
chapters AS (
  SELECT c.id, c.number, c.title, c.version, c.effective_from, c.change_summary
  FROM arrangements.regional_procedure_chapter c, w WHERE c.change_summary IS NOT NULL AND c.effective_from > w.since AND c.effective_from <= w.until
)
SELECT (SELECT row_to_json(m) FROM m) AS meeting, (SELECT row_to_json(w) FROM w) AS window,
  (SELECT json_agg(items ORDER BY position) FROM items) AS items, (SELECT json_agg(cadence) FROM cadence) AS cadence,
  (SELECT json_agg(statements) FROM statements) AS statements, (SELECT json_agg(chapters) FROM chapters) AS chapters`,
        values: [context.forumMeetingId],
      },
    },
    {
      name: 'reviews',
      description: `partnership(${LARGE_SLUG}) reviews, one page (published, notified in 2022) with themes (arrangements + reviews)`,
      grants: analyst,
      gateway: {
        query: `query Reviews($slug: String!, $filter: ReviewFilter) { partnership(slug: $slug) { slug reviews(filter: $filter) { ${REVIEW_FIELDS} } } }`,
        variables: { slug: LARGE_SLUG, filter: REVIEW_PAGE },
      },
      direct: {
        subgraph: 'reviews',
        query: `query ReviewsDirect($representations: [_Any!]!, $filter: ReviewFilter) { _entities(representations: $representations) { ... on Partnership { id reviews(filter: $filter) { ${REVIEW_FIELDS} } } } }`,
        variables: { representations: [{ __typename: 'Partnership', id: LARGE_SLUG }], filter: REVIEW_PAGE },
      },
      singleSubgraph: false,
      scaling: false,
      sql: {
        text: `SELECT r.id, r.code, r.status, r.notified_on, r.signed_off_on, r.published_on,
  (SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name) FROM reviews.review_theme rt JOIN reviews.theme t ON t.id = rt.theme_id WHERE rt.review_id = r.id) AS themes
FROM reviews.review r
WHERE r.partnership_id = $1 AND r.status = 'PUBLISHED' AND r.notified_on BETWEEN $2 AND $3
ORDER BY r.notified_on, r.code`,
        values: [LARGE_SLUG, REVIEW_PAGE.notifiedFrom, REVIEW_PAGE.notifiedTo],
      },
    },
    {
      name: 'entities',
      description: `100 Body references to membership (_entities), members of each; via the gateway: partnership(${LARGE_SLUG}) { bodies { members } }`,
      grants: analyst,
      gateway: {
        query: `query Entities($slug: String!, $asOf: Date) { partnership(slug: $slug) { bodies(asOf: $asOf) { id members(asOf: $asOf) { role } } } }`,
        variables: { slug: LARGE_SLUG, asOf: BENCH_AS_OF },
      },
      direct: {
        subgraph: 'membership',
        query: `query EntitiesDirect($representations: [_Any!]!, $asOf: Date) { _entities(representations: $representations) { ... on Body { id members(asOf: $asOf) { role } } } }`,
        variables: { representations: context.largeBodyIds.map((id) => ({ __typename: 'Body', id })), asOf: BENCH_AS_OF },
      },
      singleSubgraph: false,
      scaling: false,
      sql: {
        text: `SELECT m.body_id, json_agg(m.role) AS roles FROM membership.body_membership m
WHERE m.body_id = ANY($1) AND (m.start_date IS NULL OR m.start_date <= $2) AND (m.end_date IS NULL OR m.end_date >= $2)
GROUP BY m.body_id`,
        values: [context.largeBodyIds, BENCH_AS_OF],
      },
    },
  ];
}

/** The structure journey asked about another partnership (the growth run): the same query and SQL, another slug. */
export function structureJourneyFor(journeys: Journey[], slug: string): Journey {
  const structure = journeys.find((journey) => journey.name === 'structure')!;
  return {
    ...structure,
    description: `partnership(${slug}) bodies with members and their organisations (arrangements + membership)`,
    gateway: { ...structure.gateway, variables: { ...structure.gateway.variables, slug } },
    sql: { ...structure.sql, values: [slug, ...structure.sql.values.slice(1)] },
  };
}
