/**
 * A ref that moves focus to a field of a form the officer just opened (as GOV.UK's components
 * move focus from script, not with autofocus). One function for every render, so React calls it
 * only when the field appears, never again while the officer types.
 */
export function focusWhenShown(field: HTMLElement | null) {
  field?.focus();
}
