import { type GatewayClient, GatewayRefusal } from './gateway';
import { CommandFailure } from './output';
import { formatRefusal } from './report';

/**
 * The ids the running platform holds, as "<kind>:<id>" (the validator's reference kinds), so a
 * pack may refer to what was imported or created through the API since the repository's packs
 * were written. Bodies are those in force today (an ended body is not a thing to refer to anew).
 */
export const PLATFORM_IDS_QUERY = `query PackPlatformIds {
  partnerships { slug bodies { id } }
  organisations { id }
  themes { id }
  regionalLevels { id }
  regionalProcedures { id }
  thresholdModels(allVersions: true) { id levels { id } }
}`;

interface PlatformIdsAnswer {
  partnerships: { slug: string; bodies: { id: string }[] | null }[] | null;
  organisations: { id: string }[] | null;
  themes: { id: string }[] | null;
  regionalLevels: { id: string }[] | null;
  regionalProcedures: { id: string }[] | null;
  thresholdModels: { id: string; levels: { id: string }[] }[] | null;
}

export function platformIdsOf(answer: PlatformIdsAnswer): Set<string> {
  const ids = new Set<string>();
  for (const partnership of answer.partnerships ?? []) {
    ids.add(`partnership:${partnership.slug}`);
    for (const body of partnership.bodies ?? []) ids.add(`body:${body.id}`);
  }
  for (const organisation of answer.organisations ?? []) ids.add(`organisation:${organisation.id}`);
  for (const theme of answer.themes ?? []) ids.add(`theme:${theme.id}`);
  // The regional scale's levels and each partnership's levels are both threshold levels a pack may map to.
  for (const level of answer.regionalLevels ?? []) ids.add(`threshold-level:${level.id}`);
  for (const model of answer.thresholdModels ?? []) {
    ids.add(`threshold-model:${model.id}`);
    for (const level of model.levels) ids.add(`threshold-level:${level.id}`);
  }
  for (const procedure of answer.regionalProcedures ?? []) ids.add(`regional-procedure:${procedure.id}`);
  return ids;
}

export async function platformIds(gateway: GatewayClient): Promise<Set<string>> {
  try {
    return platformIdsOf(await gateway.request<PlatformIdsAnswer>(PLATFORM_IDS_QUERY));
  } catch (error) {
    if (!(error instanceof GatewayRefusal)) throw error;
    // Without the platform's ids every reference to them would be reported as missing: stop instead.
    throw new CommandFailure(
      `The gateway at ${gateway.url} would not list the ids the pack may refer to (partnerships, bodies, organisations): ` +
        error.errors
          .flatMap(formatRefusal)
          .map((line) => line.trim())
          .join(' '),
    );
  }
}
