import { CreateArrangements1732600000000 } from './1732600000000-create-arrangements';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [CreateArrangements1732600000000];
