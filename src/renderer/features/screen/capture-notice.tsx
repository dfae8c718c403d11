import type { CaptureState } from '../../../shared/contract/screen';

/**
 * The one notice about the phone's picture: why there is none and what turning the capture on
 * would change (the user's choice, with the exact settings and their values before and after),
 * what the person at the phone must press where the firmware cannot be switched from afar, or
 * — while it is on because of this view — that it goes back when the view closes.
 */
export function CaptureNotice({
  capture,
  enabling,
  onEnable,
}: {
  capture: CaptureState;
  enabling: boolean;
  onEnable: () => void;
}) {
  if (capture.state === 'on') {
    if (capture.changed.length === 0) return null;
    return (
      <p className="screen-note">
        Screen capture is on for this viewing; Deskpilot puts the phone’s previous settings back
        when you close the remote screen.
      </p>
    );
  }
  if (capture.state === 'unavailable') {
    return (
      <div className="screen-note" role="note" aria-label="Screen picture">
        <p>The phone’s picture could not be read: {capture.reason}</p>
        <p>Below is a reconstruction drawn from the phone’s description of its screen.</p>
      </div>
    );
  }
  const { offer } = capture;
  return (
    <div className="screen-note" role="note" aria-label="Screen picture">
      <p>{offer.reason}</p>
      {offer.blocked !== null && <p>{offer.blocked}</p>}
      {offer.blocked === null && offer.changes.length > 0 && (
        <>
          <p>To show the real picture, Deskpilot can turn screen capture on while you view it:</p>
          <ul className="capture-changes">
            {offer.changes.map((change) => (
              <li key={change.name}>
                {change.label} (<code>{change.name}</code>): {change.from} → {change.to}
              </li>
            ))}
          </ul>
          <p>
            It needs the phone’s admin access, and puts the previous values back when you close the
            remote screen or quit Deskpilot (or at its next start, if it was stopped).
          </p>
          <button type="button" onClick={onEnable} disabled={enabling}>
            {enabling ? 'Turning screen capture on…' : 'Turn on screen capture'}
          </button>
        </>
      )}
      {offer.atThePhone !== null && <p>{offer.atThePhone}</p>}
    </div>
  );
}
