import { useState } from 'react';

/** A button copying `text` to the clipboard and saying whether it worked. */
export function CopyButton({ text, label }: { text: () => string; label: string }) {
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
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status">{result}</span>
    </span>
  );
}
