export * from './regional-level';
export * from './threshold-model';
export * from './threshold-level';
export * from './threshold-indicator';
export * from './crosswalk-mapping';
import { CrosswalkMappingEntity } from './crosswalk-mapping';
import { RegionalLevelEntity } from './regional-level';
import { ThresholdIndicatorEntity } from './threshold-indicator';
import { ThresholdLevelEntity } from './threshold-level';
import { ThresholdModelEntity } from './threshold-model';

export const entities = [RegionalLevelEntity, ThresholdModelEntity, ThresholdLevelEntity, ThresholdIndicatorEntity, CrosswalkMappingEntity];
