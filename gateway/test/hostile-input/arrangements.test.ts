import { describeHostileInput } from './harness';
import { arrangementsSuite } from './arrangements.mutations';

describeHostileInput(arrangementsSuite);
