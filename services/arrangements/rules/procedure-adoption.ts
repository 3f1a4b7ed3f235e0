/**
 * Regional procedure chapters and adoptions (pure: no database).
 *
 * The rule (issue 16): a regional procedure adopted by a partnership keeps the version it adopted
 * until it adopts a newer one. The adoption records, per chapter number, each version it took up; the
 * version it follows is the latest of those it took up, never simply the latest published. A newly
 * published chapter version moves no adoption, and an adoption can only move forward.
 */

export interface ChapterVersion {
  id: string;
  number: string;
  version: string;
  effectiveFrom: string;
}

export interface AdoptedVersionRecord {
  chapterId: string;
  chapterNumber: string;
  adoptedOn: string;
}

export interface FollowedChapter<C extends ChapterVersion> {
  number: string;
  adopted: C;
  latest: C;
  upToDate: boolean;
  adoptedOn: string;
}

/** Orders a chapter number's versions: by effectiveFrom (a later version always takes effect later). */
const byEffectiveFrom = (a: ChapterVersion, b: ChapterVersion) => a.effectiveFrom.localeCompare(b.effectiveFrom);

/** The latest published version of each chapter number. */
export function latestVersions<C extends ChapterVersion>(chapters: C[]): Map<string, C> {
  const latest = new Map<string, C>();
  for (const chapter of [...chapters].sort(byEffectiveFrom)) latest.set(chapter.number, chapter);
  return latest;
}

/** The versions in force on a date: the latest of each number with effectiveFrom on or before it. */
export function versionsInForce<C extends ChapterVersion>(chapters: C[], date: string): C[] {
  return [...latestVersions(chapters.filter((chapter) => chapter.effectiveFrom <= date)).values()];
}

/** What an adoption follows: per chapter number it took up, the newest version it adopted. */
export function followedChapters<C extends ChapterVersion>(chapters: C[], records: AdoptedVersionRecord[]): FollowedChapter<C>[] {
  const byId = new Map(chapters.map((chapter) => [chapter.id, chapter]));
  const latest = latestVersions(chapters);
  const followed = new Map<string, FollowedChapter<C>>();
  for (const record of records) {
    const adopted = byId.get(record.chapterId);
    if (!adopted) continue;
    const held = followed.get(adopted.number);
    if (held && byEffectiveFrom(held.adopted, adopted) >= 0) continue;
    const newest = latest.get(adopted.number)!;
    followed.set(adopted.number, { number: adopted.number, adopted, latest: newest, upToDate: newest.id === adopted.id, adoptedOn: record.adoptedOn });
  }
  return [...followed.values()].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
}

/** Adopting a chapter version: it must be newer than the one the adoption follows for its number (if any). */
export function checkChapterAdoption(held: ChapterVersion | null, candidate: ChapterVersion): string | null {
  if (!held) return null;
  if (held.id === candidate.id) return `chapter ${candidate.number} version ${candidate.version} is already the version adopted`;
  if (byEffectiveFrom(candidate, held) <= 0) {
    return `chapter ${candidate.number} version ${candidate.version} is older than version ${held.version}, which the partnership follows: an adoption keeps its version until it adopts a newer one`;
  }
  return null;
}

/** A new version of a chapter: a label not used before, taking effect after the latest version. */
export function checkNewChapterVersion(
  versions: ChapterVersion[],
  next: { version: string; effectiveFrom: string },
): { field: string; message: string } | null {
  const latest = [...versions].sort(byEffectiveFrom).at(-1);
  if (versions.some((existing) => existing.version === next.version))
    return { field: 'version', message: `version ${next.version} of this chapter already exists` };
  if (latest && next.effectiveFrom <= latest.effectiveFrom) {
    return {
      field: 'effectiveFrom',
      message: `effectiveFrom ${next.effectiveFrom} must be after version ${latest.version} took effect (${latest.effectiveFrom})`,
    };
  }
  return null;
}

/** A chapter number: digits separated by dots, e.g. 4.3 or 10.1.2. */
export const isChapterNumber = (number: string): boolean => /^\d{1,3}(\.\d{1,3}){0,3}$/.test(number);
