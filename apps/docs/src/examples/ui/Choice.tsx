import { useStep } from '@flowkit/react'

/** A radio group bound to one path of the step's draft. */
export function Choice({ name, legend, options }: { name: string; legend: string; options: Record<string, string> }) {
  const { field } = useStep()
  return (
    <fieldset>
      <legend>{legend}</legend>
      {Object.entries(options).map(([value, label]) => (
        <label key={value}>
          <input {...field(name, { type: 'radio', option: value })} /> {label}
        </label>
      ))}
    </fieldset>
  )
}
