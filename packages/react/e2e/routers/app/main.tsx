import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ReactRouterApp } from './ReactRouterApp'
import { TanStackRouterApp } from './TanStackRouterApp'

// One page per router, chosen by the first path segment; each router owns everything below it.
const App = window.location.pathname.startsWith('/tanstack-router') ? TanStackRouterApp : ReactRouterApp
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
