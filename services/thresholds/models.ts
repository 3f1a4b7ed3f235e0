import type { RegionalLevelEntity, ThresholdIndicatorEntity, ThresholdLevelEntity, ThresholdModelEntity } from './entities';
import type { Equivalent } from './rules/crosswalk';

/**
 * What a resolver's parent object is for each SDL type (codegen.ts's mappers point here). Types
 * stored as rows are their entity classes; the rest are what the operations return.
 */
export type { CrosswalkMappingEntity, FrontDoor, RegionalLevelEntity, ThresholdIndicatorEntity, ThresholdLevelEntity, ThresholdModelEntity } from './entities';

/** A reference to a Partnership owned by the arrangements subgraph; the gateway resolves the rest. */
export interface PartnershipReference {
  id: string;
}

export interface IndicatorSearchResultShape {
  indicator: ThresholdIndicatorEntity;
  rank: number;
}

export interface ComparisonEntryShape {
  partnershipId: string;
  model: ThresholdModelEntity;
  levelIds: string[];
}

export interface ComparisonRowShape {
  regionalLevel: RegionalLevelEntity;
  entries: ComparisonEntryShape[];
}

export interface EquivalentLevelShape extends Equivalent {
  rationale: string;
}

export interface LevelTranslationShape {
  from: ThresholdLevelEntity;
  regionalLevelIds: string[];
  toModel: ThresholdModelEntity;
  equivalents: EquivalentLevelShape[];
}
