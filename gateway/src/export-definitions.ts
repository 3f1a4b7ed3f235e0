/**
 * Every CSV export, as data: its path, its parameters, the GraphQL operation it runs through the
 * gateway as the caller, where the rows are in the answer and what each column holds. exports.ts
 * runs them; adding an export is adding an entry here.
 *
 * `rows` walks the answer: `partnership.bodies[body]` makes one row per body, bound as `body`;
 * `body.meetings[meeting].attendance[record]` one per attendance record, with its meeting bound
 * too; `comparePartnerships.(governance|reviews)[row]` one per row of either list, the list's name
 * bound as `branch`. A column's `value` is a path from those names (`body.reportsTo.name`); a path
 * through a list yields every item, joined with "; ". A `pivot` makes a group of columns per key
 * (one per partnership, in the order asked for) from a list of cells in the row.
 */
export type ParameterKind = 'partnership' | 'partnerships' | 'body' | 'date' | 'count';

export interface ExportParameter {
  name: string;
  /** The operation's variable it fills. */
  variable: string;
  kind: ParameterKind;
  required?: boolean;
  /** Used when the parameter is absent (as the text a caller would have sent). */
  default?: string;
  /** Older names still accepted. */
  aliases?: string[];
  description: string;
}

export type CellValue = string | number | boolean | null | undefined;
type Bindings = Record<string, unknown>;

/** A cell of comparePartnerships, as the comparison export's operation asks for it. */
interface ComparisonCell {
  value: number | null;
  text: string | null;
  missingReason: string | null;
}

const comparisonFigure = ({ cell }: Bindings): CellValue => {
  const { value, text, missingReason } = cell as ComparisonCell;
  return value ?? (missingReason ? '' : text);
};

const comparisonNote = ({ cell }: Bindings): CellValue => {
  const { value, text, missingReason } = cell as ComparisonCell;
  return missingReason ?? (value !== null && text ? text : '');
};

export interface Column {
  header: string;
  value: string | ((bindings: Bindings) => CellValue);
}

export interface Pivot {
  pivot: {
    /** Path (from the answer, or `variables.<name>`) to the keys, one column group each. */
    keys: string;
    /** Path from the row's bindings to its list of cells. */
    cells: string;
    /** The cell's field that holds its key. */
    key: string;
    /** Columns for each key; `{key}` in a header is replaced by it; values see the cell as `cell`. */
    columns: Column[];
  };
}

export interface ExportDefinition {
  name: string;
  description: string;
  parameters: ExportParameter[];
  operation: string;
  rows: string;
  columns: (Column | Pivot)[];
}

const partnership = (description = 'the partnership (slug)'): ExportParameter => ({
  name: 'partnership',
  variable: 'slug',
  kind: 'partnership',
  required: true,
  description,
});
const body: ExportParameter = { name: 'body', variable: 'id', kind: 'body', required: true, description: 'the body (id), e.g. telford-and-wrekin.executive' };
const asOf: ExportParameter = { name: 'asOf', variable: 'asOf', kind: 'date', description: 'the date (YYYY-MM-DD; default today)' };
const date = (name: string, description: string, required = false): ExportParameter => ({ name, variable: name, kind: 'date', required, description });
const THREE_PARTNERSHIPS = 'shropshire,telford-and-wrekin,solihull';
const source = [
  { header: 'source document', value: 'source.document' },
  { header: 'source section', value: 'source.section' },
];
const sourceOf = (binding: string) => source.map((column) => ({ ...column, value: `${binding}.${column.value}` }));

