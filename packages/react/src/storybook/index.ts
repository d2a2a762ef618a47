export { createWorkflowAt } from './createWorkflowAt'
export { type SeedFrame, snapshotAt, type WorkflowSeed } from './snapshotAt'
export { type WorkflowStoryAnnotations, type WorkflowStoryArgs, type WorkflowStoryArgsOf, workflowStory } from './workflowStory'
