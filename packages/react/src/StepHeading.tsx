import type { HTMLAttributes } from 'react'
import { useStepHeading } from './useStepHeading'

export interface StepHeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  /**
   * The heading element. Keep one `h1` per page: use `'h2'` when the page around the wizard already
   * has its own `h1`.
   * @default 'h1'
   * @example
   * <StepHeading as="h2">{title}</StepHeading>
   */
  readonly as?: 'h1' | 'h2' | 'h3' | 'h4'
}

/**
 * The step's heading; focus moves to it when the user arrives at the step. Renders an `h1` unless `as`
 * says otherwise.
 * @example
 * <StepHeading>Payment details</StepHeading>
 */
export function StepHeading({ as: Heading = 'h1', ...props }: StepHeadingProps) {
  return <Heading {...props} {...useStepHeading()} />
}
