/** Where a theme's definition comes from: a document and section (not yet audited with a quote, so the API shows it as RECORDED). */
interface SourceCitation {
  document: string;
  section: string;
}

/**
 * The one shared vocabulary of safeguarding themes. Reviews tag their learning with it and
 * training courses say which themes they teach, so repeats and gaps are found across reviews,
 * courses and partnerships by comparing ids. Ids are stable slugs; the `Theme` entity is keyed by them.
 */
export interface ThemeDefinition {
  id: string;
  name: string;
  description: string;
  /** Children, adults or both. */
  appliesTo: 'CHILDREN' | 'ADULTS' | 'ALL';
  source: SourceCitation;
}

const cite = (document: string, section: string): SourceCitation => ({ document, section });
const D000 = '000_102c8c08933b906a.txt';
const D001 = '001_129f8b945aaf429a.txt';
const D002 = '002_93334ed95075e6c4.txt';
const D003 = '003_b1549964c7b91fcb.txt';

export const THEMES: readonly ThemeDefinition[] = [
  {
    id: 'neglect',
    name: 'Neglect',
    description: 'Persistent failure to meet basic needs.',
    appliesTo: 'ALL',
    source: cite(D003, 'Thematic Sub-groups (Neglect)'),
  },
  {
    id: 'domestic-abuse',
    name: 'Domestic abuse',
    description: 'Domestic violence and abuse, including its impact on children.',
    appliesTo: 'ALL',
    source: cite(D003, 'Thematic Sub-groups (Domestic violence and abuse)'),
  },
  {
    id: 'exploitation',
    name: 'Exploitation',
    description: 'Criminal, sexual, financial and online exploitation, modern slavery.',
    appliesTo: 'ALL',
    source: cite(D000, 'Structure (Tackling Exploitation Group)'),
  },
  {
    id: 'self-neglect',
    name: 'Self-neglect',
    description: 'An adult neglecting their own care, health or surroundings, including hoarding.',
    appliesTo: 'ADULTS',
    source: cite(D000, 'Adult Safeguarding Board (Self Neglect)'),
  },
  {
    id: 'voice-of-the-child',
    name: 'Voice of the child',
    description: "The child's wishes, feelings and lived experience heard and acted on.",
    appliesTo: 'CHILDREN',
    source: cite(D002, 'Success Statements (voice of the child)'),
  },
  {
    id: 'information-sharing',
    name: 'Information sharing',
    description: 'Agencies seeking, sharing and acting on information in time.',
    appliesTo: 'ALL',
    source: cite(D000, 'DSPs (information and data sharing arrangements)'),
  },
  {
    id: 'mental-capacity',
    name: 'Mental capacity',
    description: 'Assessing and respecting capacity to make decisions.',
    appliesTo: 'ADULTS',
    source: cite(D000, 'Keeping Communities Safe Resources (Mental Capacity)'),
  },
  {
    id: 'substance-misuse',
    name: 'Substance misuse',
    description: 'Drug and alcohol use affecting safety.',
    appliesTo: 'ALL',
    source: cite(D002, 'Success Statements (Tackling Drug and Alcohol Misuse)'),
  },
  {
    id: 'mental-health',
    name: 'Mental health',
    description: 'Mental ill-health of a child, adult or carer.',
    appliesTo: 'ALL',
    source: cite(D001, 'Relevant Agencies (mental health providers)'),
  },
  {
    id: 'child-sexual-abuse',
    name: 'Child sexual abuse',
    description: 'Sexual abuse of children, within and outside the family.',
    appliesTo: 'CHILDREN',
    source: cite(D000, 'Child Safeguarding Practice (Child Sexual Abuse)'),
  },
  {
    id: 'missing-children',
    name: 'Missing children',
    description: 'Children missing from home, care or education.',
    appliesTo: 'CHILDREN',
    source: cite(D000, 'Child Safeguarding Practice (Missing Children)'),
  },
  {
    id: 'safe-sleep-and-infants',
    name: 'Safe sleep and infants',
    description: 'Risks to babies under one, including unsafe sleep and non-accidental injury.',
    appliesTo: 'CHILDREN',
    source: cite(D002, 'Success Statements (under 5s referred due to significant harm)'),
  },
  {
    id: 'early-help',
    name: 'Early help',
    description: 'Help offered early, before needs escalate.',
    appliesTo: 'CHILDREN',
    source: cite(D003, 'Thresholds of need (Vulnerable, Complex)'),
  },
  {
    id: 'professional-curiosity',
    name: 'Professional curiosity',
    description: 'Practitioners looking beyond what is presented and challenging.',
    appliesTo: 'ALL',
    source: cite(D002, 'Success Statements (learning embedded)'),
  },
  {
    id: 'multi-agency-working',
    name: 'Multi-agency working',
    description: 'Agencies working together, escalating and resolving disagreement.',
    appliesTo: 'ALL',
    source: cite(D003, 'Dispute resolution'),
  },
  {
    id: 'organisational-abuse',
    name: 'Organisational abuse',
    description: 'Abuse or neglect within a care setting or organisation.',
    appliesTo: 'ADULTS',
    source: cite(D000, 'Keeping Communities Safe Resources (Organisational Abuse)'),
  },
  {
    id: 'serious-violence',
    name: 'Serious violence',
    description: 'Serious violence and weapons, including knife crime.',
    appliesTo: 'ALL',
    source: cite(D002, 'Statutory duties (Community Safety Partnership)'),
  },
  {
    id: 'suicide-and-self-harm',
    name: 'Suicide and self-harm',
    description: 'Risk of suicide and self-harm.',
    appliesTo: 'ALL',
    source: cite(D000, 'Keeping Communities Safe Resources (Suicide Prevention and Self-Harm)'),
  },
];

export const THEME_IDS: ReadonlySet<string> = new Set(THEMES.map((theme) => theme.id));

export function isThemeId(value: string): boolean {
  return THEME_IDS.has(value);
}
