/**
 * An escalation procedure is a list of steps in order: positions 1, 2, 3, ... with no gap and no
 * repeat, at least one step and at most MAX_STEPS, and no step twice (the same who and action).
 * As data plus one evaluator; the operations and the seed both keep it.
 */
export const ESCALATION_STEP_RULE = {
  minimumSteps: 1,
  maximumSteps: 20,
  firstPosition: 1,
} as const;

export interface StepInOrder {
  position: number;
  who: string;
  action: string;
}

export interface StepProblem {
  /** The index (0-based) of the step at fault, or null for the list as a whole. */
  index: number | null;
  message: string;
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/** The first way the steps break the rule, or null when they keep it. */
export function escalationStepProblem(steps: readonly StepInOrder[]): StepProblem | null {
  const { minimumSteps, maximumSteps, firstPosition } = ESCALATION_STEP_RULE;
  if (steps.length < minimumSteps) return { index: null, message: `A procedure needs at least ${minimumSteps} step.` };
  if (steps.length > maximumSteps) return { index: null, message: `A procedure has at most ${maximumSteps} steps; got ${steps.length}.` };
  for (const [index, step] of steps.entries()) {
    const expected = firstPosition + index;
    if (step.position !== expected)
      return { index, message: `Step ${index + 1} is at position ${step.position}; steps run ${firstPosition}, 2, 3, ... with no gap or repeat.` };
    const earlier = steps.slice(0, index).findIndex((other) => sameText(other.who, step.who) && sameText(other.action, step.action));
    if (earlier >= 0) return { index, message: `Step ${index + 1} repeats step ${earlier + 1} (the same who and action).` };
  }
  return null;
}
