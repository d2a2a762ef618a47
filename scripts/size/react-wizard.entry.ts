// @size-title @flowkit/core + @flowkit/react: a 3-step wizard (steps, stepper, progress, fields), React external
// @size-budget 12050
// @size-goal 3947
import { renderWizard } from './wizard'

renderWizard()
