import { useStep } from '@flowkit/react'

/**
 * The DOM ids of the fields of a step that draws several in a list, as `useStep().field(path)` makes them: `id` for
 * the control (`<WorkflowErrorSummary>` links land on it) and, while the path has an issue, `errorId` for its message
 * (what the control's `aria-describedby` names). A single field takes both from `useField(path)`.
 */
export function useFieldIds(): (path: string) => { readonly id: string; readonly errorId: string | undefined } {
  const { field } = useStep()
  return (path) => {
    const props = field(path)
    return { id: props.id, errorId: props['aria-describedby'] }
  }
}

/** The first message for a field path, if any. */
export const messageOf = (issues: Readonly<Record<string, readonly string[]>>, path: string): string | undefined => issues[path]?.[0]
