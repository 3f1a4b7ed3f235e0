import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/packs';

export type MeetingStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED';

/** One move of a meeting to another date: the date it left, the date it moved to, why, and who recorded it. */
export interface MeetingReschedule {
  from: string;
  to: string;
  reason: string;
  recordedOn: string;
  recordedBy: string;
}

/** A meeting of a body. Attendance belongs to membership; agendas to the forum work. */
@Entity({ name: 'meeting' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'body_id' }) bodyId: string;
  @Column({ type: 'date', name: 'meeting_date' }) meetingDate: string;
  /** Local start time "HH:MM", when known. */
  @Column({ type: 'text', name: 'start_time', nullable: true }) startTime: string | null;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'boolean', name: 'is_virtual', default: false }) isVirtual: boolean;
  @Column({ type: 'text' }) status: MeetingStatus;
  /** Called in addition to the body's ordinary meetings: may share a date with another meeting of the body. */
  @Column({ type: 'boolean', default: false }) extraordinary: boolean;
  /** The dates the meeting moved from, oldest first (rescheduleMeeting). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) reschedules: MeetingReschedule[];
  @VersionColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
