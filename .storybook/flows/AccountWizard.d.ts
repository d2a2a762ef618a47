/** The account flow's screens, written with `useStep`, `useField`, `<StepHeading>` and `<WorkflowErrorSummary>`. */
export declare function AccountSteps(): import('react').JSX.Element
