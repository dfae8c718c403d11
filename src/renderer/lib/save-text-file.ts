/**
 * Hands text to the browser (or the Electron window) as a file to save: a Blob behind a
 * download link, clicked once, its address released after the download has taken it.
 */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
