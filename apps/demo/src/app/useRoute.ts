import { useCallback, useSyncExternalStore } from 'react'

export type Route = 'home' | 'checkout' | 'enrollment' | 'insights'

const routeOf = (pathname: string): Route => {
  const name = pathname.replace(/^\/+|\/+$/g, '').split('/')[0]
  return name === 'checkout' || name === 'enrollment' || name === 'insights' ? name : 'home'
}

const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener)
  window.addEventListener('flowkit-demo:navigate', listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener('flowkit-demo:navigate', listener)
  }
}

/** The page from the URL path, and a way to go to another page (a history entry, like a link). */
export function useRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(
    subscribe,
    () => routeOf(window.location.pathname),
    () => 'home' as const,
  )
  const navigate = useCallback((to: Route) => {
    window.history.pushState(null, '', to === 'home' ? '/' : `/${to}`)
    window.dispatchEvent(new Event('flowkit-demo:navigate'))
    window.scrollTo(0, 0)
  }, [])
  return [route, navigate]
}

export const hrefOf = (route: Route): string => (route === 'home' ? '/' : `/${route}`)
