import { type EnrollmentState, type Plan, RELATIONSHIPS } from '../../flows/enrollment'
import { MAX_LENGTH } from '../../flows/limits'
import { messageOf, useFieldId } from '../../ui/fieldId'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

interface Dependent {
  name: string
  birthDate: string
  relationship: string
}

export interface DependentsDraft {
  dependents: Dependent[]
}

const blank: Dependent = { name: '', birthDate: '', relationship: '' }

/** What the chosen plan covers, said before the user submits (the dependants step refuses what does not fit). */
const COVERS: Partial<Record<Plan, string>> = {
  couple: '“Me and a partner” covers you and your partner: add your partner, with the relationship Partner.',
  family: 'A family plan covers you, your children and at most one partner: add at least one child.',
}

function DependentsFields({ draft, update, issues, state }: FieldsProps<DependentsDraft, EnrollmentState>) {
  const fieldId = useFieldId()
  const dependents = draft.dependents?.length ? draft.dependents : [{ ...blank }]
  const set = (index: number, patch: Partial<Dependent>) =>
    update({ dependents: dependents.map((d, i) => (i === index ? { ...d, ...patch } : d)) })
  const listError = messageOf(issues, 'dependents')
  const covers = state.plan ? COVERS[state.plan.plan] : undefined
  return (
    <>
      {covers && (
        <p className="field-hint" data-testid="plan-covers">
          {covers}
        </p>
      )}
      {listError && (
        <span className="field-error" id={`${fieldId('dependents')}-error`}>
          {listError}
        </span>
      )}
      {dependents.map((dependent, index) => {
        const at = `dependents.${index}`
        const relId = fieldId(`${at}.relationship`)
        const relError = messageOf(issues, `${at}.relationship`)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: dependants have no id; the index is their identity in the form
          <fieldset className="dependent" key={index}>
            <div className="dependent-head">
              <legend>
                <strong>Dependant {index + 1}</strong>
              </legend>
              {dependents.length > 1 && (
                <button
                  type="button"
                  className="btn btn-link"
                  onClick={() => update({ dependents: dependents.filter((_, i) => i !== index) })}
                >
                  Remove<span className="visually-hidden"> dependant {index + 1}</span>
                </button>
              )}
            </div>
            <TextField
              name={`${at}.name`}
              maxLength={MAX_LENGTH.personName}
              label="Full name"
              value={dependent.name}
              onChange={(name) => set(index, { name })}
              issues={issues}
            />
            <div className="grid-2">
              <TextField
                name={`${at}.birthDate`}
                maxLength={MAX_LENGTH.date}
                label="Date of birth"
                type="date"
                value={dependent.birthDate}
                onChange={(birthDate) => set(index, { birthDate })}
                issues={issues}
              />
              <div className={`field${relError ? ' has-error' : ''}`}>
                <label className="field-label" htmlFor={relId}>
                  Relationship
                </label>
                {relError && (
                  <span className="field-error" id={`${relId}-error`}>
                    <span className="visually-hidden">Error: </span>
                    {relError}
                  </span>
                )}
                <select
                  id={relId}
                  className="select"
                  value={dependent.relationship}
                  onChange={(e) => set(index, { relationship: e.target.value })}
                  aria-invalid={relError ? true : undefined}
                  aria-describedby={relError ? `${relId}-error` : undefined}
                >
                  <option value="">Select</option>
                  {Object.entries(RELATIONSHIPS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </fieldset>
        )
      })}
      {dependents.length < 6 && (
        <button
          type="button"
          className="btn btn-secondary"
          id={fieldId('dependents')}
          onClick={() => update({ dependents: [...dependents, { ...blank }] })}
        >
          + Add another dependant
        </button>
      )}
    </>
  )
}

export const dependentsScreen: StepScreen<EnrollmentState, DependentsDraft> = {
  heading: 'Who else is covered?',
  lead: 'Add your partner and any children the plan should cover.',
  Fields: DependentsFields,
  blank: { dependents: [{ name: '', birthDate: '', relationship: '' }] },
  order: ['dependents'],
}
