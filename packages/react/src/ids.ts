/** The id of a field's input, so that the error summary can link to it. */
export const fieldId = (prefix: string, step: string, path: string): string => `${prefix}${step}-${path}`

/** The id of a field's error message, for `aria-describedby`. */
export const errorId = (prefix: string, step: string, path: string): string => `${fieldId(prefix, step, path)}-error`

/** The id of a field's hint (what to enter), for `aria-describedby`. */
export const hintId = (prefix: string, step: string, path: string): string => `${fieldId(prefix, step, path)}-hint`

/** The id of a step's heading. */
export const headingId = (prefix: string, step: string): string => `${prefix}${step}-heading`
