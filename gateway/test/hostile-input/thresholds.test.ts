import { describeHostileInput } from './harness';
import { thresholdsSuite } from './thresholds.mutations';

describeHostileInput(thresholdsSuite);
