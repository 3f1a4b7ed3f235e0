import type { RegionalLevelEntity, ThresholdIndicatorEntity, ThresholdLevelEntity, ThresholdModelEntity } from '../entities';
import type { Equivalent } from '../evaluators/crosswalk';

/** What resolvers pass between each other for the types that are not tables. */

/** A reference to a Partnership owned by the arrangements subgraph; the gateway resolves the rest. */
export interface PartnershipReference {
  id: string;
}

export interface IndicatorSearchResultShape {
  indicator: ThresholdIndicatorEntity;
  rank: number;
}

export interface ComparisonEntryShape {
  partnershipSlug: string;
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