export const EXPORT_DEFINITIONS: ExportDefinition[] = [
  {
    name: 'comparison',
    description: 'Partnerships side by side (comparePartnerships): one row per measure, a value and a note column per partnership.',
    parameters: [
      {
        name: 'partnerships',
        variable: 'slugs',
        kind: 'partnerships',
        default: THREE_PARTNERSHIPS,
        aliases: ['slugs'],
        description: 'the partnerships (comma-separated slugs; default all three)',
      },
      asOf,
    ],
    operation: `query ComparisonExport($slugs: [String!]!, $asOf: Date) {
      comparePartnerships(slugs: $slugs, asOf: $asOf) {
        asOf partnershipSlugs
        governance { measure unit cells { partnershipSlug value text missingReason } }
        reviews { measure unit cells { partnershipSlug value text missingReason } }
        thresholds { measure unit cells { partnershipSlug value text missingReason } }
        training { measure unit cells { partnershipSlug value text missingReason } }
      }
    }`,
    rows: 'comparePartnerships.(governance|reviews|thresholds|training)[row]',
    columns: [
      { header: 'section', value: 'branch' },
      { header: 'measure', value: 'row.measure' },
      { header: 'unit', value: 'row.unit' },
      {
        pivot: {
          keys: 'comparePartnerships.partnershipSlugs',
          cells: 'row.cells',
          key: 'partnershipSlug',
          columns: [
            // A figure when there is one; a stated text when that is all there is; blank when missing.
            { header: '{key}', value: comparisonFigure },
            // Why it is missing, or the text that qualifies a figure (a year, a formatted sum).
            { header: '{key} note', value: comparisonNote },
          ],
        },
      },
    ],
  },
  {
    name: 'bodies',
    description: "A partnership's bodies on a date.",
    parameters: [partnership(), asOf],
    operation: `query BodiesExport($slug: String!, $asOf: Date) {
      partnership(slug: $slug) { bodies(asOf: $asOf) { id name kind reportsTo { id name } meetingFrequency { meetingsPerYear description } validFrom validTo source { document section } } }
    }`,
    rows: 'partnership.bodies[body]',
    columns: [
      { header: 'id', value: 'body.id' },
      { header: 'name', value: 'body.name' },
      { header: 'kind', value: 'body.kind' },
      { header: 'reports to', value: 'body.reportsTo.name' },
      { header: 'meetings per year', value: 'body.meetingFrequency.meetingsPerYear' },
      { header: 'frequency', value: 'body.meetingFrequency.description' },
      { header: 'valid from', value: 'body.validFrom' },
      { header: 'valid to', value: 'body.validTo' },
      ...sourceOf('body'),
    ],
  },
  {
    name: 'organisations',
    description: 'The organisation registry.',
    parameters: [],
    operation: `query OrganisationsExport { organisations { id name sector alsoKnownAs } }`,
    rows: 'organisations[organisation]',
    columns: [
      { header: 'id', value: 'organisation.id' },
      { header: 'name', value: 'organisation.name' },
      { header: 'sector', value: 'organisation.sector' },
      { header: 'also known as', value: 'organisation.alsoKnownAs' },
    ],
  },
  {
    name: 'members',
    description: 'The members of a body on a date: who sits on it, for which organisation and in what role.',
    parameters: [body, asOf],
    operation: `query MembersExport($id: ID!, $asOf: Date) {
      body(id: $id) { members(asOf: $asOf) { id organisation { id name sector } post { title } role deputyFor { id } coOptedForReview list startDate endDate source { document section } } }
    }`,
    rows: 'body.members[member]',
    columns: [
      { header: 'membership id', value: 'member.id' },
      { header: 'organisation id', value: 'member.organisation.id' },
      { header: 'organisation', value: 'member.organisation.name' },
      { header: 'sector', value: 'member.organisation.sector' },
      { header: 'post', value: 'member.post.title' },
      { header: 'role', value: 'member.role' },
      { header: 'deputy for (membership id)', value: 'member.deputyFor.id' },
      { header: 'co-opted for review', value: 'member.coOptedForReview' },
      { header: 'list', value: 'member.list' },
      { header: 'start date', value: 'member.startDate' },
      { header: 'end date', value: 'member.endDate' },
      ...sourceOf('member'),
    ],
  },
  {
    name: 'meetings',
    description: "A body's meetings, with each meeting's paperwork deadlines.",
    parameters: [body, date('from', 'the first meeting date (YYYY-MM-DD)'), date('to', 'the last meeting date (YYYY-MM-DD)')],
    operation: `query MeetingsExport($id: ID!, $from: Date, $to: Date) {
      body(id: $id) { meetings(from: $from, to: $to) { id date startTime location virtual status paperwork { papersDueOn draftActionNotesDueOn amendmentRequestsCloseOn notesBecomeRecordOn statedForThisBody } } }
    }`,
    rows: 'body.meetings[meeting]',
    columns: [
      { header: 'meeting id', value: 'meeting.id' },
      { header: 'date', value: 'meeting.date' },
      { header: 'start time', value: 'meeting.startTime' },
      { header: 'location', value: 'meeting.location' },
      { header: 'virtual', value: 'meeting.virtual' },
      { header: 'status', value: 'meeting.status' },
      { header: 'papers due', value: 'meeting.paperwork.papersDueOn' },
      { header: 'draft action notes due', value: 'meeting.paperwork.draftActionNotesDueOn' },
      { header: 'amendment requests close', value: 'meeting.paperwork.amendmentRequestsCloseOn' },
      { header: 'notes become the record', value: 'meeting.paperwork.notesBecomeRecordOn' },
      { header: 'paperwork clock stated for this body', value: 'meeting.paperwork.statedForThisBody' },
    ],
  },
  {
    name: 'attendance',
    description:
      "Attendance at a body's meetings: one row per member per meeting, with the meeting's quorum. Analysts, regional admins and the body's own partnerships may read it.",
    parameters: [body, date('from', 'the first meeting date (YYYY-MM-DD)'), date('to', 'the last meeting date (YYYY-MM-DD)')],
    operation: `query AttendanceExport($id: ID!, $from: Date, $to: Date) {
      body(id: $id) { meetings(from: $from, to: $to) {
        id date status quorum { quorate }
        attendance { membership { id } organisation { name } post { title } outcome attendedAs apologyReason apologyReasonValid unexplained }
      } }
    }`,
    rows: 'body.meetings[meeting].attendance[record]',
    columns: [
      { header: 'meeting id', value: 'meeting.id' },
      { header: 'meeting date', value: 'meeting.date' },
      { header: 'meeting status', value: 'meeting.status' },
      { header: 'meeting quorate', value: 'meeting.quorum.quorate' },
      { header: 'membership id', value: 'record.membership.id' },
      { header: 'organisation', value: 'record.organisation.name' },
      { header: 'post', value: 'record.post.title' },
      { header: 'outcome', value: 'record.outcome' },
      { header: 'attended as', value: 'record.attendedAs' },
      { header: 'apology reason', value: 'record.apologyReason' },
      { header: 'apology reason valid', value: 'record.apologyReasonValid' },
      { header: 'unexplained absence', value: 'record.unexplained' },
    ],
  },
  {
    name: 'reviews',
    description:
      "A partnership's case reviews and audits with their clocks: due date, whether overdue, days late. Unpublished ones only for the partnership's own members and admins.",
    parameters: [partnership()],
    operation: `query ReviewsExport($slug: String!) {
      partnership(slug: $slug) { reviews { id code kind { name } status notifiedOn startedOn signedOffOn publishedOn dueDate isOverdue daysLate workingDaysTaken themes { name } isSynthetic } }
    }`,
    rows: 'partnership.reviews[review]',
    columns: [
      { header: 'id', value: 'review.id' },
      { header: 'code', value: 'review.code' },
      { header: 'kind', value: 'review.kind.name' },
      { header: 'status', value: 'review.status' },
      { header: 'notified on', value: 'review.notifiedOn' },
      { header: 'started on', value: 'review.startedOn' },
      { header: 'signed off on', value: 'review.signedOffOn' },
      { header: 'published on', value: 'review.publishedOn' },
      { header: 'due date', value: 'review.dueDate' },
      { header: 'overdue', value: 'review.isOverdue' },
      { header: 'days late', value: 'review.daysLate' },
      { header: 'working days taken', value: 'review.workingDaysTaken' },
      { header: 'themes', value: 'review.themes.name' },
      { header: 'synthetic', value: 'review.isSynthetic' },
    ],
  },
  {
    name: 'review-timeliness',
    description: 'Per kind of review: how many were signed off between from and to, how many on time, the median working days, how many are overdue on asOf.',
    parameters: [
      partnership(),
      date('from', 'the first sign-off date counted (YYYY-MM-DD)', true),
      date('to', 'the last sign-off date counted (YYYY-MM-DD)', true),
      asOf,
    ],
    operation: `query ReviewTimelinessExport($slug: String!, $from: Date!, $to: Date!, $asOf: Date) {
      partnership(slug: $slug) { reviewTimeliness(from: $from, to: $to, asOf: $asOf) {
        reviewKind { id name } clock { description } completed completedOnTime completedLate medianWorkingDaysToSignOff
        openNow overdueNow learningBriefingsOnTime actionPlansCompletedOnTime actionPlansOverdueNow
      } }
    }`,
    rows: 'partnership.reviewTimeliness[kind]',
    columns: [
      { header: 'review kind id', value: 'kind.reviewKind.id' },
      { header: 'review kind', value: 'kind.reviewKind.name' },
      { header: 'clock', value: 'kind.clock.description' },
      { header: 'completed', value: 'kind.completed' },
      { header: 'completed on time', value: 'kind.completedOnTime' },
      { header: 'completed late', value: 'kind.completedLate' },
      { header: 'median working days to sign-off', value: 'kind.medianWorkingDaysToSignOff' },
      { header: 'open now', value: 'kind.openNow' },
      { header: 'overdue now', value: 'kind.overdueNow' },
      { header: 'learning briefings on time', value: 'kind.learningBriefingsOnTime' },
      { header: 'action plans completed on time', value: 'kind.actionPlansCompletedOnTime' },
      { header: 'action plans overdue now', value: 'kind.actionPlansOverdueNow' },
    ],
  },
  {
    name: 'repeated-themes',
    description: 'Themes found in at least minimumReviews reviews (default 2), one row per theme and partnership.',
    parameters: [
      { name: 'partnerships', variable: 'slugs', kind: 'partnerships', description: 'the partnerships (comma-separated slugs; default all three)' },
      date('from', 'the first notification date counted (YYYY-MM-DD)'),
      date('to', 'the last notification date counted (YYYY-MM-DD)'),
      { name: 'minimumReviews', variable: 'minimumReviews', kind: 'count', description: 'how many reviews make a theme repeated (default 2)' },
    ],
    operation: `query RepeatedThemesExport($slugs: [String!], $from: Date, $to: Date, $minimumReviews: Int = 2) {
      repeatedThemes(partnershipSlugs: $slugs, from: $from, to: $to, minimumReviews: $minimumReviews) {
        theme { id name } reviewCount partnershipCount byPartnership { partnership { slug } reviewCount }
      }
    }`,
    rows: 'repeatedThemes[repeated].byPartnership[count]',
    columns: [
      { header: 'theme id', value: 'repeated.theme.id' },
      { header: 'theme', value: 'repeated.theme.name' },
      { header: 'reviews (all partnerships)', value: 'repeated.reviewCount' },
      { header: 'partnerships', value: 'repeated.partnershipCount' },
      { header: 'partnership', value: 'count.partnership.slug' },
      { header: 'reviews (this partnership)', value: 'count.reviewCount' },
    ],
  },
  {
    name: 'training-reach',
    description:
      "Training reach by agency between from and to: places booked, attendances, sessions attended. Analysts and the partnership's own members may read it.",
    parameters: [partnership(), date('from', 'the first session date (YYYY-MM-DD)', true), date('to', 'the last session date (YYYY-MM-DD)', true)],
    operation: `query TrainingReachExport($slug: String!, $from: Date!, $to: Date!) {
      partnership(slug: $slug) { trainingReach(from: $from, to: $to) { byAgency { organisation { id name } sector placesBooked attendances sessionsAttended } } }
    }`,
    rows: 'partnership.trainingReach.byAgency[agency]',
    columns: [
      { header: 'organisation id', value: 'agency.organisation.id' },
      { header: 'organisation', value: 'agency.organisation.name' },
      { header: 'sector', value: 'agency.sector' },
      { header: 'places booked', value: 'agency.placesBooked' },
      { header: 'attendances', value: 'agency.attendances' },
      { header: 'sessions attended', value: 'agency.sessionsAttended' },
    ],
  },
  {
    name: 'learning-coverage',
    description: "For each theme the partnership's reviews raised: the courses that teach it and their sessions since a date; 'addressed' is false for a gap.",
    parameters: [partnership(), date('since', 'the first session date counted (YYYY-MM-DD; default 1 April two financial years ago)')],
    operation: `query LearningCoverageExport($slug: String!, $since: Date) {
      learningCoverage(partnershipSlug: $slug, since: $since) { since themes { theme { id name } addressed courses { id title } sessions { id date } } }
    }`,
    rows: 'learningCoverage.themes[coverage]',
    columns: [
      { header: 'theme id', value: 'coverage.theme.id' },
      { header: 'theme', value: 'coverage.theme.name' },
      { header: 'addressed', value: 'coverage.addressed' },
      { header: 'courses', value: 'coverage.courses.title' },
      { header: 'sessions', value: ({ coverage }) => (coverage as { sessions: unknown[] }).sessions.length },
      { header: 'session dates', value: 'coverage.sessions.date' },
      { header: 'since', value: 'learningCoverage.since' },
    ],
  },
  {
    name: 'threshold-crosswalk',
    description: "The regional threshold crosswalk: one row per regional level, with each partnership's levels that map onto it.",
    parameters: [
      {
        name: 'partnerships',
        variable: 'slugs',
        kind: 'partnerships',
        default: THREE_PARTNERSHIPS,
        description: 'the partnerships (comma-separated slugs; default all three)',
      },
      asOf,
    ],
    operation: `query ThresholdCrosswalkExport($slugs: [String!]!, $asOf: Date) {
      compareThresholds(partnershipSlugs: $slugs, asOf: $asOf) { regionalLevel { rank name } entries { partnershipSlug model { title } levels { name } } }
    }`,
    rows: 'compareThresholds[row]',
    columns: [
      { header: 'regional rank', value: 'row.regionalLevel.rank' },
      { header: 'regional level', value: 'row.regionalLevel.name' },
      {
        pivot: {
          keys: 'variables.slugs',
          cells: 'row.entries',
          key: 'partnershipSlug',
          columns: [
            { header: '{key}', value: 'cell.levels.name' },
            { header: '{key} model', value: 'cell.model.title' },
          ],
        },
      },
    ],
  },
];
