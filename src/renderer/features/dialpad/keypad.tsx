const KEYS: { key: string; letters: string }[] = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '+' },
  { key: '#', letters: '' },
];

/**
 * The twelve phone keys. Each key is named by what it shows ("2 ABC"), so voice control finds
 * it by what people read on it; the group's label says what the keys do (dial pad, or tones
 * into a call).
 */
export function Keypad({
  label,
  onKey,
  disabled = false,
}: {
  label: string;
  onKey: (key: string) => void;
  disabled?: boolean;
}) {
  return (
    <div role="group" aria-label={label} className="keypad">
      {KEYS.map(({ key, letters }) => (
        <button key={key} type="button" disabled={disabled} onClick={() => onKey(key)}>
          <span className="keypad-digit">{key}</span>
          {/* Unrendered between the stacked spans, but it parts digit and letters in the name. */}
          {letters && ' '}
          <span className="keypad-letters">{letters}</span>
        </button>
      ))}
    </div>
  );
}
