import { z } from 'zod/mini'

/**
 * The Flowkit file format, as zod schemas (zod/mini, to keep the loader's bundle small). They validate
 * loaded files and generate the published JSON Schema (`@flowkit/tools/schema.json`), so editors and
 * the loader agree on one definition.
 */

const safeKey = (what: string) =>
  z
    .string()
    .check(
      z.regex(/^[A-Za-z][\w.-]*$/, `${what} must start with a letter and use only letters, digits, '_', '-' and '.'`),
      z.maxLength(100),
    )

const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T

/** A step id: starts with a letter; letters, digits, `_`, `-`, `.`. */
export const StepIdSchema = safeKey('a step id').register(z.globalRegistry, { id: 'StepId', description: 'A step id, e.g. "payment".' })

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

const ops = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'exists'] as const

/** `{ "field": "plan", "eq": "family" }`: compares one state field (dotted path) with a value. */
export const ComparisonSchema = z
  .strictObject({
    field: described(safeKey('a field path'), 'The state field to read; dots reach into objects: "address.country".'),
    eq: z.optional(described(scalar, 'Holds when the field equals this value.')),
    ne: z.optional(described(scalar, 'Holds when the field does not equal this value.')),
    in: z.optional(described(z.array(scalar), 'Holds when the field equals one of these values.')),
    gt: z.optional(z.number()),
    gte: z.optional(z.number()),
    lt: z.optional(z.number()),
    lte: z.optional(z.number()),
    exists: z.optional(described(z.boolean(), 'true: the field is set (not undefined, null or ""); false: it is not.')),
  })
  .check((ctx) => {
    const used = ops.filter((op) => ctx.value[op] !== undefined)
    if (used.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message:
          used.length === 0
            ? `a comparison needs one operator: ${ops.join(', ')}, e.g. { "field": "plan", "eq": "family" }`
            : `a comparison takes exactly one operator, found ${used.join(' and ')}; combine several with { "all": [...] }`,
      })
    }
  })
  .register(z.globalRegistry, { id: 'Comparison' })

/** A declarative condition. Never code: a comparison, a named guard, or all/any/not of conditions. */
export type Condition =
  | z.infer<typeof ComparisonSchema>
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly guard: string }

export const ConditionSchema: z.ZodMiniType<Condition> = z
  .union([
    ComparisonSchema,
    z.strictObject({
      get all() {
        return described(z.array(ConditionSchema).check(z.minLength(1)), 'Holds when every condition holds.')
      },
    }),
    z.strictObject({
      get any() {
        return described(z.array(ConditionSchema).check(z.minLength(1)), 'Holds when at least one condition holds.')
      },
    }),
    z.strictObject({
      get not() {
        return ConditionSchema
      },
    }),
    z.strictObject({ guard: described(safeKey('a guard name'), 'A guard function from the registry passed to loadWorkflow.') }),
  ])
  .register(z.globalRegistry, { id: 'Condition', description: 'A comparison, { all }, { any }, { not } or { guard }.' })

/** The keys that tell the condition forms apart, in the order of `ConditionSchema`'s branches. */
export const conditionKeys = ['field', 'all', 'any', 'not', 'guard'] as const

