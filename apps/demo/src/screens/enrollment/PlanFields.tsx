import { formatPrice } from '../../flows/catalog'
import { type EnrollmentState, PLANS, type Plan } from '../../flows/enrollment'
import { Choices } from '../../ui/Choices'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface PlanDraft {
  plan: Plan
  tier: 'essential' | 'plus'
}

function PlanFields({ draft, update, issues }: FieldsProps<PlanDraft, EnrollmentState>) {
  return (
    <>
      <Choices
        name="plan"
        legend="Who should the plan cover?"
        hint="A plan for just you skips the dependants step."
        value={draft.plan}
        onChange={(plan) => update({ plan })}
        issues={issues}
        choices={(Object.keys(PLANS) as Plan[]).map((value) => ({
          value,
          title: PLANS[value].label,
          detail: PLANS[value].detail,
          aside: `${formatPrice(PLANS[value].monthly)}/mo`,
        }))}
      />
      <Choices
        name="tier"
        legend="Level of cover"
        value={draft.tier}
        onChange={(tier) => update({ tier })}
        issues={issues}
        choices={[
          { value: 'essential', title: 'Essential', detail: 'GP visits, hospital stays and emergencies' },
          { value: 'plus', title: 'Plus', detail: 'Everything in Essential, with dental, optical and physio', aside: '+25%' },
        ]}
      />
    </>
  )
}

export const planScreen: StepScreen<EnrollmentState, PlanDraft> = {
  heading: 'Choose your plan',
  Fields: PlanFields,
  blank: { plan: undefined as unknown as PlanDraft['plan'], tier: undefined as unknown as PlanDraft['tier'] },
  order: ['plan', 'tier'],
}
