import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaTables } from '@safeguarding/database';

/** Agendas with versioned publication, action notes, and regional procedure chapters. */
export class CreateAgendas1732900000000 implements MigrationInterface {
  name = 'CreateAgendas1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${t('agenda')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL UNIQUE REFERENCES ${t('meeting')}(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        version integer NOT NULL DEFAULT 1,
        published_version integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('agenda_item')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_id uuid NOT NULL REFERENCES ${t('agenda')}(id) ON DELETE CASCADE,
        position integer NOT NULL,
        section text NOT NULL CHECK (section IN ('JOINT', 'CHILDREN', 'ADULTS')),
        title text NOT NULL,
        owner_partnership_id text REFERENCES ${t('partnership')}(id),
        presenter_organisation_id text,
        presenter_post text,
        paper_title text,
        paper_submitted_on date,
        minutes_allotted integer NOT NULL CHECK (minutes_allotted BETWEEN 1 AND 480),
        decision_sought text,
        subject_type text,
        subject_id text,
        candidate_key text,
        added_by text NOT NULL,
        UNIQUE (agenda_id, candidate_key)
      )`);
    await queryRunner.query(`CREATE INDEX agenda_item_agenda ON ${t('agenda_item')} (agenda_id, position)`);
    await queryRunner.query(`
      CREATE TABLE ${t('agenda_version')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_id uuid NOT NULL REFERENCES ${t('agenda')}(id) ON DELETE CASCADE,
        number integer NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL,
        change_note text,
        items jsonb NOT NULL,
        UNIQUE (agenda_id, number)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('meeting_action_notes')} (
        meeting_id uuid PRIMARY KEY REFERENCES ${t('meeting')}(id) ON DELETE CASCADE,
        text text NOT NULL,
        issued_on date NOT NULL,
        issued_by text NOT NULL,
        amendment_requests jsonb NOT NULL DEFAULT '[]'
      )`);
    await queryRunner.query(`
      CREATE TABLE ${t('regional_procedure_chapter')} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        procedure_id text NOT NULL REFERENCES ${t('regional_procedure')}(id) ON DELETE CASCADE,
        number text NOT NULL,
        title text NOT NULL,
        version text NOT NULL,
        effective_from date NOT NULL,
        change_summary text,
        source jsonb NOT NULL,
        UNIQUE (procedure_id, number, version)
      )`);
    await queryRunner.query(`ALTER TABLE ${t('regional_procedure_adoption')} ADD COLUMN local_variation text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTables(queryRunner);
    await queryRunner.query(`ALTER TABLE ${t('regional_procedure_adoption')} DROP COLUMN local_variation`);
    for (const table of ['regional_procedure_chapter', 'meeting_action_notes', 'agenda_version', 'agenda_item', 'agenda']) {
      await queryRunner.query(`DROP TABLE ${t(table)}`);
    }
  }
}
