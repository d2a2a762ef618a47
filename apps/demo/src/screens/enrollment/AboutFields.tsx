import type { EnrollmentState } from '../../flows/enrollment'
import { MAX_LENGTH } from '../../flows/limits'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface AboutDraft {
  fullName: string
  email: string
  birthDate: string
}

function AboutFields({ draft, update, issues }: FieldsProps<AboutDraft, EnrollmentState>) {
  return (
    <>
      <TextField
        name="fullName"
        maxLength={MAX_LENGTH.personName}
        label="Full name"
        autoComplete="name"
        value={draft.fullName}
        onChange={(fullName) => update({ fullName })}
        issues={issues}
      />
      <TextField
        name="email"
        maxLength={MAX_LENGTH.email}
        label="Email address"
        hint="We send your policy documents here"
        type="email"
        autoComplete="email"
        value={draft.email}
        onChange={(email) => update({ email })}
        issues={issues}
        spellCheck={false}
      />
      <TextField
        name="birthDate"
        maxLength={MAX_LENGTH.date}
        label="Date of birth"
        hint="You must be 16 or older"
        type="date"
        autoComplete="bday"
        value={draft.birthDate}
        onChange={(birthDate) => update({ birthDate })}
        issues={issues}
        width="medium"
      />
    </>
  )
}

export const aboutScreen: StepScreen<EnrollmentState, AboutDraft> = {
  heading: 'About you',
  lead: 'Enrol in a health plan in a few minutes. Your answers are saved on this device as you type.',
  Fields: AboutFields,
  blank: { fullName: '', email: '', birthDate: '' },
  order: ['fullName', 'email', 'birthDate'],
}
