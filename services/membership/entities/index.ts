export * from './organisation';
import { OrganisationEntity } from './organisation';

export const entities = [OrganisationEntity];
