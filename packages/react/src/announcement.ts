import type { WorkflowDefinition, WorkflowSnapshot } from '@flowkit/core'
import { stepTitle } from '@flowkit/core'
import { progressText } from './WorkflowProgress'

/** What the live region says when the step changes. */
export interface AnnouncementDetails {
  readonly step: string
  readonly title: string
  readonly position: number
  readonly total: number
  /** `false` when a choice ahead is undecided and `total` is a lower bound. */
  readonly exact: boolean
  readonly done: boolean
}

export const announcementDetails = (definition: WorkflowDefinition, s: WorkflowSnapshot): AnnouncementDetails => ({
  ...s.progress, // position, total, exact
  step: s.step,
  title: stepTitle(definition, s.step),
  done: s.status === 'done',
})

/** The default announcement: "Step 3 of 5: Payment", "Step 2 of at least 5: Plan" when not exact, "Complete" when done. */
export const defaultAnnouncement = (d: AnnouncementDetails): string => (d.done ? 'Complete' : `${progressText(d)}: ${d.title}`)
