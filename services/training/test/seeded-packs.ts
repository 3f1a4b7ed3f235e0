import fs from 'node:fs';
import path from 'node:path';
import { packFolders, partnershipTrainingSection, readPackFile, type TrainingCourseValue } from '@safeguarding/packs';
import { generateTrainingHistory, type CourseForHistory, type TrainingSeedData } from '../seed/history';

/**
 * The oracle of the seeded programme: the packs' training.yaml files as a reader of them sees
 * them, and the history the generator makes from their courses (as the seed does).
 */
export interface PackCourse extends TrainingCourseValue {
  /** Every partnership offering it: the pack's own and its jointWith. */
  partnershipIds: string[];
}

export function readTrainingPack(scope: string): string {
  return fs.readFileSync(
    path.join(
      packFolders().find((folder) => path.basename(folder) === scope)!,
      'training.yaml',
    ),
    'utf8',
  );
}

export function packCourses(): PackCourse[] {
  const byId = new Map<string, PackCourse>();
  for (const folder of packFolders()) {
    const file = path.join(folder, 'training.yaml');
    if (!fs.existsSync(file)) continue;
    const scope = path.basename(folder);
    const read = readPackFile(file, fs.readFileSync(file, 'utf8'), partnershipTrainingSection.schema);
    if (!read.value) throw new Error(`${file} does not read: ${JSON.stringify(read.problems)}`);
    for (const course of read.value.courses) byId.set(course.id, { ...course, partnershipIds: [scope, ...(course.jointWith ?? [])].sort() });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function seededHistory(): TrainingSeedData {
  return generateTrainingHistory(packCourses().map((course): CourseForHistory => course));
}
