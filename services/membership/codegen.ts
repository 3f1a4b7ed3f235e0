import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types generated from schema.graphql, so the SDL stays the one source of truth. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#MembershipContext',
        scalars: { Date: 'string' },
        enumsAsTypes: true,
        mappers: {
          Organisation: '../entities#OrganisationEntity',
          SourceCitation: '@safeguarding/seed-types#SourceCitation as SourceCitationSeed',
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
      },
    },
  },
};
export default config;
