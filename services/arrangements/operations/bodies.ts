import {
  badUserInput,
  conflict,
  isLoaded,
  multiLineText,
  notFound,
  notPermitted,
  recordReplacedValue,
  singleLineText,
  validOn,
} from '@safeguarding/subgraph-runtime';
import { mayEditBody } from '../access';
import type { OperationContext } from '../context';
import { BodyEntity } from '../entities';
import type { UpdateBodyInput } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import type { BodyParent } from '../models';
import { bodyAsOf } from './body-records';

/** A partnership's bodies in force on `asOf`, in the order they were linked, as they stood on that date. */
export async function bodiesInForce(partnershipId: string, asOf: string, loaders: ArrangementsLoaders): Promise<BodyParent[]> {
  const links = await loaders.partnershipBodies.load(partnershipId);
  const bodies = await loaders.body.loadMany(links.map((link) => link.bodyId));
  // Each with the terms (kind, purpose, frequency, chair and quorum rules) in force on that date.
  return Promise.all(bodies.filter((body): body is BodyEntity => isLoaded(body) && validOn(body, asOf)).map((body) => bodyAsOf(body, asOf, loaders)));
}

/** Changes a body's terms, only from the version the caller read (optimistic lock). */
export async function updateBody(context: OperationContext, id: string, expectedVersion: number, input: UpdateBodyInput): Promise<BodyEntity> {
  const { caller, dataSource, loaders } = context;
  const body = await loaders.body.load(id);
  if (!body) throw notFound(`No body has the id "${id.slice(0, 80)}"; query partnership { bodies { id } } for the ids.`);
  if (!(await mayEditBody(caller, body, loaders))) {
    throw notPermitted(caller, `Only a partnership-admin of the partnership that owns "${body.name}" may change it.`);
  }
  const changes: Partial<BodyEntity> = {};
  if (input.name != null) changes.name = singleLineText(input.name, 'name', 200);
  if (input.purpose != null) changes.purpose = multiLineText(input.purpose, 'purpose', 4000);
  if (input.validTo != null) {
    if (body.validFrom && input.validTo < body.validFrom) {
      throw badUserInput(`validTo ${input.validTo} is before the body was established (${body.validFrom})`, 'validTo');
    }
    changes.validTo = input.validTo;
  }
  if (input.meetingFrequency) {
    const { meetingsPerYear, description, period } = input.meetingFrequency;
    if (meetingsPerYear < 1 || meetingsPerYear > 52) throw badUserInput('meetingsPerYear must be between 1 and 52', 'meetingFrequency.meetingsPerYear');
    changes.meetingFrequency = { meetingsPerYear, description: singleLineText(description, 'meetingFrequency.description', 200), period };
  }
  if (Object.keys(changes).length === 0) throw badUserInput('Nothing to change: give at least one field in input.', 'input');
  recordReplacedValue(context, body);
  // Optimistic lock: the update applies only to the version the caller read.
  const result = await dataSource
    .createQueryBuilder()
    .update(BodyEntity)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) {
    throw conflict(`"${body.name}" was changed by someone else since version ${expectedVersion}; read it again and reapply your edit.`);
  }
  return dataSource.getRepository(BodyEntity).findOneByOrFail({ id });
}
