/**
 * A ref that moves focus to what the reader just got to: the field of a form an officer opened,
 * or the heading (tabIndex -1) of a form's next step, so a keyboard or screen-reader user goes on
 * from there instead of from <body> (GOV.UK's components move focus from script, not with
 * autofocus). One function for every render, so React calls it only when the element appears,
 * never again while the reader types.
 */
export function focusWhenShown(element: HTMLElement | null) {
  element?.focus();
}
