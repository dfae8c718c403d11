import { useAppStore } from '../../stores/stores-context';

/**
 * Feedback after actions. Errors live in an assertive alert region (the phone's refusal in
 * words); other notices in a polite status region, so screen readers hear both.
 */
export function NoticesArea() {
  const notices = useAppStore('notices', (state) => state.notices);
  const dismiss = useAppStore('notices', (state) => state.dismiss);
  const errors = notices.filter((notice) => notice.kind === 'error');
  const others = notices.filter((notice) => notice.kind !== 'error');
  return (
    <div className="notices">
      <div role="alert">
        {errors.map((notice) => (
          <p key={notice.id} className="notice notice-error">
            <span>{notice.text}</span>
            <button type="button" className="quiet" onClick={() => dismiss(notice.id)}>
              Dismiss
            </button>
          </p>
        ))}
      </div>
      <div role="status">
        {others.map((notice) => (
          <p key={notice.id} className={`notice notice-${notice.kind}`}>
            {notice.text}
          </p>
        ))}
      </div>
    </div>
  );
}
