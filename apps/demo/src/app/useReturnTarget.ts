import { useCallback, useState } from 'react'

/**
 * The check-answers step a "Change" link left from, kept in session storage so that a reload in the
 * middle of a change still returns to review.
 */
export function useReturnTarget(flow: string): [string | null, (step: string | null) => void] {
  const key = `flowkit-demo:${flow}:return-to`
  const [target, setState] = useState<string | null>(() => {
    try {
      return sessionStorage.getItem(key)
    } catch {
      return null
    }
  })
  const setTarget = useCallback(
    (step: string | null) => {
      setState(step)
      try {
        if (step === null) sessionStorage.removeItem(key)
        else sessionStorage.setItem(key, step)
      } catch {}
    },
    [key],
  )
  return [target, setTarget]
}