/** Validation of one input field; compiled to a Standard Schema. */
export const FieldRuleSchema = z
  .strictObject({
    type: z.optional(z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object'])),
    required: z.optional(described(z.boolean(), 'The field must be present and not empty. Default false.')),
    minLength: z.optional(described(z.int().check(z.minimum(0)), 'Fewest characters (strings) or items (arrays).')),
    maxLength: z.optional(z.int().check(z.minimum(0))),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    pattern: z.optional(
      described(z.string().check(z.maxLength(500)), 'A regular expression the whole string must match, e.g. "[0-9]{5}".'),
    ),
    format: z.optional(z.enum(['email'])),
    enum: z.optional(described(z.array(scalar).check(z.minLength(1)), 'The only values allowed.')),
    message: z.optional(described(z.string(), 'Replaces the default message of every rule of this field.')),
  })
  .register(z.globalRegistry, { id: 'FieldRule' })

/** One guarded choice: go `to` this step `when` the condition holds; leave out `when` for the fallback. */
export const ChoiceSchema = z
  .strictObject({
    to: StepIdSchema,
    when: z.optional(ConditionSchema),
    label: z.optional(described(z.string().check(z.maxLength(200)), 'Shown in diagrams and errors; defaults to the condition in words.')),
  })
  .register(z.globalRegistry, { id: 'Choice' })

/** `repeat: { flow: dependant, min: 0, max: 6 }`: a group of steps asked once per item ("add another"). */
export const RepeatSchema = z
  .strictObject({
    flow: described(safeKey('a sub-flow id'), "The flow asked once per item: an id from this file's `flows`, or from registry.flows."),
    // Bounds are numbers here and checked by core (INVALID_REPEAT), the one place their rule lives.
    min: z.optional(
      described(z.number(), 'The fewest items (an integer, 0 to max); the summary asks for more until there are. Default 0.'),
    ),
    max: described(z.number(), 'The most items a user may add (an integer, 1 to 1000).'),
    key: z.optional(described(safeKey('a state key'), 'The state key of the items array. Default the step id.')),
  })
  .register(z.globalRegistry, { id: 'Repeat' })

export const StepSchema = z
  .strictObject({
    title: z.optional(z.string().check(z.maxLength(200))),
    flow: z.optional(
      described(
        safeKey('a sub-flow id'),
        "Runs another flow as part of this one (its steps become '<step>.<child step>'): an id from this file's `flows`, or from registry.flows.",
      ),
    ),
    key: z.optional(
      described(safeKey('a state key'), "For a `flow` step: the state key the sub-flow's data lives under. Default the step id."),
    ),
    repeat: z.optional(RepeatSchema),
    next: z.optional(z.union([StepIdSchema, z.array(ChoiceSchema).check(z.minLength(1))])),
    final: z.optional(z.boolean()),
    redo: z.optional(
      described(
        z.boolean(),
        'false: run the actions and field checks every time the step is completed, even with the same answer after going back (a fresh quote). Default true: the earlier completion is put back.',
      ),
    ),
    skip: z.optional(described(ConditionSchema, 'When this holds as the step is reached, the step is passed over.')),
    skipReason: z.optional(described(z.string().check(z.maxLength(200)), 'Recorded in the journey log when the step is skipped.')),
    actions: z.optional(described(z.array(safeKey('an action name')), 'Names of actions in the registry, run in order.')),
    fields: z.optional(described(z.record(safeKey('a field path'), FieldRuleSchema), 'Validation of the input, per field.')),
    meta: z.optional(z.record(z.string(), z.json())),
  })
  .register(z.globalRegistry, { id: 'Step' })

/** A whole flow file. */
export const FlowFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    version: z.optional(z.union([z.number(), z.string()])),
    title: z.optional(z.string().check(z.maxLength(200))),
    initial: StepIdSchema,
    state: z.optional(described(z.record(safeKey('a state key'), z.json()), 'The initial state. Default {}.')),
    flows: z.optional(
      described(
        z.record(safeKey('a sub-flow id'), z.string().check(z.minLength(1), z.maxLength(500))),
        'Sub-flows in other files, by the id the steps use: { "address": "./address.flow.yaml" } (paths relative to this file).',
      ),
    ),
    steps: z.record(StepIdSchema, StepSchema).check(z.refine((steps) => Object.keys(steps).length > 0, 'a flow needs at least one step')),
  })
  .register(z.globalRegistry, {
    id: 'FlowFile',
    title: 'Flowkit workflow',
    description: 'A multi-step flow for @flowkit/core, loaded by loadWorkflow.',
  })

export type Comparison = z.infer<typeof ComparisonSchema>
export type FieldRule = z.infer<typeof FieldRuleSchema>
export type Choice = z.infer<typeof ChoiceSchema>
export type RepeatFile = z.infer<typeof RepeatSchema>
export type StepFile = z.infer<typeof StepSchema>
export type FlowFile = z.infer<typeof FlowFileSchema>

/** The JSON Schema of the file format (draft 2020-12), as published in `schema/flowkit.schema.json`. */
export const flowJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(FlowFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>
