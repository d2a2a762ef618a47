import { useCallback, useState } from 'react'

export type Theme = 'system' | 'light' | 'dark'
const KEY = 'flowkit-demo:theme'

const read = (): Theme => {
  try {
    const saved = localStorage.getItem(KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  } catch {
    return 'system'
  }
}

/** The colour theme: follows the OS until the user picks one, which is remembered. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setState] = useState(read)
  const setTheme = useCallback((next: Theme) => {
    setState(next)
    try {
      if (next === 'system') localStorage.removeItem(KEY)
      else localStorage.setItem(KEY, next)
    } catch {}
    if (next === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = next
  }, [])
  return [theme, setTheme]
}
