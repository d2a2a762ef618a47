import { useRepeat } from '@flowkit/react'
import { addressLines } from '../../flows/address'
import { formatPrice } from '../../flows/catalog'
import { RELATIONSHIPS, type Relationship } from '../../flows/dependant'
import { ELIGIBILITY, type EnrollmentState, PLANS, SITUATIONS } from '../../flows/enrollment'
import { formatDate } from '../formatDate'
import type { FieldsProps, StepScreen } from '../StepScreen'
import { SummaryList, type SummaryRow } from '../SummaryList'

function ReviewFields({ state, change }: FieldsProps<Record<string, never>, EnrollmentState>) {
  const { applicant, home, eligibility, student, employment, circumstances, plan, dependants, consents } = state
  const repeat = useRepeat('dependants')
  /** A dependant's answer: back to the summary (every item kept), then item `item` opened at that answer's step. */
  const changeItem = (item: number, local: string) => async () => {
    change('dependants')
    await repeat.change(item, `dependants.${item}.${local}`)
  }
  const rows: SummaryRow[] = []
  if (applicant) {
    rows.push({ key: 'name', label: 'Name', step: 'about', value: applicant.fullName })
    rows.push({ key: 'email', label: 'Email', step: 'about', value: applicant.email })
    rows.push({ key: 'birthDate', label: 'Date of birth', step: 'about', value: formatDate(applicant.birthDate) })
  }
  if (home) rows.push({ key: 'home', label: 'Home address', step: 'home.lines', value: addressLines(home).slice(1).join('\n') })
  if (eligibility) rows.push({ key: 'eligibility', label: 'You are', step: 'eligibility', value: ELIGIBILITY[eligibility] })
  if (student) {
    rows.push({
      key: 'studies',
      label: 'Studies',
      step: 'student',
      value: `${student.institution}\nID ${student.studentId} · graduating ${student.graduationYear}`,
    })
  }
  if (employment) {
    rows.push({
      key: 'employment',
      label: 'Employment',
      step: 'employment',
      value: `${employment.jobTitle} at ${employment.employer}${employment.employerPays ? '\nEmployer contributes' : ''}`,
    })
  }
  if (circumstances) {
    rows.push({
      key: 'circumstances',
      label: 'Circumstances',
      step: 'circumstances',
      value: [SITUATIONS[circumstances.situation], circumstances.details].filter(Boolean).join('\n'),
    })
  }
  if (plan) {
    rows.push({
      key: 'plan',
      label: 'Plan',
      step: 'plan',
      value: `${PLANS[plan.plan].label}, ${plan.tier === 'plus' ? 'Plus' : 'Essential'} · ${formatPrice(PLANS[plan.plan].monthly * (plan.tier === 'plus' ? 1.25 : 1))}/mo`,
    })
  }
  // The list itself: its summary, to add, remove or change a dependant (each one opened shows all its pages).
  if (dependants?.length) {
    rows.push({ key: 'dependants', label: 'Dependants', step: 'dependants', value: dependants.map((d) => d.name).join('\n') })
  }
  for (const [item, d] of (dependants ?? []).entries()) {
    const who = `Dependant ${item + 1}`
    rows.push(
      { key: `d${item}-name`, label: `${who}: name`, step: `dependants.${item}.name`, value: d.name, onChange: changeItem(item, 'name') },
      {
        key: `d${item}-birthDate`,
        label: `${who}: date of birth`,
        step: `dependants.${item}.birthDate`,
        value: formatDate(d.birthDate),
        onChange: changeItem(item, 'birthDate'),
      },
      {
        key: `d${item}-relationship`,
        label: `${who}: relationship`,
        step: `dependants.${item}.relationship`,
        value: RELATIONSHIPS[d.relationship as Relationship] ?? '',
        onChange: changeItem(item, 'relationship'),
      },
    )
  }
  if (consents) {
    rows.push({
      key: 'consents',
      label: 'Consents',
      step: 'consents',
      value: `Terms and data use accepted\n${consents.marketing ? 'Health tips: yes' : 'Health tips: no'}`,
    })
  }
  return <SummaryList rows={rows} change={change} />
}

export const enrollmentReviewScreen: StepScreen<EnrollmentState> = {
  heading: 'Check your answers before you enrol',
  Fields: ReviewFields,
  blank: {},
  order: [],
  submitLabel: 'Submit enrollment',
}
