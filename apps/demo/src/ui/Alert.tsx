import type { ReactNode } from 'react'

interface AlertProps {
  readonly tone: 'danger' | 'success' | 'info'
  readonly title: string
  readonly children?: ReactNode
  /** `alert` interrupts screen readers (errors); `status` waits politely. */
  readonly role?: 'alert' | 'status'
}

const ICONS = { danger: '!', success: '✓', info: 'i' }

/** A coloured notice with an icon, a title and a body. */
export function Alert({ tone, title, children, role }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={role} data-testid={`alert-${tone}`}>
      <span className="alert-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  )
}
