/**
 * The default Rspress theme with three accessibility repairs, each found by the axe run in
 * test/site.browser.ts against Rspress 2.0.22: named sidebar and outline landmarks, keyboard-reachable
 * scrolling tables, and (in ../headerAnchors.ts, at build time) permalink anchors out of the tab order.
 */
import { useLocation } from '@rspress/core/runtime'
import { DocLayout as BasicDocLayout, getCustomMDXComponent as basicMDXComponents, type DocLayoutProps } from '@rspress/core/theme-original'
import { type ComponentProps, useEffect, useRef } from 'react'

const landmarks: readonly [selector: string, apply: (element: Element) => void][] = [
  ['aside.rp-doc-layout__sidebar', (e) => e.setAttribute('aria-label', 'Pages')],
  ['aside.rp-doc-layout__outline', (e) => e.setAttribute('aria-label', 'On this page')],
  ['aside[class$="-placeholder"]', (e) => e.setAttribute('aria-hidden', 'true')],
]

/**
 * Workaround: the layout renders the sidebar and the outline as two unnamed `<aside>` landmarks and takes
 * no props for their names, so they are named after each render (axe: landmark-unique).
 */
export function DocLayout(props: DocLayoutProps) {
  const root = useRef<HTMLDivElement>(null)
  const { pathname } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout re-renders its asides on navigation
  useEffect(() => {
    for (const [selector, apply] of landmarks) for (const element of root.current?.querySelectorAll(selector) ?? []) apply(element)
  }, [pathname])
  return (
    <div ref={root} style={{ display: 'contents' }}>
      <BasicDocLayout {...props} />
    </div>
  )
}

/** A wide table scrolls sideways; keyboard users can scroll it once it takes focus (axe: scrollable-region-focusable). */
function Table(props: ComponentProps<'table'>) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
    <div className="rp-table-scroll-container rp-scrollbar" tabIndex={0}>
      <table {...props} />
    </div>
  )
}

export const getCustomMDXComponent = () => ({ ...basicMDXComponents(), table: Table })

export * from '@rspress/core/theme-original'
