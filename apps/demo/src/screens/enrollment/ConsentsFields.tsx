import type { EnrollmentState } from '../../flows/enrollment'
import { Checkbox } from '../../ui/Checkbox'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface ConsentsDraft {
  terms: boolean
  privacy: boolean
  marketing: boolean
}

function ConsentsFields({ draft, update, issues }: FieldsProps<ConsentsDraft, EnrollmentState>) {
  return (
    <>
      <Checkbox
        name="terms"
        label="I accept the terms of cover"
        detail="Cover starts on the first day of next month."
        checked={draft.terms ?? false}
        onChange={(terms) => update({ terms })}
        issues={issues}
      />
      <Checkbox
        name="privacy"
        label="I agree to how my data is used"
        detail="We use your answers to set up and manage your cover."
        checked={draft.privacy ?? false}
        onChange={(privacy) => update({ privacy })}
        issues={issues}
      />
      <Checkbox
        name="marketing"
        label="Send me health tips and offers (optional)"
        checked={draft.marketing ?? false}
        onChange={(marketing) => update({ marketing })}
        issues={issues}
      />
    </>
  )
}

export const consentsScreen: StepScreen<EnrollmentState, ConsentsDraft> = {
  heading: 'Consents',
  Fields: ConsentsFields,
  blank: { terms: false, privacy: false, marketing: false },
  order: ['terms', 'privacy', 'marketing'],
}
