import type { HTMLAttributes } from 'react'
import { useStepHeading } from './useStepHeading'

export interface StepHeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  /** The heading level. @default 'h1' */
  readonly as?: 'h1' | 'h2' | 'h3' | 'h4'
}

/**
 * The step's heading; focus moves to it when the user arrives at the step.
 * @example
 * <StepHeading>Payment details</StepHeading>
 */
export function StepHeading({ as: Heading = 'h1', ...props }: StepHeadingProps) {
  return <Heading {...props} {...useStepHeading()} />
}
