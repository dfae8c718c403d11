/** A data file imported as text (`?raw`), as bundlers inline it (see parameter-catalog.ts). */
declare module '*.tsv?raw' {
  const text: string;
  export default text;
}
