import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { z } from 'zod'

/**
 * A Standard Schema view of a zod schema with async checks that parses once, asynchronously.
 *
 * Why: zod's own `~standard.validate` first tries a synchronous parse and, on meeting a promise,
 * parses again asynchronously, so an async refinement or transform (here: a call to the promo
 * service) runs twice per submit. A service with side effects or one-shot failures must run once.
 * @example
 * validate: validateAsync(z.object({ promo: z.string().transform(checkPromo) }))
 */
export function validateAsync<T extends z.ZodType>(schema: T): StandardSchemaV1<z.input<T>, z.output<T>> {
  return {
    '~standard': {
      version: 1,
      vendor: 'zod',
      validate: async (value) => {
        const result = await schema.safeParseAsync(value)
        return result.success ? { value: result.data } : { issues: result.error.issues }
      },
    },
  }
}
