import type { OperationContext } from '../context';
import { PartnershipEntity, RegionalProcedureEntity } from '../entities';

/** Every partnership, by name. */
export function listPartnerships({ dataSource }: Pick<OperationContext, 'dataSource'>): Promise<PartnershipEntity[]> {
  return dataSource.getRepository(PartnershipEntity).find({ order: { name: 'ASC' } });
}

/** Every regional procedure, by title. */
export function listRegionalProcedures({ dataSource }: Pick<OperationContext, 'dataSource'>): Promise<RegionalProcedureEntity[]> {
  return dataSource.getRepository(RegionalProcedureEntity).find({ order: { title: 'ASC' } });
}
