import { ELIGIBILITY, type Eligibility, type EnrollmentState } from '../../flows/enrollment'
import { Choices } from '../../ui/Choices'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface EligibilityDraft {
  status: Eligibility
}

const DETAILS: Record<Eligibility, string> = {
  student: 'In full-time education: student rates apply',
  employed: 'Working for an employer, who may pay part of the cost',
  other: 'Self-employed, retired, caring or between jobs',
}

function EligibilityFields({ draft, update, issues }: FieldsProps<EligibilityDraft, EnrollmentState>) {
  return (
    <Choices
      name="status"
      legend="Which describes you best?"
      hint="The next questions depend on your answer."
      value={draft.status}
      onChange={(status) => update({ status })}
      issues={issues}
      choices={(Object.keys(ELIGIBILITY) as Eligibility[]).map((value) => ({ value, title: ELIGIBILITY[value], detail: DETAILS[value] }))}
    />
  )
}

export const eligibilityScreen: StepScreen<EnrollmentState, EligibilityDraft> = {
  heading: 'Eligibility',
  Fields: EligibilityFields,
  blank: { status: undefined as unknown as EligibilityDraft['status'] },
  order: ['status'],
}
