export { analyzeWorkflow } from './analyzeWorkflow'
export {
  enumeratePaths,
  type FlowPath,
  type PathEnumeration,
  type PathOptions,
  type PathOutcome,
  type RejectedInput,
} from './enumeratePaths'
export type { Finding, FindingKind } from './findings'
