export interface RouterHistoryOptions {
  /** The query parameter holding the step id. Read once, when the component mounts. @default 'step' */
  readonly param?: string
}
