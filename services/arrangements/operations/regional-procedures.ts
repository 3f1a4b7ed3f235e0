import {
  badUserInput,
  conflict,
  isUniqueViolation,
  isUuid,
  multiLineText,
  notFound,
  notPermitted,
  singleLineText,
  todayInEngland,
} from '@safeguarding/subgraph-runtime';
import { mayAct } from '../access';
import type { OperationContext } from '../context';
import { RegionalProcedureAdoptionChapterEntity, RegionalProcedureAdoptionEntity, RegionalProcedureChapterEntity, RegionalProcedureEntity } from '../entities';
import type {
  AddRegionalProcedureChapterInput,
  AdoptRegionalProcedureInput,
  PublishChapterVersionInput,
  UpdateRegionalProcedureAdoptionInput,
} from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import type { AdoptedChapterParent } from '../models';
import { checkChapterAdoption, checkNewChapterVersion, followedChapters, isChapterNumber, latestVersions, versionsInForce } from '../rules/procedure-adoption';
import { lockRow } from './strategic-plan-edits';

const NOT_REGIONAL_ADMIN = 'Only a regional-admin may add or change the shared regional procedures.';
const REGIONAL_SOURCE = (subject: string, mutation: string) => ({
  document: 'recorded through the API',
  section: `${mutation} by ${subject}`,
  synthetic: false,
});

/** The chapter versions an adoption follows (it keeps each until it adopts a newer one). */
export async function adoptedChapters(adoption: RegionalProcedureAdoptionEntity, loaders: ArrangementsLoaders): Promise<AdoptedChapterParent[]> {
  const [chapters, records] = await Promise.all([loaders.chaptersByProcedure.load(adoption.procedureId), loaders.adoptedChapterRecords.load(adoption.id)]);
  return followedChapters(chapters, records);
}

const versionLabel = (value: string, field: string) => {
  const label = singleLineText(value, field, 20);
  if (!/^[0-9A-Za-z][0-9A-Za-z.-]*$/.test(label)) throw badUserInput(`${field} is a short label of letters, digits, dots and hyphens, e.g. 2 or 2.1`, field);
  return label;
};

