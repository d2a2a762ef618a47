import type { ReactNode } from 'react'

/** A table that scrolls sideways on a narrow screen; focusable, so keyboard users can scroll it too. */
export function TableScroll({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
    <section className="insights-table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  )
}
