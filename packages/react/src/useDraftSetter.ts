import type { Workflow } from '@flowkit/core'
import { useCallback } from 'react'
import { setPath } from './paths'

/** `setValue(path, value)` for a step's draft, reading the latest draft (never a stale render's). */
export const useDraftSetter = (workflow: Workflow, step: string) =>
  useCallback(
    (path: string, value: unknown) => workflow.setDraft(step, setPath(workflow.getSnapshot().drafts[step], path, value)),
    [workflow, step],
  )