/** A regional-admin adds a chapter (its first version) to a procedure. */
export async function addRegionalProcedureChapter(
  { caller, dataSource, loaders }: OperationContext,
  procedureId: string,
  input: AddRegionalProcedureChapterInput,
): Promise<RegionalProcedureChapterEntity> {
  const procedure = await loaders.procedure.load(procedureId);
  if (!procedure) throw notFound(`No regional procedure has the id "${procedureId.slice(0, 80)}"; query regionalProcedures { id } for the ids.`);
  if (!mayAct(caller, 'editRegionalProcedures', [])) throw notPermitted(caller, NOT_REGIONAL_ADMIN);
  const number = input.number.trim();
  if (!isChapterNumber(number)) throw badUserInput('number is digits separated by dots, e.g. 4.3', 'input.number');
  const title = singleLineText(input.title, 'input.title', 200);
  const version = versionLabel(input.version, 'input.version');
  return dataSource.transaction(async (manager) => {
    // Chapters of one procedure are added one at a time, so a number is never taken twice.
    await lockRow(manager, RegionalProcedureEntity, procedureId);
    if (await manager.getRepository(RegionalProcedureChapterEntity).existsBy({ procedureId, number })) {
      throw conflict(`Chapter ${number} already exists in this procedure; publish a new version of it instead.`);
    }
    const inserted = await manager.getRepository(RegionalProcedureChapterEntity).insert({
      procedureId,
      number,
      title,
      version,
      effectiveFrom: input.effectiveFrom,
      changeSummary: null,
      source: REGIONAL_SOURCE(caller.subject, 'addRegionalProcedureChapter'),
    });
    return manager.getRepository(RegionalProcedureChapterEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/**
 * A regional-admin publishes a new version of a chapter. The caller names the version they read; if
 * it is no longer the latest of its number, CONFLICT. Earlier versions stay, and no adoption moves.
 */
export async function publishRegionalProcedureChapterVersion(
  { caller, dataSource, loaders }: OperationContext,
  chapterId: string,
  input: PublishChapterVersionInput,
): Promise<RegionalProcedureChapterEntity> {
  const read = isUuid(chapterId) ? await loaders.chapter.load(chapterId) : null;
  if (!read) throw notFound(`No regional procedure chapter has the id "${chapterId.slice(0, 80)}".`);
  if (!mayAct(caller, 'editRegionalProcedures', [])) throw notPermitted(caller, NOT_REGIONAL_ADMIN);
  const version = versionLabel(input.version, 'input.version');
  const title = input.title == null ? read.title : singleLineText(input.title, 'input.title', 200);
  const changeSummary = multiLineText(input.changeSummary, 'input.changeSummary', 2000);
  return dataSource.transaction(async (manager) => {
    await lockRow(manager, RegionalProcedureEntity, read.procedureId);
    const versions = await manager.getRepository(RegionalProcedureChapterEntity).findBy({ procedureId: read.procedureId, number: read.number });
    if (latestVersions(versions).get(read.number)!.id !== read.id) {
      throw conflict(`Version ${read.version} of chapter ${read.number} is no longer the latest: someone published a newer one; read the chapter again.`);
    }
    const problem = checkNewChapterVersion(versions, { version, effectiveFrom: input.effectiveFrom });
    if (problem) throw badUserInput(problem.message, `input.${problem.field}`);
    const inserted = await manager.getRepository(RegionalProcedureChapterEntity).insert({
      procedureId: read.procedureId,
      number: read.number,
      title,
      version,
      effectiveFrom: input.effectiveFrom,
      changeSummary,
      source: REGIONAL_SOURCE(caller.subject, 'publishRegionalProcedureChapterVersion'),
    });
    return manager.getRepository(RegionalProcedureChapterEntity).findOneByOrFail({ id: inserted.identifiers[0]!.id as string });
  });
}

/** A partnership-admin records that their partnership adopts a procedure, following the chapter versions in force today. */
export async function adoptRegionalProcedure(
  { caller, dataSource, loaders }: OperationContext,
  procedureId: string,
  partnershipSlug: string,
  input: AdoptRegionalProcedureInput,
): Promise<RegionalProcedureAdoptionEntity> {
  const procedure = await loaders.procedure.load(procedureId);
  if (!procedure) throw notFound(`No regional procedure has the id "${procedureId.slice(0, 80)}"; query regionalProcedures { id } for the ids.`);
  const partnership = await loaders.partnership.load(partnershipSlug);
  if (!partnership) throw notFound(`No partnership has the slug "${partnershipSlug.slice(0, 80)}".`);
  if (!mayAct(caller, 'adoptRegionalProcedure', [partnership.id])) {
    throw notPermitted(caller, 'Only a partnership-admin of the adopting partnership may record its adoption of a regional procedure.');
  }
  const how = multiLineText(input.how, 'input.how', 2000);
  const localVariation = input.localVariation == null ? null : multiLineText(input.localVariation, 'input.localVariation', 4000);
  const today = todayInEngland();
  const inForce = versionsInForce(await loaders.chaptersByProcedure.load(procedureId), today);
  try {
    return await dataSource.transaction(async (manager) => {
      const inserted = await manager.getRepository(RegionalProcedureAdoptionEntity).insert({
        procedureId,
        partnershipId: partnership.id,
        how,
        localVariation,
        adoptedOn: today,
        source: REGIONAL_SOURCE(caller.subject, 'adoptRegionalProcedure'),
      });
      const adoptionId = inserted.identifiers[0]!.id as string;
      if (inForce.length > 0) {
        await manager
          .getRepository(RegionalProcedureAdoptionChapterEntity)
          .insert(
            inForce.map((chapter) => ({ adoptionId, chapterId: chapter.id, chapterNumber: chapter.number, adoptedOn: today, recordedBy: caller.subject })),
          );
      }
      return manager.getRepository(RegionalProcedureAdoptionEntity).findOneByOrFail({ id: adoptionId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${partnership.name} already adopts this procedure; change that adoption instead.`);
    throw error;
  }
}

/**
 * A partnership-admin changes their adoption: how it is used, its local amendments, and newer chapter
 * versions taken up (each newer than the version followed now: rules/procedure-adoption.ts).
 */
export async function updateRegionalProcedureAdoption(
  { caller, dataSource, loaders }: OperationContext,
  id: string,
  expectedVersion: number,
  input: UpdateRegionalProcedureAdoptionInput,
): Promise<RegionalProcedureAdoptionEntity> {
  const adoption = isUuid(id) ? await dataSource.getRepository(RegionalProcedureAdoptionEntity).findOneBy({ id }) : null;
  if (!adoption) throw notFound(`No regional procedure adoption has the id "${id.slice(0, 80)}".`);
  if (!mayAct(caller, 'adoptRegionalProcedure', [adoption.partnershipId])) {
    throw notPermitted(caller, 'Only a partnership-admin of the adopting partnership may change its adoption.');
  }
  const changes: Partial<RegionalProcedureAdoptionEntity> = {};
  if (input.how != null) changes.how = multiLineText(input.how, 'input.how', 2000);
  if (input.localVariation != null)
    changes.localVariation = input.localVariation.trim() === '' ? null : multiLineText(input.localVariation, 'input.localVariation', 4000);
  const today = todayInEngland();
  const toAdopt: RegionalProcedureChapterEntity[] = [];
  if (input.adoptChapterIds != null) {
    if (input.adoptChapterIds.length === 0 || input.adoptChapterIds.length > 200)
      throw badUserInput('adoptChapterIds lists 1 to 200 chapter ids', 'input.adoptChapterIds');
    const chapters = await loaders.chaptersByProcedure.load(adoption.procedureId);
    const followed = new Map((await adoptedChapters(adoption, loaders)).map((chapter) => [chapter.number, chapter.adopted]));
    for (const chapterId of new Set(input.adoptChapterIds)) {
      const chapter = chapters.find((candidate) => candidate.id === chapterId);
      if (!chapter) throw badUserInput(`"${chapterId.slice(0, 80)}" is not a chapter version of this procedure`, 'input.adoptChapterIds');
      if (toAdopt.some((other) => other.number === chapter.number))
        throw badUserInput(`two versions of chapter ${chapter.number} given`, 'input.adoptChapterIds');
      if (chapter.effectiveFrom > today)
        throw badUserInput(
          `chapter ${chapter.number} version ${chapter.version} takes effect on ${chapter.effectiveFrom}: adopt it then`,
          'input.adoptChapterIds',
        );
      const problem = checkChapterAdoption(followed.get(chapter.number) ?? null, chapter);
      if (problem) throw badUserInput(problem, 'input.adoptChapterIds');
      toAdopt.push(chapter);
    }
  }
  if (Object.keys(changes).length === 0 && toAdopt.length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  if (adoption.version !== expectedVersion)
    throw conflict(`The adoption was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);
  await dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(RegionalProcedureAdoptionEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (result.affected !== 1)
      throw conflict(`The adoption was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);
    if (toAdopt.length > 0) {
      await manager
        .getRepository(RegionalProcedureAdoptionChapterEntity)
        .insert(
          toAdopt.map((chapter) => ({ adoptionId: id, chapterId: chapter.id, chapterNumber: chapter.number, adoptedOn: today, recordedBy: caller.subject })),
        );
    }
  });
  // This request read the adopted versions before the write: read them again for the answer.
  loaders.adoptedChapterRecords.clear(id);
  return dataSource.getRepository(RegionalProcedureAdoptionEntity).findOneByOrFail({ id });
}
