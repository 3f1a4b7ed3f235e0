/** An action plan's progress, from its actions' RAG (002: Not Started / In Progress / Completed). */
export type RagStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';

export interface ActionProgress {
  ragStatus: RagStatus;
  completedOn: string | null;
}

/** The plan is complete when it has actions and all are completed: on the day the last one was. */
export function actionPlanCompletedOn(actions: readonly ActionProgress[]): string | null {
  if (actions.length === 0 || actions.some((action) => action.ragStatus !== 'COMPLETED' || action.completedOn === null)) return null;
  return (
    actions
      .map((action) => action.completedOn as string)
      .sort()
      .at(-1) ?? null
  );
}

export function actionPlanStatus(actions: readonly ActionProgress[]): RagStatus {
  if (actions.length > 0 && actions.every((action) => action.ragStatus === 'COMPLETED')) return 'COMPLETED';
  return actions.some((action) => action.ragStatus !== 'NOT_STARTED') ? 'IN_PROGRESS' : 'NOT_STARTED';
}
