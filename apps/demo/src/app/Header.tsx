import { hrefOf, type Route } from './useRoute'
import type { Theme } from './useTheme'

interface HeaderProps {
  readonly route: Route
  readonly navigate: (route: Route) => void
  readonly theme: Theme
  readonly setTheme: (theme: Theme) => void
  readonly panelOpen: boolean
  readonly togglePanel: () => void
}

const NEXT_THEME: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' }
const THEME_LABEL: Record<Theme, string> = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' }
const THEME_ICON: Record<Theme, string> = { system: '◐', dark: '☾', light: '☀' }

/** The top bar: brand, flow links, theme switch and the inspector toggle. */
export function Header({ route, navigate, theme, setTheme, panelOpen, togglePanel }: HeaderProps) {
  const link = (to: Route, label: string) => (
    <a
      href={hrefOf(to)}
      aria-current={route === to ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault()
        navigate(to)
      }}
    >
      {label}
    </a>
  )
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <a
        className="brand"
        href="/"
        onClick={(event) => {
          event.preventDefault()
          navigate('home')
        }}
      >
        <span className="brand-mark" aria-hidden="true">
          →
        </span>
        Flowkit
        <span className="brand-tag">demo</span>
      </a>
      <nav className="header-nav" aria-label="Demos">
        {link('checkout', 'Checkout')}
        {link('enrollment', 'Enrollment')}
        {link('insights', 'Insights')}
      </nav>
      <div className="header-actions">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => setTheme(NEXT_THEME[theme])}
          aria-label={`${THEME_LABEL[theme]}. Switch theme`}
          data-testid="theme-toggle"
        >
          <span aria-hidden="true">{THEME_ICON[theme]}</span>
          <span className="hide-sm">{THEME_LABEL[theme]}</span>
        </button>
        {route !== 'home' && route !== 'insights' && (
          <button
            type="button"
            className="btn btn-ghost"
            aria-pressed={panelOpen}
            aria-controls={panelOpen ? 'inspector' : undefined}
            onClick={togglePanel}
            data-testid="panel-toggle"
          >
            <span aria-hidden="true">⌘</span> Inspector
          </button>
        )}
      </div>
    </header>
  )
}
