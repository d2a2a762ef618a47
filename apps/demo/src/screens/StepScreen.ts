import type { Issues } from '@flowkit/core'
import type { ComponentType } from 'react'

/** What a step's fields get: the draft being typed, a way to change it, the issues and the flow state. */
export interface FieldsProps<D, S> {
  readonly draft: Partial<D>
  /** Merges `patch` into the draft (kept by the workflow, so it survives back, reload and branch changes). */
  readonly update: (patch: Partial<D>) => void
  readonly issues: Issues
  readonly state: S
  /** Check-answers pages: reopens a completed step; once it is submitted the user comes back here. */
  readonly change: (step: string) => void
}

/** How the demo draws one step: its heading, its fields and the order of its fields for the error summary. */
export interface StepScreen<S, D = any> {
  readonly heading: string
  readonly lead?: string
  readonly Fields: ComponentType<FieldsProps<D, S>>
  /** The draft before anything is typed: what an untouched form submits. */
  readonly blank: D
  /** Field paths top to bottom, so the error summary lists problems in page order. */
  readonly order: readonly string[]
  /** The label of the continue button. @default 'Continue' */
  readonly submitLabel?: string
  /**
   * A problem with the answers so far that the flow would refuse on continue (a rule over several
   * answers, like dependants that do not fit the plan): shown in place of submitting, in the user's words.
   */
  readonly problem?: (state: S) => string | undefined
}
