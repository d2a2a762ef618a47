import type { ReactNode } from 'react'

/**
 * Frames a live example on a docs page: the real @flowkit/react components, running in the reader's
 * browser (and rendered on the server at build time). The label names it for screen readers.
 */
export function Live({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="fk-live" aria-label={`Live example: ${title}`}>
      <p className="fk-live-label" aria-hidden="true">
        Live example
      </p>
      {children}
    </section>
  )
}
