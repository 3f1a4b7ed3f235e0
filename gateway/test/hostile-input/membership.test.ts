import { describeHostileInput } from './harness';
import { membershipSuite } from './membership.mutations';

describeHostileInput(membershipSuite);
