import type { HardwareKey } from '../../../shared/domain';

interface KeySpec {
  key: HardwareKey;
  /** What is printed on the key. */
  face: string;
  /**
   * The key in words: the whole accessible name of a face of symbols ("▲" is "Up"), or words
   * said after a face of text ("Vol −" is "Vol − (volume down)"), so the name always holds
   * what people see and voice control finds the key by its face.
   */
  words?: string;
}

const spec = (key: HardwareKey, face: string, words?: string): KeySpec => ({ key, face, words });

/** Whether people can read the face aloud: it holds a letter or a digit, not only symbols. */
const readable = (face: string) => /[\p{L}\p{N}]/u.test(face);

/** The key's accessible name: its face, with its words after it or in place of symbols. */
function nameOf({ face, words }: KeySpec): string {
  if (words === undefined) return face;
  return readable(face) ? `${face} (${words})` : words;
}

/** The groups of keys; the navigation keys are laid out as the phone's D-pad (screen.css). */
const KEY_GROUPS: { title: string; keys: KeySpec[]; layout?: 'dpad' }[] = [
  {
    title: 'Soft keys',
    keys: [1, 2, 3, 4].map((n) => spec(`SoftKey${n}` as HardwareKey, `Soft ${n}`)),
  },
  {
    title: 'Navigation',
    layout: 'dpad',
    keys: [
      spec('ArrowUp', '▲', 'Up'),
      spec('ArrowLeft', '◀', 'Left'),
      spec('Select', 'OK'),
      spec('ArrowRight', '▶', 'Right'),
      spec('ArrowDown', '▼', 'Down'),
    ],
  },
  {
    title: 'Functions',
    keys: [spec('Home', '⌂', 'Home'), spec('Delete', '⌫', 'Delete'), spec('Redial', 'Redial')],
  },
  {
    title: 'Dial pad',
    keys: [
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) =>
        spec(`Dialpad${digit}` as HardwareKey, digit),
      ),
      spec('DialpadStar', '*'),
      spec('Dialpad0', '0'),
      spec('DialpadPound', '#'),
    ],
  },
  {
    title: 'Audio',
    keys: [
      spec('VolDown', 'Vol −', 'volume down'),
      spec('VolUp', 'Vol +', 'volume up'),
      spec('MicMute', 'Mute', 'microphone'),
    ],
  },
];

/** The phone's hardware keys beside the screen (firmware with simulateKeyEvent only). */
export function HardwareKeys({ onKey }: { onKey: (key: HardwareKey, label: string) => void }) {
  return (
    <div className="hardware-keys" role="group" aria-label="Phone keys">
      {KEY_GROUPS.map((group) => (
        <fieldset
          key={group.title}
          className={`key-group key-group-${group.layout ?? group.keys.length}`}
        >
          <legend>{group.title}</legend>
          {group.keys.map((keySpec) => {
            const name = nameOf(keySpec);
            return (
              <button
                type="button"
                key={keySpec.key}
                aria-label={name === keySpec.face ? undefined : name}
                className={`hardware-key key-${keySpec.key}`}
                onClick={() => onKey(keySpec.key, name)}
              >
                {keySpec.face}
              </button>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
