import type { ConnectionTestResult } from '../../../shared/contract/phones';
import { Checkbox } from '../../components/fields';

const PROBLEM_TITLES: Record<NonNullable<ConnectionTestResult['attention']>, string> = {
  'api-disabled': "The phone's REST API is turned off",
  'default-password': 'The phone still has its factory password',
  'wrong-credentials': 'The user name or password is wrong',
  unreachable: 'The phone cannot be reached',
  'certificate-unknown': "The phone's certificate is not trusted yet",
  'certificate-changed': "The phone's certificate has changed",
  'insufficient-access': 'These credentials cannot do everything',
};

/** The title naming a connection problem, for reports and the phone list. */
export function problemTitle(attention: ConnectionTestResult['attention']): string {
  return attention === null ? 'Connected' : PROBLEM_TITLES[attention];
}

export interface ConnectionReportProps {
  result: ConnectionTestResult;
  /** Whether the user ticked "trust this certificate" for the presented fingerprint. */
  trusted: boolean;
  onTrustChange: (trusted: boolean) => void;
}

/**
 * The outcome of "Test connection": what was found, or the exact problem and its fix. A new
 * certificate shows its fingerprint so it can be compared with the one on the phone's screen
 * before being trusted.
 */
export function ConnectionReport({ result, trusted, onTrustChange }: ConnectionReportProps) {
  const askTrust =
    result.fingerprint !== null &&
    (result.attention === 'certificate-unknown' || result.attention === 'certificate-changed');
  return (
    <div
      className={`report ${result.ok ? 'report-ok' : 'report-problem'}`}
      role={result.ok ? 'status' : 'alert'}
    >
      <h3>{problemTitle(result.attention)}</h3>
      <p>{result.message}</p>
      {result.ok && (
        <p>
          {[result.model, result.firmware && `firmware ${result.firmware}`]
            .filter(Boolean)
            .join(', ')}
          {result.admin
            ? ' · admin access (calls, remote screen and admin console)'
            : ' · user access (calls only)'}
        </p>
      )}
      {askTrust && (
        <div className="fingerprint">
          <p>
            Certificate fingerprint (SHA-256):{' '}
            <code className="fingerprint-value">
              {/* Breaks only between pairs, so it fits any width and reads like the phone's. */}
              {(result.fingerprint ?? '').split(':').map((pair, index) => (
                <span key={index}>
                  {index > 0 && ':'}
                  {index > 0 && <wbr />}
                  {pair}
                </span>
              ))}
            </code>
          </p>
          <p className="hint">
            Compare it with the one on the phone (Settings → Status → Network → TLS) before you
            trust it.
          </p>
          <Checkbox checked={trusted} onChange={onTrustChange}>
            Trust this certificate
          </Checkbox>
        </div>
      )}
    </div>
  );
}
