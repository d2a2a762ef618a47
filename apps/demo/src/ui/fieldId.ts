import { useStep } from '@flowkit/react'

/**
 * The DOM id of the control for a field path, as `useStep().field(path).id` makes it, so that
 * `<WorkflowErrorSummary>` links land on it. The field's error message takes `${id}-error`.
 */
export function useFieldId(): (path: string) => string {
  const { field } = useStep()
  return (path) => field(path).id
}

/** The first message for a field path, if any. */
export const messageOf = (issues: Readonly<Record<string, readonly string[]>>, path: string): string | undefined => issues[path]?.[0]
