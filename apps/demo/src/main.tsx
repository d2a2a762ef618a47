import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './styles/tokens.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/buttons.css'
import './styles/forms.css'
import './styles/feedback.css'
import './styles/components.css'
import './styles/panel.css'
import './styles/landing.css'
import './styles/save.css'
import './styles/transitions.css'

// Each step scrolls to its top and focuses its heading itself; the browser restoring an old offset would fight that.
window.history.scrollRestoration = 'manual'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element to render the demo into.')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
