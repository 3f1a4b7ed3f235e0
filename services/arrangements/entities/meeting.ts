import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { SourceCitation } from '@safeguarding/seed-types';

export type MeetingStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED';

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
  @VersionColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) source: SourceCitation;
}
