import { lazy, Suspense, useCallback, useState } from 'react'
import { FlowPage } from './FlowPage'
import { Header } from './Header'
import { Landing } from './Landing'
import { useRoute } from './useRoute'
import { useTheme } from './useTheme'

// The insights page and its chart library load only when it is opened: the wizards never pay for them.
const InsightsPage = lazy(() => import('../insights/InsightsPage').then((m) => ({ default: m.InsightsPage })))

const PANEL_KEY = 'flowkit-demo:panel'
const readPanel = () => {
  try {
    return localStorage.getItem(PANEL_KEY) !== 'closed'
  } catch {
    return true
  }
}

/** The demo: a landing page and the two flows, with a theme switch and the inspector panel. */
export function App() {
  const [route, navigate] = useRoute()
  const [theme, setTheme] = useTheme()
  const [panelOpen, setPanelOpen] = useState(readPanel)
  const togglePanel = useCallback(() => {
    setPanelOpen((open) => {
      try {
        localStorage.setItem(PANEL_KEY, open ? 'closed' : 'open')
      } catch {}
      return !open
    })
  }, [])
  return (
    <>
      <Header route={route} navigate={navigate} theme={theme} setTheme={setTheme} panelOpen={panelOpen} togglePanel={togglePanel} />
      {route === 'home' ? (
        <Landing navigate={navigate} />
      ) : route === 'insights' ? (
        <Suspense fallback={<main className="app-main" id="main" aria-busy="true" />}>
          <InsightsPage />
        </Suspense>
      ) : (
        <FlowPage key={route} name={route} panelOpen={panelOpen} />
      )}
    </>
  )
}
