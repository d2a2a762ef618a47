/** How long after a step change a press can still be the second half of the double click that made it (Windows' default). */
const DOUBLE_CLICK_MS = 500

const SECOND_PRESS = ['mousedown', 'mouseup', 'click', 'dblclick'] as const

/**
 * Focuses what a step change arrived at (the new step's heading, the done screen), and keeps the rest of
 * the double click that made the move from taking focus off it. The second press of a double click on
 * Continue lands on the new step, under the pointer: a label or blank area (focus would go to `<body>`),
 * the View Transition's overlay, whose target is `<html>` (the same), or the new step's own Continue,
 * which would submit a step the user has not seen. Presses of that click sequence (`detail` 2 and more)
 * within {@link DOUBLE_CLICK_MS} do nothing; a new click, a key press's click or the time out ends it.
 */
export const focusOnArrival = (element: HTMLElement): void => {
  element.focus()
  const view = element.ownerDocument.defaultView
  if (!view) return
  const stop = () => {
    view.clearTimeout(timer)
    for (const type of SECOND_PRESS) view.removeEventListener(type, swallow, true)
  }
  const swallow = (event: MouseEvent) => {
    if (event.detail < 2) return stop()
    event.preventDefault() // a prevented mousedown moves no focus; a prevented click activates nothing
    event.stopImmediatePropagation()
  }
  // Capturing on the window runs before React's listeners on its root.
  for (const type of SECOND_PRESS) view.addEventListener(type, swallow, true)
  const timer = view.setTimeout(stop, DOUBLE_CLICK_MS)
}
