import { useCallback, useState } from 'react'
import { FlowPage } from './FlowPage'
import { Header } from './Header'
import { Landing } from './Landing'
import { useRoute } from './useRoute'
import { useTheme } from './useTheme'

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
      {route === 'home' ? <Landing navigate={navigate} /> : <FlowPage key={route} name={route} panelOpen={panelOpen} />}
    </>
  )
}
