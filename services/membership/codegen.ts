import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area), so the SDL stays the one source of truth. */
export default subgraphCodegenConfig({
  contextType: '../context#MembershipContext',
  mappers: {
    Organisation: '../entities#OrganisationEntity',
    Post: '../entities#PostEntity',
    PostHolding: '../entities#PostHoldingEntity',
    Membership: '../entities#MembershipEntity',
    Designation: '../entities#DesignationEntity',
    Partnership: '../resolvers/parents#PartnershipReference',
    Body: '../resolvers/parents#BodyParent',
    Meeting: '../resolvers/parents#MeetingParent',
    ChairRule: '../resolvers/parents#ChairRuleRepresentation',
    QuorumRule: '../resolvers/parents#QuorumRuleRepresentation',
    AgendaCandidates: '../resolvers/agenda-candidates#AgendaCandidatesParent',
    SharedAgency: '../resolvers/parents#SharedAgencyParent',
    SharedAgencySide: '../resolvers/parents#SharedAgencySideParent',
    ChairCompliance: '../resolvers/parents#ChairComplianceParent',
    ChairRuleBreach: '../rules/chair-rule#ChairRuleBreach as ChairRuleBreachResult',
    AttendanceRecord: '../resolvers/parents#AttendanceRecordParent',
    QuorumEvaluation: '../resolvers/parents#QuorumEvaluationParent',
  },
});
