import { formatPrice } from '../../flows/catalog'
import { ELIGIBILITY, type EnrollmentState, PLANS, RELATIONSHIPS, SITUATIONS } from '../../flows/enrollment'
import type { FieldsProps, StepScreen } from '../StepScreen'
import { SummaryList, type SummaryRow } from '../SummaryList'

/** `1990-12-09` → `9 December 1990`, read as a calendar date (no time zone shift). */
const formatDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return y && m && d ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d)) : iso
}

function ReviewFields({ state, change }: FieldsProps<Record<string, never>, EnrollmentState>) {
  const { applicant, eligibility, student, employment, circumstances, plan, dependents, consents } = state
  const rows: SummaryRow[] = []
  if (applicant) {
    rows.push({ key: 'name', label: 'Name', step: 'about', value: applicant.fullName })
    rows.push({ key: 'email', label: 'Email', step: 'about', value: applicant.email })
    rows.push({ key: 'birthDate', label: 'Date of birth', step: 'about', value: formatDate(applicant.birthDate) })
  }
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
  if (dependents) {
    rows.push({
      key: 'dependents',
      label: 'Dependants',
      step: 'dependents',
      value: dependents.map((d) => `${d.name} (${RELATIONSHIPS[d.relationship]}, born ${formatDate(d.birthDate)})`).join('\n'),
    })
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
