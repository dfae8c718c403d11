import { useState } from 'react';

/** A button copying `text` to the clipboard and saying whether it worked. */
export function CopyButton({
  text,
  label,
  face = label,
}: {
  text: () => string;
  /** Accessible name, e.g. "Copy Network". */
  label: string;
  /** Visible text when shorter than the name, e.g. "Copy". */
  face?: string;
}) {
  const [result, setResult] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setResult('Copied');
    } catch {
      setResult('Copy failed: select the text instead');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" aria-label={label} onClick={() => void copy()}>
        {face}
      </button>
      <span role="status">{result}</span>
    </span>
  );
}
