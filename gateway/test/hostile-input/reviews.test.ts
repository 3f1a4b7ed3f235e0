import { describeHostileInput } from './harness';
import { reviewsSuite } from './reviews.mutations';

describeHostileInput(reviewsSuite);
