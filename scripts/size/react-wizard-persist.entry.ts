// @size-title @flowkit/core + @flowkit/react: the same wizard, saved to localStorage (persist)
// @size-budget 14750
import { persist } from '@flowkit/core/persist'
import { renderWizard } from './wizard'

renderWizard({ persist: persist({ key: 'signup' }) })
