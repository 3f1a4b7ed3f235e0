import { stated, type SourceCitation, type StatedProvenance } from '@safeguarding/packs';

/**
 * Shropshire's Strategic Plan and Priorities 2023-2026 (002): every system group and strategic
 * priority group with its success statements, verbatim (including the document's own spelling).
 * Targets are parsed from the text by rules/success-target.ts, not typed here.
 */
const D002 = '002_93334ed95075e6c4.txt';
const cite = (section: string): SourceCitation => ({ document: D002, section });
/** A priority states its group's success statements under the heading quoted (002 "Success Statements"). */
const heading = (quote: string): StatedProvenance => stated(D002, 'Success Statements', quote);

export interface StrategicPrioritySeed {
  id: string;
  partnershipId: string;
  /** The owning group (a body id). */
  bodyId: string;
  title: string;
  kind: 'SYSTEM_PRIORITY' | 'STRATEGIC_PRIORITY';
  periodStart: string;
  periodEnd: string;
  statements: string[];
  source: StatedProvenance;
}

const PERIOD = { periodStart: '2023-04-01', periodEnd: '2026-03-31' };

export const strategicPriorities: StrategicPrioritySeed[] = [
  {
    id: 'shropshire.adult-safeguarding-and-protection-practice-oversight',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.adult-safeguarding-and-protection-practice-oversight-group',
    title: 'Adult Safeguarding and Protection Practice Oversight',
    kind: 'SYSTEM_PRIORITY',
    ...PERIOD,
    statements: [
      'Increase the number of S42 enquires about self-neglect beyond 3% of total S42 enquires',
      'We expect at least 75% of Multi-Agency Case File Audits where self-neglect is factor, shows clear evidence of the application of the Working with Self-Neglect Guidance',
      'Evidencing that the self-neglect guidance is embedded in practice, multi-disciplinary meetings are taking place when required, and action plans are developed for the individual',
      'Have a strategic use of MACFA process to address areas of adult abuse which require scrutiny and improvement',
      'Embedding the learning from SARs and DHRs',
    ],
    source: heading("The Adult Safeguarding and Protection Practice Oversight Group's are:"),
  },
  {
    id: 'shropshire.child-safeguarding-and-protection-practice-oversight',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.child-safeguarding-and-protection-practice-oversight-group',
    title: 'Child Safeguarding and Protection Practice Oversight',
    kind: 'SYSTEM_PRIORITY',
    ...PERIOD,
    statements: [
      "A reduction in the number of under 5's referred due to significant harm",
      'Evidence of more prevention activity taking place and more direct work with families',
      'Ensuring learning is embedded and there is a reduction in repeated points of learning',
      'Demonstrating evidence that the voice of child has influenced outcomes',
    ],
    source: heading("The Child Safeguarding and Protection Practice Oversight Group's are:"),
  },
  {
    id: 'shropshire.community-safety-practice-oversight',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.community-safety-practice-oversight-group',
    title: 'Community Safety Practice Oversight',
    kind: 'SYSTEM_PRIORITY',
    ...PERIOD,
    statements: [
      'Establish the datasets including securing partner contributions',
      'A reduction in serious violence',
      'A reduction of contacts into COMPASS and First Point of Contact where Anti-Social Behaviour and Crime is a feature',
      'Interventions to increase the safety of Shropshire Communities e.g IOM',
      'Increase in positive disposals from West Mercia Police e.g. community resolutions',
      'A reduction in the number Anti-Social Behaviour Case Reviews',
      'An increase in the uptake of support through Early Help/Turnaround',
      'Ensure representation from the Tackling Drug and Alcohol Group, Local Domestic Abuse Partnership Board and Exploitation Group',
      'Reduce re-offending by at least 5% based on 2022-23 data',
      'Meeting the mental health needs of offenders at the point of need through the forensic pathway',
    ],
    source: heading("The Community Safety Practice Oversight Group's are:"),
  },
  {
    id: 'shropshire.adult-statutory-case-review',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.adult-and-childrens-statutory-case-review-group',
    title: 'Adult Statutory Case Review',
    kind: 'SYSTEM_PRIORITY',
    ...PERIOD,
    statements: [
      'To complete Domestic Homicide Reviews within the specified 6 month timescale',
      'To complete Safeguarding Adult Reviews with 10 months',
      'To complete action plans with 3 months of the completion of a review',
      'Learning Briefings to be published within 10 working days of Strategic Governing Group signing off a review',
      'Dissemination of learning from reviews by agencies to prevent future occurrences',
    ],
    source: heading("The Adult Statutory Case Review Group's are:"),
  },
  {
    id: 'shropshire.childrens-statutory-case-review',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.adult-and-childrens-statutory-case-review-group',
    title: "Children's Statutory Case Review",
    kind: 'SYSTEM_PRIORITY',
    ...PERIOD,
    statements: [
      'The Reduction in numbers of Rapid Reviews and Local Child Safeguarding Practice Reviews with repeated themes/learning points',
      'The Completion of Rapid Reviews within 15 working days',
      'The Completion of Local Child Safeguarding Practice Reviews within six months',
      'The Dissemination of learning within agencies and demonstrating evidence of impact via existing Multi Agency Case File Audit process',
      'Learning briefings to be published within 10 working days of Rapid Reviews and Local Child Safeguarding Practice Reviews being signed off',
      'Action plans to be complete with 3 months of completion of review',
      'Raising awareness of adult (welfare and safeguarding) reporting processes for all agencies and teams working with children',
    ],
    source: heading("The Children's Statutory Case Review Group's are:"),
  },
  {
    id: 'shropshire.domestic-abuse',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.local-domestic-abuse-partnership-board',
    title: 'Domestic Abuse',
    kind: 'STRATEGIC_PRIORITY',
    ...PERIOD,
    statements: [
      'Referrals to specialist domestic abuse services are reduced due to the wider workforce responding earlier and more appropriately',
      'Children are educated on safe and healthy relationships across Early Years, Primary, Secondary and Further Education, to include those home educated, in pupil referral units or accessing alternative education settings, to reduce the likelihood of them using abusive behaviour or becoming victims of abuse',
      'All residential and domiciliary care services for adults and children, are contractually obliged to hold domestic abuse policies and implement them via procedures which include mandatory training as outlined in their policy',
      'Perpetrators are actively engaged in evidence based work that educates them to stop using abusive and harmful behaviours',
      'People planning and undertaking S47 and S42 enquiries and anti-social behaviour investigations always consider domestic abuse, whether current or historic, in their decision making',
      'Our Domestic abuse offer for both victims and perpetrators is accessible to all those that want and need it',
    ],
    source: heading("The Local Domestic Abuse Partnership Board's are:"),
  },
  {
    id: 'shropshire.tackling-exploitation',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.tackling-exploitation-group',
    title: 'Tackling Exploitation',
    kind: 'STRATEGIC_PRIORITY',
    ...PERIOD,
    statements: [
      'Increasing the “disruption” of perpetrators of exploitation',
      'Knowing that partners have a clear understanding of and contribute to plans that reflect the contextual nature of the harm experienced when individuals or groups are being exploited',
      'Increasing public and parent awareness of exploitation',
      'Increasing community involvement in tackling exploitation',
      'Identifying children and adults with care and support needs at risk of exploitation and refer them to the appropriate safeguarding support',
      'Evaluating the impact of learning activity to demonstrate workforce knowledge and understanding',
      'Reporting on the different types of exploitation being experienced within the safeguarding and community safety system',
      'A reduction in exclusions from education, employment and training',
      'A reduction in children who are Not in Education, Employment or Training',
      'A reduction in children who are being exploited entering the care system',
    ],
    source: heading("The Tackling Exploitation Group's are:"),
  },
  {
    id: 'shropshire.tackling-drug-and-alcohol-misuse',
    partnershipId: 'shropshire',
    bodyId: 'shropshire.tackling-drug-and-alcohol-misuse-group',
    title: 'Tackling Drug and Alcohol Misuse',
    kind: 'STRATEGIC_PRIORITY',
    ...PERIOD,
    statements: [
      'A reduction in drug use and supply of drugs in Shropshire',
      'A reduction in drug related crime including reoffending, drug offences and drug related violence',
      'A reduction in drug related deaths and harm',
      'Increasing engagement in drug and alcohol treatment',
      'Improving drug recovery outcomes and long-term recovery',
      'Preventing demand for drugs by children, young people and young adults to achieve a generational shift',
      'Embedding lived experience within the design, delivery and evaluation of this work programme',
    ],
    source: heading("The Tackling Drug and Alcohol Misuse Group's are:"),
  },
];

/** The Strategic Action Plan template's headings (002 Appendix 2; the sixth per DOMAIN.md). */
export const ACTION_PLAN_HEADINGS = [
  { heading: 'PREVENTION', text: 'Preventing the problem before it primarily occurs' },
  { heading: 'PREVENTING_CRIME', text: 'Preventing the problem before it primarily occurs – Preventing Crime' },
  { heading: 'UNDERSTANDING_WHAT_IS_HAPPENING', text: 'Understanding what is happening in Shropshire (data analysis and problem profile)' },
  {
    heading: 'PROTECT_AND_PURSUE',
    text: 'Ensuring the system is able to protect and pursue (include secondary and tertiary prevention activity, resources: processes, services, staff etc)',
  },
  { heading: 'LEARNING_AND_DEVELOPMENT', text: 'Thinking widely about learning, development and improving practice' },
  { heading: 'EXPERIENCE_OF_INDIVIDUALS', text: 'The experience of individuals' },
] as const;

export const ACTION_PLAN_TEMPLATE_SOURCE = cite(
  'Appendix 2. Strategic Action Plan template ("Groups should complete at least one multi-agency case file audit per period")',
);
