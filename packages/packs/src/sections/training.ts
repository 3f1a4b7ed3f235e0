import { z } from 'zod';
import { provenance } from '../provenance';
import { defineSection, type PackReference } from './definition';

/**
 * The training subgraph's section of a partnership pack: the courses the partnership offers and
 * the sessions it has scheduled. Sessions held and places booked are history, not facts a
 * partnership maintains: the subgraph generates them (labelled synthetic) and never exports them.
 *
 * Open-standard names: a course is a schema.org Course (name → title, description → summary,
 * educationalLevel → level, audience), a session a schema.org CourseInstance (courseMode →
 * deliveryMethod, location → venue or virtualLink, maximumAttendeeCapacity → capacity), the
 * offering partnerships the course's provider organisations (W3C ORG: org:Organization).
 */

const slug = /^[a-z0-9][a-z0-9-]{0,63}$/;
const courseId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]{0,126}$/,
    'a course id is "<partnership slug or joint>.<title slug>", e.g. "shropshire.neglect-recognising-and-responding"',
  )
  .describe('The course\'s stable id: the offering partnership\'s slug (or "joint" for a joint course), a dot, and a slug of the title.');

export const TRAINING_AUDIENCES = ['CHILDREN_AND_FAMILIES_WORKFORCE', 'ADULTS_WORKFORCE', 'WHOLE_WORKFORCE', 'MANAGERS_AND_SUPERVISORS'] as const;
export const TRAINING_LEVELS = ['AWARENESS', 'FOUNDATION', 'ADVANCED', 'SPECIALIST'] as const;
export const TRAINING_DELIVERY_METHODS = ['E_LEARNING', 'FACE_TO_FACE', 'VIRTUAL', 'CONFERENCE', 'CASE_STUDY', 'ACTION_LEARNING'] as const;
export const TRAINING_LEARNING_SOURCES = [
  'SAFEGUARDING_PRACTICE_REVIEW',
  'MULTI_AGENCY_CASE_FILE_AUDIT',
  'INSPECTION',
  'SECTION_11_AUDIT',
  'PARTNERSHIP_PRIORITY',
  'NATIONAL_PRIORITY',
  'PRACTITIONER_FEEDBACK',
] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD, e.g. 2027-05-12')
  .describe('A day, YYYY-MM-DD.');
const clockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time is HH:MM on the 24-hour clock, e.g. 09:30')
  .describe('A time of day, HH:MM on the 24-hour clock.');

export const regionalProcedureChapter = z
  .strictObject({
    procedure: z
      .string()
      .regex(slug, 'a regional procedure id is a slug, e.g. "west-midlands-regional-child-protection-procedures"')
      .describe('The West Midlands regional procedure (its id in the regional pack).'),
    title: z.string().min(1).max(200).describe('The chapter of that procedure the course teaches, by its title.'),
  })
  .describe('A chapter of a West Midlands regional procedure the course teaches.');

export const trainingSession = z
  .strictObject({
    date: isoDate.describe("The day the session is held (YYYY-MM-DD). With startTime, the session's key in the pack."),
    startTime: clockTime.describe('When it starts (HH:MM).'),
    endTime: clockTime.describe('When it ends (HH:MM), after startTime.'),
    deliveryMethod: z.enum(TRAINING_DELIVERY_METHODS).describe('How it is delivered; VIRTUAL and E_LEARNING are online, the others in person.'),
    venue: z.string().min(1).max(200).optional().describe('Where it is held: in-person sessions only.'),
    virtualLink: z.string().min(1).max(500).optional().describe('The https:// link to join: online sessions only.'),
    capacity: z.number().int().min(1).max(500).describe('Places on the session (1 to 500); never below the places already booked.'),
    provenance,
  })
  .describe('A session the partnership has scheduled (schema.org CourseInstance). Removing one from the pack cancels it.');

export const trainingCourse = z
  .strictObject({
    id: courseId,
    title: z.string().min(1).max(200).describe('The course title, one line (schema.org name).'),
    summary: z.string().min(1).max(4000).describe('What the course covers (schema.org description).'),
    jointWith: z
      .array(z.string().regex(slug, 'a partnership is named by its slug, e.g. "telford-and-wrekin"'))
      .optional()
      .describe(
        "The other partnerships offering this course jointly; a joint course is listed, identically, in each offering partnership's pack. Adding or removing a partnership here needs the rights of that partnership too.",
      ),
    themes: z.array(z.string().regex(slug)).min(1).max(12).describe('The shared themes the course teaches (ids of the theme vocabulary).'),
    regionalProcedureChapters: z
      .array(regionalProcedureChapter)
      .optional()
      .describe('The chapters of the West Midlands regional procedures the course is based on.'),
    audience: z.enum(TRAINING_AUDIENCES).describe('The workforce the course is for (schema.org audience).'),
    level: z.enum(TRAINING_LEVELS).describe('How deep it goes (schema.org educationalLevel).'),
    deliveryMethods: z
      .array(z.enum(TRAINING_DELIVERY_METHODS))
      .min(1)
      .describe('The ways the course is delivered (schema.org courseMode); the synthetic history draws its sessions from these.'),
    informedBy: z
      .array(z.enum(TRAINING_LEARNING_SOURCES))
      .min(1)
      .describe('The sources of learning the course answers (reviews, audits, inspections, priorities).'),
    provider: z
      .string()
      .regex(slug)
      .optional()
      .describe('The organisation that delivers it (an organisation registry id); left out when the partnership delivers it.'),
    retiredOn: isoDate.optional().describe('The last day the course is offered; left out while current.'),
    provenance: provenance.describe(
      'Where the course comes from: stated only when a source document names this very course; a course written to make the programme realistic is synthetic.',
    ),
    sessions: z.array(trainingSession).optional().describe('Sessions the partnership has scheduled; the history of sessions held is generated, not kept here.'),
  })
  .describe('A multi-agency course the partnership offers (schema.org Course).');

export const partnershipTraining = z
  .strictObject({
    courses: z.array(trainingCourse).describe('The courses the partnership offers, joint courses included, by id.'),
  })
  .describe("training.yaml: a partnership's multi-agency training programme.");

export type TrainingCourseValue = z.infer<typeof trainingCourse>;
export type TrainingSessionValue = z.infer<typeof trainingSession>;
export type PartnershipTrainingValue = z.infer<typeof partnershipTraining>;

/** The training subgraph's section of a partnership pack. */
export const partnershipTrainingSection = defineSection({
  subgraph: 'training',
  scope: 'partnership',
  schema: partnershipTraining,
  defines: (value): PackReference[] => value.courses.map((course, index) => ({ kind: 'course', id: course.id, path: ['courses', index, 'id'] })),
  references: (value): PackReference[] =>
    value.courses.flatMap((course, index) => [
      ...course.themes.map((id, at): PackReference => ({ kind: 'theme', id, path: ['courses', index, 'themes', at] })),
      ...(course.regionalProcedureChapters ?? []).map((chapter, at): PackReference => ({
        kind: 'regional-procedure',
        id: chapter.procedure,
        path: ['courses', index, 'regionalProcedureChapters', at, 'procedure'],
      })),
      ...(course.jointWith ?? []).map((id, at): PackReference => ({ kind: 'partnership', id, path: ['courses', index, 'jointWith', at] })),
      ...(course.provider ? [{ kind: 'organisation' as const, id: course.provider, path: ['courses', index, 'provider'] }] : []),
    ]),
});
