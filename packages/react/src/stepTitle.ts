import type { WorkflowDefinition } from '@flowkit/core'

/** A step's human title, falling back to its id. */
export const stepTitle = (definition: WorkflowDefinition, step: string): string =>
  (definition.steps as Record<string, { title?: string } | undefined>)[step]?.title ?? step
