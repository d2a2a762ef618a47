import { WorkflowError } from '@flowkit/core'

/** Table names cannot be query parameters, so they are checked instead. */
export const tableName = (name = 'flowkit_instances'): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new WorkflowError(
      'INVALID_OPTION',
      `table name ${JSON.stringify(name)} is not allowed; use letters, digits and '_' (starting with a letter), e.g. 'flowkit_instances'.`,
      { category: 'usage' },
    )
  }
  return name
}
