// @size-budget 106600
// @size-title @flowkit/tools: loadWorkflow from JSON/YAML text (zod + yaml included) and createWorkflow
import { createWorkflow } from '@flowkit/core'
import { loadWorkflow } from '@flowkit/tools'

const flow = createWorkflow(loadWorkflow('{"id":"a","initial":"x","steps":{"x":{"next":"y"},"y":{"final":true}}}'))
console.log(flow.getSnapshot())
