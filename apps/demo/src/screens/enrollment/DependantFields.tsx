import { RELATIONSHIPS, type Relationship } from '../../flows/dependant'
import { MAX_LENGTH } from '../../flows/limits'
import { Choices } from '../../ui/Choices'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface DependantNameDraft {
  name: string
}
export interface DependantBirthDateDraft {
  birthDate: string
}
export interface DependantRelationshipDraft {
  relationship: Relationship
}

function NameFields({ draft, update, issues }: FieldsProps<DependantNameDraft, unknown>) {
  return (
    <TextField
      name="name"
      maxLength={MAX_LENGTH.personName}
      label="Full name"
      value={draft.name}
      onChange={(name) => update({ name })}
      issues={issues}
    />
  )
}

function BirthDateFields({ draft, update, issues }: FieldsProps<DependantBirthDateDraft, unknown>) {
  return (
    <TextField
      name="birthDate"
      maxLength={MAX_LENGTH.date}
      label="Date of birth"
      type="date"
      value={draft.birthDate}
      onChange={(birthDate) => update({ birthDate })}
      issues={issues}
      width="medium"
    />
  )
}

function RelationshipFields({ draft, update, issues }: FieldsProps<DependantRelationshipDraft, unknown>) {
  return (
    <Choices
      name="relationship"
      legend="Relationship to you"
      value={draft.relationship}
      onChange={(relationship) => update({ relationship })}
      issues={issues}
      choices={(Object.keys(RELATIONSHIPS) as Relationship[]).map((value) => ({ value, title: RELATIONSHIPS[value] }))}
    />
  )
}

/**
 * The screens of the `dependant` questions for each item of the enrollment's repeat, keyed by the
 * laid-out step ids (`'dependants.0.name'` … `'dependants.5.relationship'`).
 */
export const dependantScreens = (step: string, max: number): Record<string, StepScreen<any>> => {
  const screens: Record<string, StepScreen<any>> = {}
  for (let item = 0; item < max; item++) {
    const n = item + 1
    screens[`${step}.${item}.name`] = {
      heading: `What is the full name of dependant ${n}?`,
      Fields: NameFields,
      blank: { name: '' },
      order: ['name'],
    } satisfies StepScreen<unknown, DependantNameDraft>
    screens[`${step}.${item}.birthDate`] = {
      heading: `What is dependant ${n}’s date of birth?`,
      Fields: BirthDateFields,
      blank: { birthDate: '' },
      order: ['birthDate'],
    } satisfies StepScreen<unknown, DependantBirthDateDraft>
    screens[`${step}.${item}.relationship`] = {
      heading: `How is dependant ${n} related to you?`,
      Fields: RelationshipFields,
      blank: { relationship: undefined as unknown as Relationship },
      order: ['relationship'],
    } satisfies StepScreen<unknown, DependantRelationshipDraft>
  }
  return screens
}
