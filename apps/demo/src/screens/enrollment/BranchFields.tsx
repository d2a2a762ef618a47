import { useField } from '@flowkit/react'
import { type EnrollmentState, SITUATIONS, type Situation } from '../../flows/enrollment'
import { MAX_LENGTH } from '../../flows/limits'
import { Checkbox } from '../../ui/Checkbox'
import { Choices } from '../../ui/Choices'
import { messageOf } from '../../ui/fieldId'
import { TextField } from '../../ui/TextField'
import type { FieldsProps, StepScreen } from '../StepScreen'

export interface StudentDraft {
  institution: string
  studentId: string
  graduationYear: string
}

function StudentFields({ draft, update, issues }: FieldsProps<StudentDraft, EnrollmentState>) {
  return (
    <>
      <TextField
        name="institution"
        maxLength={MAX_LENGTH.institution}
        label="School, college or university"
        autoComplete="organization"
        value={draft.institution}
        onChange={(institution) => update({ institution })}
        issues={issues}
      />
      <TextField
        name="studentId"
        maxLength={MAX_LENGTH.studentId}
        label="Student ID"
        hint="5 to 12 letters or digits, as on your student card"
        value={draft.studentId}
        onChange={(studentId) => update({ studentId })}
        issues={issues}
        width="medium"
        spellCheck={false}
      />
      <TextField
        name="graduationYear"
        maxLength={MAX_LENGTH.year}
        label="Expected graduation year"
        inputMode="numeric"
        value={draft.graduationYear}
        onChange={(graduationYear) => update({ graduationYear })}
        issues={issues}
        width="narrow"
      />
    </>
  )
}

export const studentScreen: StepScreen<EnrollmentState, StudentDraft> = {
  heading: 'Your studies',
  lead: 'Students get 30% off while in full-time education.',
  Fields: StudentFields,
  blank: { institution: '', studentId: '', graduationYear: '' },
  order: ['institution', 'studentId', 'graduationYear'],
}

export interface EmploymentDraft {
  employer: string
  jobTitle: string
  employerPays: boolean
}

function EmploymentFields({ draft, update, issues }: FieldsProps<EmploymentDraft, EnrollmentState>) {
  return (
    <>
      <TextField
        name="employer"
        maxLength={MAX_LENGTH.employer}
        label="Employer"
        autoComplete="organization"
        value={draft.employer}
        onChange={(employer) => update({ employer })}
        issues={issues}
      />
      <TextField
        name="jobTitle"
        maxLength={MAX_LENGTH.jobTitle}
        label="Job title"
        autoComplete="organization-title"
        value={draft.jobTitle}
        onChange={(jobTitle) => update({ jobTitle })}
        issues={issues}
      />
      <Checkbox
        name="employerPays"
        label="My employer contributes to my health cover"
        checked={draft.employerPays ?? false}
        onChange={(employerPays) => update({ employerPays })}
        issues={issues}
      />
    </>
  )
}

export const employmentScreen: StepScreen<EnrollmentState, EmploymentDraft> = {
  heading: 'Your employment',
  Fields: EmploymentFields,
  blank: { employer: '', jobTitle: '', employerPays: false },
  order: ['employer', 'jobTitle', 'employerPays'],
}

export interface CircumstancesDraft {
  situation: Situation
  details: string
}

function CircumstancesFields({ draft, update, issues }: FieldsProps<CircumstancesDraft, EnrollmentState>) {
  const { id: detailsId, errorId: detailsErrorId } = useField('details')
  const detailsError = messageOf(issues, 'details')
  return (
    <>
      <Choices
        name="situation"
        legend="What is your situation?"
        value={draft.situation}
        onChange={(situation) => update({ situation })}
        issues={issues}
        choices={(Object.keys(SITUATIONS) as Situation[]).map((value) => ({ value, title: SITUATIONS[value] }))}
      />
      <div className={`field${detailsError ? ' has-error' : ''}`}>
        <label className="field-label" htmlFor={detailsId}>
          Anything we should know? (optional)
        </label>
        {detailsError && (
          <span className="field-error" id={detailsErrorId}>
            <span className="visually-hidden">Error: </span>
            {detailsError}
          </span>
        )}
        <textarea
          id={detailsId}
          className="textarea"
          maxLength={MAX_LENGTH.details}
          value={draft.details ?? ''}
          onChange={(e) => update({ details: e.target.value })}
          aria-invalid={detailsError ? true : undefined}
          aria-describedby={detailsError ? detailsErrorId : undefined}
        />
      </div>
    </>
  )
}

export const circumstancesScreen: StepScreen<EnrollmentState, CircumstancesDraft> = {
  heading: 'Your circumstances',
  Fields: CircumstancesFields,
  blank: { situation: undefined as unknown as CircumstancesDraft['situation'], details: '' },
  order: ['situation', 'details'],
}
