import type { WorkflowError } from '@flowkit/core'

/** The words to show a user for a failed step: the service's own message, not the developer diagnostic. */
export const userMessageOf = (error: WorkflowError): string => {
  const cause = error.cause
  if (cause instanceof Error && cause.message) return cause.message
  return 'Something went wrong on our side. Nothing you entered was lost; try again.'
}
