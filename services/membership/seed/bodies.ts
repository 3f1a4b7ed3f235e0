import type { ChairRuleSnapshot } from '../rules/chair-rule';

/**
 * What membership keeps about each body arrangements owns (services/arrangements/seed/data.ts,
 * `bodies`): its partnerships, its kind and the fields of its chair rule that appointChair checks.
 * A copy, not an import, so this subgraph builds and runs without arrangements; the test
 * "body references match arrangements' seed" fails the moment the two differ. Arrangements' API
 * cannot change these fields (updateBody edits names, purposes, end dates and frequencies only).
 */
export interface BodyReferenceSeed {
  bodyId: string;
  kind: string;
  partnershipIds: string[];
  chairRule: ChairRuleSnapshot | null;
}

export const bodyReferences: BodyReferenceSeed[] = [
  {
    bodyId: 'joint.lsp-forum',
    kind: 'LEAD_PARTNERS_FORUM',
    partnershipIds: ['shropshire', 'telford-and-wrekin'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.strategic-governing-group',
    kind: 'PARTNERSHIP_BOARD',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.safeguarding-adults-board',
    kind: 'PARTNERSHIP_BOARD',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.community-safety-partnership',
    kind: 'PARTNERSHIP_BOARD',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.adult-safeguarding-and-protection-practice-oversight-group',
    kind: 'SYSTEM_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.child-safeguarding-and-protection-practice-oversight-group',
    kind: 'SYSTEM_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.community-safety-practice-oversight-group',
    kind: 'SYSTEM_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.adult-and-childrens-statutory-case-review-group',
    kind: 'SYSTEM_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.local-domestic-abuse-partnership-board',
    kind: 'STRATEGIC_PRIORITY_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.tackling-exploitation-group',
    kind: 'STANDING_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: {
      appointedFrom: 'NAMED_ORGANISATION',
      organisationId: 'west-mercia-police',
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'Chaired by West Mercia Police.',
      source: { document: '000_102c8c08933b906a.txt', section: 'Structure' },
    },
  },
  {
    bodyId: 'shropshire.tackling-drug-and-alcohol-misuse-group',
    kind: 'STRATEGIC_PRIORITY_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.safeguarding-children-partnership',
    kind: 'PARTNERSHIP_BOARD',
    partnershipIds: ['shropshire'],
    chairRule: {
      appointedFrom: 'DELEGATED_SAFEGUARDING_PARTNERS',
      organisationId: null,
      termMonths: 18,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: true,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description:
        'The meeting will be chaired by a DSP Lead on an 18-month rotational basis; the current chair is Tanya Miles, Executive Director of People, Shropshire Council. (No vice-chair arrangement is stated.)',
      source: { document: '001_129f8b945aaf429a.txt', section: 'Structure' },
    },
  },
  {
    bodyId: 'shropshire.dsp-executive',
    kind: 'EXECUTIVE',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.education-strategic-partnership',
    kind: 'REPORTING_PARTNERSHIP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.early-help-partnership-board',
    kind: 'REPORTING_PARTNERSHIP',
    partnershipIds: ['shropshire'],
    chairRule: null,
  },
  {
    bodyId: 'shropshire.childrens-case-review-group',
    kind: 'STANDING_GROUP',
    partnershipIds: ['shropshire'],
    chairRule: {
      appointedFrom: 'NAMED_ORGANISATION',
      organisationId: 'shropshire-telford-and-wrekin-icb',
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'Chaired by ICB.',
      source: { document: '000_102c8c08933b906a.txt', section: 'Structure' },
    },
  },
  {
    bodyId: 'telford-and-wrekin.safeguarding-partnership',
    kind: 'WIDER_PARTNERSHIP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: {
      appointedFrom: 'INDEPENDENT',
      organisationId: null,
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'The Chair will be appointed by the Executive and independent of both statutory and "relevant agencies".',
      source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Telford & Wrekin Safeguarding Partnership, Chair' },
    },
  },
  {
    bodyId: 'telford-and-wrekin.executive',
    kind: 'EXECUTIVE',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: {
      appointedFrom: 'STATUTORY_PARTNERS',
      organisationId: null,
      termMonths: 12,
      termAlignedToFinancialYear: true,
      noConsecutiveTermsSameOrganisation: true,
      viceChairFromDifferentOrganisation: true,
      viceChairSucceeds: true,
      description:
        'An annual appointment (financial year) from the statutory partners. The chair cannot be from the same statutory partner on consecutive years. A vice-chair will also be appointed from a different organisation to the chair who will succeed the chair. The vice chair will deputise for the chair as necessary.',
      source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Safeguarding Partnership Executive, Chair' },
    },
  },
  {
    bodyId: 'telford-and-wrekin.childrens-review-learning-and-training-group',
    kind: 'REVIEW_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: {
      appointedFrom: 'NOT_STATED',
      organisationId: null,
      termMonths: 12,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: true,
      description:
        'The chair and a vice of the Group will be appointed by the Safeguarding Executive. The post-holders will be in place for 1 year, with the vice chair taking on the chair role.',
      source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Children Review, Learning & Training Group, Chair' },
    },
  },
  {
    bodyId: 'telford-and-wrekin.adults-review-learning-and-training-group',
    kind: 'REVIEW_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: {
      appointedFrom: 'NOT_STATED',
      organisationId: null,
      termMonths: 12,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: true,
      description:
        'The chair and a vice of the Group will be appointed by the Safeguarding Executive. The post-holders will be in place for 1 year, with the vice chair taking on the chair role.',
      source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Adult Review, Learning & Training Group, Chair' },
    },
  },
  {
    bodyId: 'telford-and-wrekin.neglect',
    kind: 'THEMATIC_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: null,
  },
  {
    bodyId: 'telford-and-wrekin.domestic-violence-and-abuse',
    kind: 'THEMATIC_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: null,
  },
  {
    bodyId: 'telford-and-wrekin.exploitation',
    kind: 'THEMATIC_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: null,
  },
  {
    bodyId: 'telford-and-wrekin.early-help',
    kind: 'STANDING_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: null,
  },
  {
    bodyId: 'telford-and-wrekin.corporate-parenting-strategic-group',
    kind: 'STANDING_GROUP',
    partnershipIds: ['telford-and-wrekin'],
    chairRule: {
      appointedFrom: 'NAMED_ORGANISATION',
      organisationId: 'telford-and-wrekin-council',
      termMonths: null,
      termAlignedToFinancialYear: false,
      noConsecutiveTermsSameOrganisation: false,
      viceChairFromDifferentOrganisation: false,
      viceChairSucceeds: false,
      description: 'The Chair of the CPSG will be the Director of Children & Adult Services.',
      source: { document: '003_b1549964c7b91fcb.txt', section: 'Appendix A \u2013 Terms of Reference: Corporate Parenting Strategic Group, Chair' },
    },
  },
  {
    bodyId: 'solihull.executive',
    kind: 'EXECUTIVE',
    partnershipIds: ['solihull'],
    chairRule: null,
  },
];
