export * from './organisation';
export * from './membership';
import { OrganisationEntity } from './organisation';
import { AttendanceEntity, BodyReferenceEntity, DesignationEntity, MembershipEntity, PostEntity, PostHoldingEntity } from './membership';

export const entities = [OrganisationEntity, BodyReferenceEntity, PostEntity, PostHoldingEntity, MembershipEntity, DesignationEntity, AttendanceEntity];
