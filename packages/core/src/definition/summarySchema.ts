import type { StandardSchemaV1 } from '@standard-schema/spec'
import { isPlainObject } from '../plain'
import type { RepeatInput } from '../types'

const ACTIONS = new Set(['add', 'change', 'remove', 'continue'])
// The commands come from the app's own buttons, not from what a user types: production says only which field is wrong.
const fail = (message: string | false, key?: string): StandardSchemaV1.FailureResult => ({
  issues: [key === undefined ? { message: message || 'invalid' } : { message: message || `invalid ${key}`, path: [key] }],
})

/**
 * The input of a repeat's summary step (`RepeatInput`), as a Standard Schema: `undefined` goes on,
 * otherwise `{ action }` with an integer `item` for `change` and `remove`.
 */
export const summarySchema: StandardSchemaV1<unknown, RepeatInput | undefined> = {
  '~standard': {
    version: 1,
    vendor: 'flowkit',
    validate(value) {
      if (value === undefined) return { value: undefined }
      if (!isPlainObject(value))
        return fail(
          process.env.NODE_ENV !== 'production' && "expected { action: 'add' | 'change' | 'remove' | 'continue' }, or nothing to go on",
        )
      const { action, item } = value
      if (typeof action !== 'string' || !ACTIONS.has(action))
        return fail(
          process.env.NODE_ENV !== 'production' && `unknown action ${JSON.stringify(action)}; use 'add', 'change', 'remove' or 'continue'`,
          'action',
        )
      if ((action === 'change' || action === 'remove') && !Number.isInteger(item))
        return fail(
          process.env.NODE_ENV !== 'production' && `'${action}' needs the item's index, an integer: { action: '${action}', item: 0 }`,
          'item',
        )
      return { value: value as RepeatInput }
    },
  },
}
