/** "1 change", "2 changes": a count with its noun in the right number, never "change(s)". */
export function count(amount: number, singular: string, plural = `${singular}s`): string {
  return `${amount} ${amount === 1 ? singular : plural}`;
}
