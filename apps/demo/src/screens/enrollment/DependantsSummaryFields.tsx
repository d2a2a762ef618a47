import { useRepeat } from '@flowkit/react'
import { useEffect, useRef, useState } from 'react'
import { type DependantData, RELATIONSHIPS } from '../../flows/dependant'
import { dependantsProblem, type EnrollmentState, type Plan } from '../../flows/enrollment'
import { formatDate } from '../formatDate'
import type { FieldsProps, StepScreen } from '../StepScreen'

/** What the chosen plan covers, said before the user goes on (the flow refuses what does not fit). */
/** The summary step's input (core's `SummaryDraft`, which `@flowkit/core` does not export yet). */
interface SummaryDraft {
  readonly action: 'add' | 'change' | 'remove' | 'continue'
  readonly item?: number
}

const COVERS: Partial<Record<Plan, string>> = {
  couple: '“Me and a partner” covers you and your partner: add your partner, with the relationship Partner.',
  family: 'A family plan covers you, your children and at most one partner: add at least one child.',
}

const describe = (d: DependantData) =>
  `${RELATIONSHIPS[d.relationship as keyof typeof RELATIONSHIPS] ?? ''}, born ${formatDate(d.birthDate)}`

/**
 * The dependants' summary (GOV.UK "add another"): each dependant with Change and Remove, Remove asking
 * for confirmation first; "Add another dependant" until the plan's maximum; Continue (the step's own
 * button) goes on.
 */
function DependantsSummaryFields({ draft, update, state }: FieldsProps<SummaryDraft, EnrollmentState>) {
  const repeat = useRepeat<DependantData>()
  const [confirming, setConfirming] = useState<number | null>(null)
  const [removed, setRemoved] = useState('')
  const confirmRef = useRef<HTMLHeadingElement>(null)
  const listRef = useRef<HTMLHeadingElement>(null)
  // The step's button continues: whatever the summary was last asked, its draft is "continue".
  useEffect(() => {
    if (draft.action !== 'continue') update({ action: 'continue' })
  }, [draft.action, update])
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus()
  }, [confirming])
  const covers = state.plan ? COVERS[state.plan.plan] : undefined
  const remove = async (item: number) => {
    const name = repeat.items[item]?.name ?? `dependant ${item + 1}`
    setConfirming(null)
    await repeat.remove(item)
    setRemoved(`${name} was removed.`)
    listRef.current?.focus()
  }
  return (
    <>
      {covers && (
        <p className="field-hint" data-testid="plan-covers">
          {covers}
        </p>
      )}
      <h2 className="legend-heading" tabIndex={-1} ref={listRef}>
        You have added {repeat.count} dependant{repeat.count === 1 ? '' : 's'}
      </h2>
      <p role="status" className="muted" data-testid="repeat-status">
        {removed}
      </p>
      <dl className="summary-list" data-testid="dependants-list">
        {repeat.items.map((d, item) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; the index is their identity in the repeat
          <div className="summary-row" key={item} data-item={item}>
            <dt>{d.name}</dt>
            <dd>{describe(d)}</dd>
            <dd className="summary-action">
              <button type="button" className="btn btn-link" onClick={() => repeat.change(item)} data-change-item={item}>
                Change<span className="visually-hidden"> {d.name}</span>
              </button>{' '}
              <button type="button" className="btn btn-link" onClick={() => setConfirming(item)} data-remove-item={item}>
                Remove<span className="visually-hidden"> {d.name}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      {confirming !== null && (
        <section className="hint-box" aria-labelledby="confirm-remove" data-testid="confirm-remove">
          <h2 id="confirm-remove" className="legend-heading" tabIndex={-1} ref={confirmRef}>
            Are you sure you want to remove {repeat.items[confirming]?.name}?
          </h2>
          <div className="btn-row">
            <button type="button" className="btn btn-secondary" onClick={() => remove(confirming)}>
              Yes, remove {repeat.items[confirming]?.name}
            </button>
            <button type="button" className="btn btn-link" onClick={() => setConfirming(null)}>
              No, keep them
            </button>
          </div>
        </section>
      )}
      {repeat.canAdd ? (
        <button type="button" className="btn btn-secondary" onClick={() => repeat.add()} data-testid="add-another">
          + Add another dependant
        </button>
      ) : (
        <p className="muted">You have added the most dependants a plan covers ({repeat.max}).</p>
      )}
    </>
  )
}

export const dependantsSummaryScreen: StepScreen<EnrollmentState, SummaryDraft> = {
  heading: 'Who else is covered?',
  lead: 'Add your partner and any children the plan should cover.',
  Fields: DependantsSummaryFields,
  blank: { action: 'continue' },
  order: [],
  problem: (state) => dependantsProblem(state.plan?.plan, state.dependants ?? []),
}
