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
 * The twelve phone keys. Each key's accessible name is just its symbol; the group's label says
 * what the keys do (dial pad, or tones into a call).
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
        <button
          key={key}
          type="button"
          aria-label={key}
          disabled={disabled}
          onClick={() => onKey(key)}
        >
          <span className="keypad-digit" aria-hidden="true">
            {key}
          </span>
          <span className="keypad-letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
