import { useField } from '@flowkit/react'

/** A labelled input bound to one path of the step's draft; only it re-renders as the user types. */
export function TextField({ name, label, type = 'text' }: { name: string; label: string; type?: 'text' | 'email' | 'number' }) {
  const field = useField<string>(name)
  return (
    <p className="fk-field">
      <label htmlFor={field.id}>{label}</label>
      {field.issues.length > 0 && (
        <span id={field.errorId} className="fk-issue">
          {field.issues[0]}
        </span>
      )}
      <input {...field.props} type={type} />
    </p>
  )
}
