import { subgraphCodegenConfig } from '@safeguarding/codegen-preset';

/** Resolver types generated from schema/ (the SDL, one file per area), so the SDL stays the one source of truth. */
export default subgraphCodegenConfig({
  contextType: '../context#MembershipContext',
  mappers: {
    // A stored source is a pack's provenance (stated, inferred, synthetic) or the older { document, section } shape.
    SourceCitation: '@safeguarding/packs#StoredSource',
    Organisation: '../entities#OrganisationEntity',
    Post: '../entities#PostEntity',
    PostHolding: '../entities#PostHoldingEntity',
    Membership: '../entities#MembershipEntity',
    Designation: '../entities#DesignationEntity',
    Partnership: '../models#PartnershipReference',
    Body: '../models#BodyParent',
    Meeting: '../models#MeetingParent',
    ChairRule: '../models#ChairRuleRepresentation',
    QuorumRule: '../models#QuorumRuleRepresentation',
    AgendaCandidates: '../models#AgendaCandidatesParent',
    SharedAgency: '../models#SharedAgencyParent',
    SharedAgencySide: '../models#SharedAgencySideParent',
    ChairCompliance: '../models#ChairComplianceParent',
    ChairRuleBreach: '../models#ChairRuleBreach as ChairRuleBreachResult',
    AttendanceRecord: '../models#AttendanceRecordParent',
    QuorumEvaluation: '../models#QuorumEvaluationParent',
  },
});
