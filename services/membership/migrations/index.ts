import { CreateOrganisationRegistry1732600000000 } from './1732600000000-create-organisation-registry';

/** Every migration, oldest first. Written by hand and reviewed; never generated at run time. */
export const migrations = [CreateOrganisationRegistry1732600000000];
