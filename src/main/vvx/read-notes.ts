/**
 * What a reader could not make sense of, without failing the whole answer: a duration written in
 * words nobody has seen, a config entry that is not an object. The readers note the field and
 * the raw value; the client hands each note to its observer, which puts it in the phone's log.
 *
 * Parsing is synchronous, so the notes of one answer are collected in a scope opened around its
 * parse (`collectNotes`); a reader used outside such a scope (a unit test) notes nothing.
 */

/** One thing a reader could not read: where in the answer, and the raw value. */
export interface ReadNote {
  /** Path in the answer, like `Placed.1.Duration`, or the field's name. */
  field: string;
  /** The raw value, as JSON, cut to MAX_FRAGMENT characters. */
  fragment: string;
}

/** Longest raw fragment a note keeps: enough to see the form, never a whole answer. */
export const MAX_FRAGMENT = 160;

let open: ReadNote[] | null = null;

/** Runs `parse` and returns its value with the notes its readers made. */
export function collectNotes<T>(parse: () => T): { value: T; notes: ReadNote[] } {
  const outer = open;
  const notes: ReadNote[] = [];
  open = notes;
  try {
    return { value: parse(), notes };
  } finally {
    open = outer;
  }
}

/** Notes that `value` at `field` could not be read (and was replaced by a neutral value). */
export function noteUnreadable(field: string, value: unknown): void {
  open?.push({ field, fragment: fragmentOf(value) });
}

/** A raw value as bounded text: JSON, cut with an ellipsis past MAX_FRAGMENT characters. */
export function fragmentOf(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_FRAGMENT ? `${text.slice(0, MAX_FRAGMENT - 1)}…` : text;
}
