import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Stories render in StrictMode, as in Storybook (`framework.options.strictMode`). The renderer reads this global when it loads.
;(globalThis as { FRAMEWORK_OPTIONS?: { strictMode: boolean } }).FRAMEWORK_OPTIONS = { strictMode: true }
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
// jsdom has no scrolling; screens that scroll to the top on arrival call it.
window.scrollTo = () => {}
// jsdom has no canvas; axe asks for one (icon ligatures) and copes with none, but jsdom would log each call.
HTMLCanvasElement.prototype.getContext = () => null

// Imported after FRAMEWORK_OPTIONS is set; set before the test files compose their stories.
const [{ setProjectAnnotations }, preview] = await Promise.all([import('@storybook/react'), import('./preview.ts')])
setProjectAnnotations([preview.default])

afterEach(() => {
  cleanup()
  localStorage.clear()
  sessionStorage.clear()
})
