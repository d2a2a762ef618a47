import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { applicant, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

const partner = { name: 'William King', birthDate: '1985-02-21', relationship: 'partner' as const }
const child = { name: 'Byron King', birthDate: '2016-05-12', relationship: 'child' as const }

/** Dependants, GOV.UK "add another": the summary lists each with Change and Remove; only on couple and family plans. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Dependants',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, {
    at: 'dependants',
    state: {
      applicant,
      eligibility: 'other',
      circumstances: { situation: 'carer', details: undefined },
      plan: { plan: 'family', tier: 'plus' },
      dependants: [partner, child],
    },
  }),
  beforeEach: services(),
}
export default meta

export const Summary: Story = {
  play: async ({ canvas }) => {
    const list = within(canvas.getByTestId('dependants-list'))
    await expect(list.getAllByRole('term').map((term) => term.textContent)).toEqual(['William King', 'Byron King'])
    await expect(list.getByRole('button', { name: /^Change\s*Byron King$/ })).toBeInTheDocument()
  },
}

/** Remove asks first; "No, keep them" keeps the dependant. */
export const RemoveAsksFirst: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Remove\s*William King$/ }))
    await expect(canvas.getByRole('heading', { name: 'Are you sure you want to remove William King?' })).toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'No, keep them' }))
    await expect(within(canvas.getByTestId('dependants-list')).getAllByRole('term')).toHaveLength(2)
  },
}

/** "Add another dependant" opens the next item's first question. */
export const AddAnother: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: '+ Add another dependant' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'What is the full name of dependant 3?' })).toBeInTheDocument()
  },
}

/** One dependant's question, validated on its own. */
export const ItemValidation: Story = {
  args: {
    at: 'dependants.0.name',
    state: { applicant, eligibility: 'other', plan: { plan: 'family', tier: 'plus' } },
    drafts: { 'dependants.0.name': { name: '' } },
    submit: true,
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Enter the dependant’s full name' })).toBeInTheDocument()
  },
}
