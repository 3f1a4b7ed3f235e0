/**
 * The Strategic Action Plan template's headings (002 Appendix 2; the sixth per DOMAIN.md): the
 * vocabulary of the ActionPlanHeading enum with the template's own words, not a partnership's data.
 */
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
