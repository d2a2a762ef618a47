import type { WorkflowErrorCode } from '@flowkit/core'

/** What one error code means and how to fix it: the text of its row on the error-code page. */
export interface ErrorDoc {
  readonly meaning: string
  readonly fix: string
}

/** A code added to `WorkflowErrorCode` without a row here does not compile; the generator also checks codes other packages still declare. */
export type DocumentedCode = WorkflowErrorCode

/**
 * The error-code page is generated from `WorkflowErrorCode` (its order and category comments) and this
 * table. Where a message already names the step and the bad value, the fix says what to change.
 */
export const errorCodes = {
  INVALID_DEFINITION: {
    meaning:
      'The object passed to `defineWorkflow` is not a definition: no `id`, no `initial`, no `steps`, a step that is not an object, or a field of the wrong type.',
    fix: 'Read the list in the message: each problem names its path (`steps.cart.next`) and what is expected there.',
  },
  INVALID_SUBFLOW: {
    meaning:
      'A `flow:` or `repeat:` step does not name a workflow definition (an import cycle can leave it `undefined`), carries its own `validate` or `actions`, or its state `key` or step ids clash with another step; or a flow with `flow:` or `repeat:` steps was given to `defineWorkflow` (or straight to `createWorkflow`), which does not lay them out.',
    fix: "Define a flow with sub-flows or repeats with `composeWorkflow({ ... })` (the same config) from '@flowkit/core'; pass what `defineWorkflow` or `composeWorkflow` returned as `flow`; put validation and actions on the child's steps; give the step another id or `key`.",
  },
  RECURSIVE_SUBFLOW: {
    meaning: 'A sub-flow includes, directly or through other sub-flows, the flow it is part of, so it would never end.',
    fix: 'Break the cycle: a flow cannot contain itself. Repeat a group of steps with `repeat:` instead.',
  },
  INVALID_REPEAT: {
    meaning:
      'A `repeat:` step has bounds that cannot work: `max` not an integer from 1 to 1000, `min` below 0 or above `max`, or the step is `final`.',
    fix: 'Set `max` (the most items the user may add) and `min` (default 0) as integers with `0 <= min <= max`, and give the step a `next`.',
  },
  UNKNOWN_STEP: {
    meaning: '`initial`, a `next`, a guarded choice or `targets` names a step that is not in `steps` (often a typo).',
    fix: 'Use one of the defined step ids; the message suggests the closest one ("did you mean \'review\'?").',
  },
  MISSING_NEXT: {
    meaning: 'A step that is not `final` has no `next`, so the flow would stop there without finishing.',
    fix: 'Give the step a `next`, or mark it `final: true`.',
  },
  FINAL_WITH_NEXT: {
    meaning: 'A `final` step also has a `next`; completing a final step ends the flow, so the `next` would never be used.',
    fix: 'Remove the `next`, or remove `final` if the flow goes on.',
  },
  MISSING_TARGETS: {
    meaning: "A step's `next` is a function but it has no `targets`, so tools cannot draw or check where it may go.",
    fix: 'List every step the function may return in `targets: [...]`.',
  },
  UNREACHABLE_STEP: {
    meaning:
      'No path from `initial` reaches this step, so no user can ever see it. (A snapshot whose path completes a step its answers do not lead to is `STEP_NOT_ON_PATH`.)',
    fix: "Link the step from another step's `next`, or remove it.",
  },
  SKIP_CYCLE: {
    meaning: 'Skippable steps lead to each other in a loop, so skipping could go round forever.',
    fix: 'Make one step in the cycle not skippable, or break the loop in `next`.',
  },
  MISSING_FINAL: {
    meaning: 'No step is `final`, so the flow can never finish.',
    fix: 'Mark the last step (a confirmation or review) `final: true`.',
  },
  UNKNOWN_ACTION: {
    meaning: 'A flow file names an action that the registry passed to `loadWorkflow` does not have.',
    fix: 'Add the action to `registry.actions`, or correct its name in the file.',
  },
  UNKNOWN_GUARD: {
    meaning: 'A flow file\'s condition `{ "guard": "name" }` names a guard the registry does not have.',
    fix: 'Add the function to `registry.guards`, or write the condition as data (`{ "field": …, "eq": … }`).',
  },
  PARSE_ERROR: {
    meaning: 'A flow file is not valid JSON or YAML.',
    fix: 'Fix the syntax at the line and column in the message.',
  },
  TOO_DEEP: {
    meaning: 'A flow file or an input nests deeper than Flowkit accepts (a guard against hostile or runaway data).',
    fix: 'Flatten the data; real flows are a few levels deep.',
  },
  TOO_LARGE: {
    meaning: 'A flow file or an input is larger than Flowkit accepts.',
    fix: 'Split the flow or send less data; store large files elsewhere and pass a reference.',
  },
  INVALID_TYPE: {
    meaning: 'A flow file has a value of the wrong type at the JSON pointer in the message (e.g. a number where a step id string belongs).',
    fix: 'Use the type the flow-file schema expects there; editors with the `$schema` line show it as you type.',
  },
  MISSING_KEY: {
    meaning: "A flow file lacks a required key (`id`, `initial`, `steps`, a choice's `to`…).",
    fix: 'Add the key named in the message.',
  },
  UNKNOWN_KEY: {
    meaning: 'A flow file has a key the format does not define, usually a typo (`fnial`).',
    fix: 'Rename or remove it; the message suggests the closest known key.',
  },
  INVALID_VALUE: {
    meaning: 'A flow file has a value of the right type that is not allowed (an empty id, an unknown field `type`, a bad `pattern`).',
    fix: 'Use one of the values the message and the schema list.',
  },
  NOT_VISITED: {
    meaning:
      '`goTo(step)` named a step that is neither behind on the current path nor ahead of the current step (on a branch the answers did not take); with `{ forward: true }`, a step that cannot follow the current one.',
    fix: 'Check `snapshot.history.includes(step)` before offering the link (check-answers pages do); `{ forward: true }` is for a step further on, so call it from a step before it.',
  },
  WORKFLOW_DONE: {
    meaning: "`next()` was called on a finished flow (`status: 'done'`).",
    fix: 'Call `reset()` to start over, or stop rendering the Continue button once the flow is done.',
  },
  INVALID_OPTION: {
    meaning: 'An option passed to `createWorkflow`, `useWorkflow` or another function has a value it cannot use.',
    fix: 'Use the type and range documented for that option in the API reference.',
  },
  NO_PROVIDER: {
    meaning:
      'A Flowkit hook or component (`useStep`, `<WorkflowSteps>`, `<WorkflowDiagram>` following a run…) was rendered outside `<WorkflowProvider>`.',
    fix: 'Wrap the tree in `<WorkflowProvider workflow={useWorkflow(definition)}>`.',
  },
  WRONG_PROVIDER: {
    meaning: 'Typed hooks from `createWorkflowContext(definition)` ran under a provider of another workflow.',
    fix: 'Render them inside the `<Provider>` of the same typed context.',
  },
  NO_STEP: {
    meaning: "`useStep()` or `useField()` was called outside a step's content.",
    fix: 'Call it in a component rendered by `<WorkflowStep name>` or `<WorkflowSteps steps={{ … }}>`.',
  },
  INVALID_PATH: {
    meaning: 'A field path is empty, has an empty part (`a..b`) or uses `__proto__`, `prototype` or `constructor`.',
    fix: 'Use dot-separated names such as `email` or `address.zip`.',
  },
  INVALID_WORKFLOW: {
    meaning: '`useWorkflow()` got something that is neither a definition from `defineWorkflow` nor an instance from `createWorkflow`.',
    fix: 'Pass the definition (or the instance); check the import is not `undefined`.',
  },
  MISSING_DEPENDENCY: {
    meaning:
      'An entry needs a package your app has not installed (an optional peer: `better-sqlite3` for `@flowkit/server/sqlite`, `pg` for `/postgres`, `@hono/node-server` for `serve()`, `@flowkit/server` for `flowkit insights`), or a native addon that was never built for this Node.js.',
    fix: '`npm install` the package the message names (`error.details.package`). For a native addon, allow its install script (`npm install-scripts approve better-sqlite3`), then `npm rebuild better-sqlite3`.',
  },
  NO_CHOICE: {
    meaning:
      'Leaving a step, no guarded choice held and there is no fallback, or a `next` function returned `undefined`. Set on `snapshot.error`; the user stays on the step.',
    fix: 'Add a fallback choice without `when`, or make the guards cover every state (for conditions in a flow file, `analyzeWorkflow` shows a state that falls through).',
  },
  AMBIGUOUS_CHOICE: {
    meaning: 'Leaving a step, more than one guarded choice held. Set on `snapshot.error`; the user stays on the step.',
    fix: 'Make the conditions exclusive; for conditions in a flow file, `analyzeWorkflow` reports the overlap with a state that shows it.',
  },
  INVALID_TARGET: {
    meaning: 'A `next` function returned a step that is not in its `targets`.',
    fix: 'Add the step to `targets`, or return one of them.',
  },
  ACTION_FAILED: {
    meaning: 'An action threw or its promise rejected. The state is as it was; `error.cause` holds what was thrown.',
    fix: 'Show `userMessage(error)` (the message the action threw; `error.message` is for developers) and a retry: calling `next()` again retries. Throw an `Error` whose message a user can read.',
  },
  INVALID_INPUT: {
    meaning: "An input (or a replayed one) is unusable: cyclic, too deep or too large, or, on the server, rejected by the step's schema.",
    fix: "Pass plain JSON-like data (no class instances, no cycles); on the server, the message lists the schema's issues.",
  },
  REPEAT_LIMIT: {
    meaning:
      "A repeat's summary was asked to add an item beyond `max`, to go on with fewer than `min`, or to change or remove an item that does not exist.",
    fix: 'Offer "Add another" only while `items.length < max` and "Continue" once `items.length >= min` (`useRepeat` tells you); pass an index from the items array.',
  },
  FORWARD_BLOCKED: {
    meaning:
      '`goTo` a step later on the path completed the steps in between again, and the answers no longer lead to that step: they reach the end of the flow, or go round a loop, without passing it. (A step on the way whose answer is missing or no longer holds, or whose action fails, stops the move there with no error of this kind: its own `issues` or `error`.)',
    fix: 'The snapshot is where the walk stopped (the final step, or the step the loop came back to): let the user change an earlier answer, or go to a step the answers lead to (`snapshot.upcoming`).',
  },
  SKIP_LOOP: {
    meaning: 'At run time, skipping steps went round in a loop for the current state.',
    fix: 'Make one of the steps in the message not skippable for that state.',
  },
  RUN_LIMIT: {
    meaning: '`run(inputs)` completed `maxSteps` steps without finishing: a loop kept getting the same input.',
    fix: 'Give the looping step an input that leaves the loop, or raise `maxSteps`.',
  },
  GUARD_FAILED: {
    meaning: 'A `skip`, a `when` guard or a `next` function threw.',
    fix: 'Guards must not throw: return `false` (or a step id) instead; read optional state with `?.`.',
  },
  STATE_IMMUTABLE: {
    meaning: 'User code mutated state Flowkit handed it (frozen in development), instead of returning a patch.',
    fix: 'Return a patch from the action (`return { items: [...state.items, item] }`) rather than changing `state`.',
  },
  INVALID_SNAPSHOT: {
    meaning: 'A stored or submitted snapshot is malformed: not JSON, missing fields, wrong types.',
    fix: 'Nothing to do for the user: the flow starts fresh and `onError` says why. Store what `getPersistedSnapshot()` returns, unchanged.',
  },
  SNAPSHOT_MISMATCH: {
    meaning:
      'A snapshot belongs to another workflow or version, or its path does not fit the definition (an unknown step, an altered path).',
    fix: 'Bump `version` when a definition changes and pass `migrate` to carry old snapshots over.',
  },
  SNAPSHOT_EXPIRED: {
    meaning: 'A stored snapshot is older than `expiresIn`.',
    fix: 'Expected: the flow starts fresh. Raise `expiresIn` if users need longer.',
  },
  STEP_NOT_ON_PATH: {
    meaning:
      'A replayed snapshot (a resume, a server submission) completes a step the answers so far do not lead to, goes on after the final step, or claims a current step its path does not reach: it was saved by another definition or altered.',
    fix: 'Resume or submit the snapshot `getPersistedSnapshot()` wrote for this definition; after a change of the definition, bump its `version` and give a `migrate`.',
  },
  REQUIRED_STEP_SKIPPED: {
    meaning:
      'A replayed path (a resume, a server submission) leaves out a step that the definition does not skip for those answers: it was altered, or saved before a step was added to the definition.',
    fix: "Submit the snapshot the client's workflow produced (`storage.submit()`); do not edit its path. After adding a step, bump the definition's `version` and give a `migrate(snapshot, fromVersion)` that converts old snapshots.",
  },
  STATE_MISMATCH: {
    meaning: 'Replaying a submission on the server gave different contributions or a different end than the client recorded.',
    fix: 'Make actions deterministic from their input, or list values computed differently on every run in `serverComputed`.',
  },
  NOT_FINISHED: {
    meaning: 'A submission was made before the final step was completed.',
    fix: "Submit after the flow is done (`snapshot.status === 'done'`).",
  },
  REPLAY_FAILED: {
    meaning: "Replaying a submission on the server, a step's action or choice failed.",
    fix: 'Read the step and cause in the message; an action that calls a browser-only API belongs behind a check or in `serverActions`.',
  },
  STORAGE_FAILED: {
    meaning:
      'Reading or writing the storage adapter failed (quota, private mode, a rejected promise): the flow goes on, unsaved. Or `sqliteStore()` could not open its database file (its folder cannot be created or written, or the path is a folder); it throws.',
    fix: 'Show that progress is not being saved; `onError` receives the cause. For `sqliteStore()`, the message names the path: make its folder writable by the server process, or pass another `filename`.',
  },
  STORAGE_UNAVAILABLE: {
    meaning:
      "The server's database could not be reached (HTTP 503). In `@flowkit/server/client`, also any 5xx answer that is not a Flowkit error (a proxy's 502 page, a server restarting). `httpStorage` retries.",
    fix: 'Check the database, or what answers at the URL (the message says when it was not Flowkit); clients keep their copy and save again when it is back.',
  },
  NETWORK: {
    meaning:
      "`@flowkit/server/client` could not reach the server: the browser is offline, or `fetch` failed (DNS, CORS, a blocked request). The message is the browser's own.",
    fix: 'Nothing to do in code: the copy is kept on the device and saved when the server is reachable (`status.state` is `offline`). Show a "Saved on this device" badge.',
  },
  NOT_SAVED: {
    meaning:
      'A submit, or a question for its result, before the server has the flow: nothing saved yet, or the last change not saved (offline).',
    fix: 'Submit once `status.state` is `saved`; with `localFirstSync` the client saves first, so this means the server could not be reached.',
  },
  NOT_SUBMITTED: {
    meaning: '`recordedResult()` asked for the result of a flow the server has, but that was never submitted.',
    fix: 'Submit the flow first (`submit()`); check `status.submitted` before asking for its result.',
  },
  INVALID_JSON: {
    meaning: 'A request body is not valid JSON (HTTP 400).',
    fix: 'Send `JSON.stringify(...)` with `content-type: application/json`.',
  },
  INVALID_REQUEST: {
    meaning:
      "A request body is JSON but not the shape the endpoint expects (HTTP 400). In `@flowkit/server/client`, also a 4xx answer that is not a Flowkit error (a sign-in page's 401, a wrong URL's 404): the message says so, and `details.status` is the status.",
    fix: 'Use `httpStorage`, or follow the body shapes of the HTTP API; for an answer that was not Flowkit, check the URL given to the client and what sits in front of the server.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    meaning: 'A request body is not `application/json` (HTTP 415); this also keeps cross-site form posts out.',
    fix: 'Send `content-type: application/json`.',
  },
  BODY_TOO_LARGE: {
    meaning: 'A request body is larger than `maxBodyBytes` (HTTP 413, default 1 MiB).',
    fix: 'Raise `maxBodyBytes`, or keep large files out of the flow state.',
  },
  NOT_FOUND: {
    meaning: 'No instance for this resume token, or `authorize` refused the caller (HTTP 404, so existence is never revealed).',
    fix: 'Start a new instance; check the token was copied whole.',
  },
  METHOD_NOT_ALLOWED: { meaning: 'The HTTP method is not served on this path (HTTP 405).', fix: 'Use the methods of the HTTP API table.' },
  UNKNOWN_WORKFLOW: {
    meaning: 'The request names a workflow id the handler was not given (HTTP 404).',
    fix: 'Add the definition to `createFlowkitHandler({ definitions: [...] })`.',
  },
  FORBIDDEN: {
    meaning: '`authorize` refused to start an instance (HTTP 403).',
    fix: 'Sign the user in, or return `{ owner }` from `authorize` for them.',
  },
  EXPIRED: {
    meaning: 'The instance was not saved for longer than `ttl` (HTTP 410).',
    fix: 'Start again; raise `ttl` if users need longer.',
  },
  VERSION_CONFLICT: {
    meaning: "A save was based on an old version: another tab or device saved first (HTTP 409, with the server's copy).",
    fix: "Nothing by hand: `httpStorage` keeps the server's copy by default (`onConflict`) and reports `conflict`.",
  },
  ALREADY_SUBMITTED: {
    meaning: 'The instance was already submitted (HTTP 409).',
    fix: 'Show the stored result instead of submitting again.',
  },
  SUBMISSION_IN_PROGRESS: {
    meaning: 'Another submission of the same instance is running (HTTP 409).',
    fix: 'Wait for it and read its result; do not submit twice in parallel.',
  },
  SERVER_ACTION_FAILED: {
    meaning: 'A `serverActions` function threw after the replay was verified; the instance stays open.',
    fix: 'Show the message and let the user submit again; make server actions idempotent.',
  },
  RATE_LIMITED: { meaning: 'Too many requests from one client (HTTP 429).', fix: 'Retry later; `httpStorage` backs off.' },
  TOO_MANY_INSTANCES: {
    meaning: 'A caller has more open instances than allowed.',
    fix: 'Finish or delete old instances, or raise the limit.',
  },
  INTERNAL: {
    meaning: 'An unexpected server error (HTTP 500); the response carries no details.',
    fix: 'Read the server log; please report it with the steps to reproduce.',
  },
} as const satisfies Record<DocumentedCode, ErrorDoc> & Record<string, ErrorDoc>
