import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredSource } from '@safeguarding/packs';
import type { ChairRuleSnapshot } from '../rules/chair-rule';

/**
 * What membership needs to know about a body arrangements owns, without calling arrangements:
 * its partnerships (for permissions), its kind (the joint forum's secretariat may edit it) and a
 * snapshot of its chair rule (so appointChair can refuse a breach; reads use the live rule through
 * @requires). Seeded from a copy of arrangements' static seed data that a test keeps identical.
 * The row is also the lock that serialises edits of one body's membership.
 */
@Entity({ name: 'body_reference' })
export class BodyReferenceEntity {
  @PrimaryColumn({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text', array: true, name: 'partnership_ids' }) partnershipIds: string[];
  @Column({ type: 'jsonb', name: 'chair_rule', nullable: true }) chairRule: ChairRuleSnapshot | null;
  /** Bumped by every membership edit of the body. */
  @Column({ type: 'integer', name: 'membership_version', default: 1 }) membershipVersion: number;
}

/** A role in an organisation; what sits on a body. */
@Entity({ name: 'post' })
export class PostEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'organisation_id' }) organisationId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', array: true, name: 'also_known_as', default: () => "'{}'" }) alsoKnownAs: string[];
  @Column({ type: 'jsonb', nullable: true }) source: StoredSource | null;
}

/** A person holding a post for a period (the seed names posts only). */
@Entity({ name: 'post_holding' })
export class PostHoldingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'post_id' }) postId: string;
  @Column({ type: 'text', name: 'person_name' }) personName: string;
  @Column({ type: 'date', name: 'start_date', nullable: true }) startDate: string | null;
  @Column({ type: 'date', name: 'end_date', nullable: true }) endDate: string | null;
}

export type MembershipRole = 'MEMBER' | 'NAMED_DEPUTY' | 'VIRTUAL_MEMBER' | 'CO_OPTED' | 'CHAIR' | 'VICE_CHAIR';

/** A seat on a body: an organisation (and usually a post) in a role, for a period. */
@Entity({ name: 'body_membership' })
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'text', name: 'organisation_id' }) organisationId: string;
  @Column({ type: 'uuid', name: 'post_id', nullable: true }) postId: string | null;
  @Column({ type: 'text' }) role: MembershipRole;
  @Column({ type: 'uuid', name: 'deputy_for_membership_id', nullable: true }) deputyForMembershipId: string | null;
  @Column({ type: 'text', name: 'co_opted_for_review', nullable: true }) coOptedForReview: string | null;
  /** The sub-list of the document's table, e.g. "Children", "Adults", "Virtual Members". */
  @Column({ type: 'text', name: 'list', nullable: true }) list: string | null;
  @Column({ type: 'date', name: 'start_date', nullable: true }) startDate: string | null;
  @Column({ type: 'date', name: 'end_date', nullable: true }) endDate: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'jsonb', nullable: true }) source: StoredSource | null;
  /** Where the start and end dates come from when that differs from the seat's source (a term inferred from a rule). */
  @Column({ type: 'jsonb', name: 'term_source', nullable: true }) termSource: StoredSource | null;
  /** Bumped by every correction of the seat (correctChairAppointment); expectedVersion is checked against it. */
  @Column({ type: 'integer', default: 1 }) version: number;
}

export type DesignationKind =
  'LEAD_SAFEGUARDING_PARTNER' | 'DELEGATED_SAFEGUARDING_PARTNER' | 'INDEPENDENT_SCRUTINEER' | 'INDEPENDENT_CHAIR' | 'ACCOUNTABLE_BODY';

/**
 * A designation for a term: null dates when the documents state none (held since before the
 * records, or until further notice). A change of holder is a new row from a date (succession); a
 * correction edits the row in place and bumps its version.
 */
@Entity({ name: 'designation' })
export class DesignationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'partnership_id' }) partnershipId: string;
  @Column({ type: 'text' }) kind: DesignationKind;
  @Column({ type: 'text', name: 'organisation_id' }) organisationId: string;
  @Column({ type: 'uuid', name: 'post_id', nullable: true }) postId: string | null;
  @Column({ type: 'date', name: 'start_date', nullable: true }) startDate: string | null;
  @Column({ type: 'date', name: 'end_date', nullable: true }) endDate: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  /** Null for a designation recorded through the API. */
  @Column({ type: 'jsonb', nullable: true }) source: StoredSource | null;
}

export type AttendanceOutcome = 'ATTENDED' | 'APOLOGIES' | 'ABSENT';
export type AttendedAs = 'MEMBER' | 'NAMED_DEPUTY';

/**
 * One seat's attendance at one meeting. Meetings belong to arrangements and their ids are generated
 * there: a record names the meeting's id when the caller gave it (meetingId), and always its body
 * and date; a record without a meetingId belongs to the body's meeting on that date.
 */
@Entity({ name: 'attendance' })
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'date', name: 'meeting_date' }) meetingDate: string;
  /** Arrangements' meeting id; null when recorded by body and date alone. */
  @Column({ type: 'uuid', name: 'meeting_id', nullable: true }) meetingId: string | null;
  @Column({ type: 'uuid', name: 'membership_id' }) membershipId: string;
  @Column({ type: 'text' }) outcome: AttendanceOutcome;
  @Column({ type: 'text', name: 'attended_as', nullable: true }) attendedAs: AttendedAs | null;
  @Column({ type: 'text', name: 'apology_reason', nullable: true }) apologyReason: string | null;
  @Column({ type: 'boolean', name: 'apology_reason_valid', nullable: true }) apologyReasonValid: boolean | null;
  @Column({ type: 'jsonb', nullable: true }) source: StoredSource | null;
}
