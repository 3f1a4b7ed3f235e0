import { slugArgument } from '@safeguarding/subgraph-runtime';
import type { FindOptionsWhere } from 'typeorm';
import { DesignationEntity, type DesignationKind } from '../entities';
import type { MembershipOperationContext } from '../context';

/** Designations (lead and delegated partners, scrutineers, chairs, accountable bodies), optionally of one partnership or kind. */
export function listDesignations(
  { dataSource }: Pick<MembershipOperationContext, 'dataSource'>,
  { partnershipId, kind }: { partnershipId?: string | null; kind?: DesignationKind | null },
): Promise<DesignationEntity[]> {
  const where: FindOptionsWhere<DesignationEntity> = {};
  if (partnershipId) where.partnershipId = slugArgument(partnershipId, 'partnershipSlug');
  if (kind) where.kind = kind;
  return dataSource.getRepository(DesignationEntity).find({ where, order: { partnershipId: 'ASC', kind: 'ASC', organisationId: 'ASC' } });
}
