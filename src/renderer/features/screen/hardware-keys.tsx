import type { HardwareKey } from '../../../shared/domain';

interface KeySpec {
  key: HardwareKey;
  /** What is printed on the key. */
  face: string;
  /** Accessible name, when the face alone says too little. */
  label: string;
}

const spec = (key: HardwareKey, face: string, label = face): KeySpec => ({ key, face, label });

const KEY_GROUPS: { title: string; keys: KeySpec[] }[] = [
  {
    title: 'Soft keys',
    keys: [1, 2, 3, 4].map((n) => spec(`SoftKey${n}` as HardwareKey, `Soft ${n}`, `Soft key ${n}`)),
  },
  {
    title: 'Navigation',
    keys: [
      spec('ArrowUp', '▲', 'Up'),
      spec('ArrowLeft', '◀', 'Left'),
      spec('Select', 'OK', 'Select'),
      spec('ArrowRight', '▶', 'Right'),
      spec('ArrowDown', '▼', 'Down'),
      spec('Home', '⌂', 'Home'),
      spec('Delete', '⌫', 'Delete'),
      spec('Redial', 'Redial'),
    ],
  },
  {
    title: 'Dial pad',
    keys: [
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) =>
        spec(`Dialpad${digit}` as HardwareKey, digit, `Key ${digit}`),
      ),
      spec('DialpadStar', '*', 'Key star'),
      spec('Dialpad0', '0', 'Key 0'),
      spec('DialpadPound', '#', 'Key pound'),
    ],
  },
  {
    title: 'Audio',
    keys: [
      spec('VolDown', 'Vol −', 'Volume down'),
      spec('VolUp', 'Vol +', 'Volume up'),
      spec('MicMute', 'Mute', 'Microphone mute'),
    ],
  },
];

/** The phone's hardware keys beside the screen (firmware with simulateKeyEvent only). */
export function HardwareKeys({ onKey }: { onKey: (key: HardwareKey, label: string) => void }) {
  return (
    <div className="hardware-keys" role="group" aria-label="Phone keys">
      {KEY_GROUPS.map((group) => (
        <fieldset key={group.title} className={`key-group key-group-${group.keys.length}`}>
          <legend>{group.title}</legend>
          {group.keys.map(({ key, face, label }) => (
            <button
              type="button"
              key={key}
              aria-label={label}
              className={`hardware-key key-${key}`}
              onClick={() => onKey(key, label)}
            >
              {face}
            </button>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
