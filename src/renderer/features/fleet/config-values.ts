/** The fleet change's parameter rows, and what a preview sends from them. */
import { isConfigName } from '../admin/config-edits';

const MAX_VALUE_LENGTH = 4096;

export interface ParameterRow {
  name: string;
  value: string;
}

/** The values to send, or the problems to fix first, each naming its row. */
export function valuesOf(
  rows: readonly ParameterRow[],
): { values: Record<string, string>; problems: [] } | { values: null; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const name = row.name.trim();
    const where = `Parameter ${index + 1}`;
    if (name === '' && row.value === '') return;
    if (name === '') problems.push(`${where} has a value but no name.`);
    else if (!isConfigName(name))
      problems.push(`${where}: “${name}” is not a parameter name (letters, digits and dots).`);
    else if (Object.hasOwn(values, name)) problems.push(`${where}: ${name} is given twice.`);
    else if (row.value.length > MAX_VALUE_LENGTH)
      problems.push(`${where}: the value is longer than ${MAX_VALUE_LENGTH} characters.`);
    else values[name] = row.value;
  });
  if (problems.length === 0 && Object.keys(values).length === 0)
    problems.push('Give at least one parameter name and its new value.');
  return problems.length > 0 ? { values: null, problems } : { values, problems: [] };
}
