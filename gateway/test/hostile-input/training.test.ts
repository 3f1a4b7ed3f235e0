import { describeHostileInput } from './harness';
import { trainingSuite } from './training.mutations';

describeHostileInput(trainingSuite);
