export { type WorkflowStoryArgsOf, workflowStory } from '@flowkit/react/storybook'
export { DemoFlow, FOREVER, services } from './DemoFlow.tsx'
export * from './seeds.ts'
