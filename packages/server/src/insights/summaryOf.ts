import { type JourneySummary, STEP_SEP } from './projectJourney'

/** A `<table>_journeys` row as either database returns it (PostgreSQL: BIGINT as text, BOOLEAN; SQLite: numbers, 0/1). */
export interface SummaryRow {
  readonly instance: string
  readonly workflow: string
  readonly version: string
  readonly started: number | string
  readonly seq: number
  readonly last_at: number | string
  readonly completed: boolean | number
  readonly resumed: boolean | number
  readonly path: string
  readonly done: string
  readonly open_step: string | null
  readonly open_at: number | string | null
}

const list = (text: string) => (text === '' ? [] : text.split(STEP_SEP))

/** The `JourneySummary` of a stored row, whichever database it comes from. */
export const summaryOf = (r: SummaryRow): JourneySummary => ({
  ...{ instance: r.instance, workflow: r.workflow, version: r.version, started: Number(r.started), seq: r.seq },
  ...{ lastAt: Number(r.last_at), completed: Boolean(r.completed), resumed: Boolean(r.resumed), path: list(r.path) },
  ...{ done: list(r.done), openStep: r.open_step, openAt: r.open_at === null ? null : Number(r.open_at) },
})
