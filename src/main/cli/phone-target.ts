import type { PhoneInfo } from '../../shared/domain';
import type { ConnectionTestResult } from '../../shared/contract/phones';
import { isPlainHttp, PLAIN_HTTP_WARNING } from '../../shared/plain-http';
import { connectionProblem } from '../core/phone-handlers';
import { UsageError } from './cli-args';
import { call, CommandFailed, type CliContext } from './cli-context';

/** The user name VVX phones use for REST (admin and user level alike). */
export const DEFAULT_USERNAME = 'Polycom';

/**
 * Which phone a command talks to: `--url` (a one-off phone, connection tested first and never
 * saved), `--phone NAME`, or the only configured phone. Returns its phone id.
 */
export async function resolvePhone(context: CliContext): Promise<string> {
  const { options, core } = context;
  if (options.url !== null) {
    if (options.phone !== null) throw new UsageError('Give either --phone or --url, not both.');
    warnIfPlainHttp(context, options.url);
    return attachOneOffPhone(context, options.url);
  }
  const phones = core.phones.list();
  const phoneId = await chosenPhone(context, phones);
  warnIfPlainHttp(context, core.phones.info(phoneId).url);
  return phoneId;
}

/** Says what plain HTTP exposes, on stderr, when a command talks to a phone over it. */
export function warnIfPlainHttp(context: CliContext, url: string): void {
  if (isPlainHttp(url)) context.output.note(`Warning: ${PLAIN_HTTP_WARNING}`);
}

async function chosenPhone(context: CliContext, phones: PhoneInfo[]): Promise<string> {
  const { options } = context;
  if (options.phone !== null) {
    const wanted = options.phone;
    const phone =
      context.core.phones.findByName(wanted) ?? phones.find((candidate) => candidate.id === wanted);
    if (phone === undefined) {
      throw new CommandFailed({
        code: 'unknown-phone',
        message: `No phone is called "${wanted}". Configured: ${names(phones)}.`,
      });
    }
    return prepareStoredPhone(context, phone.id);
  }
  const [only, ...others] = phones;
  if (only === undefined) {
    throw new UsageError(
      'No phone is configured: add one with "deskpilot phones add NAME URL" or give --url.',
    );
  }
  if (others.length > 0) {
    throw new UsageError(
      `Several phones are configured; pick one with --phone NAME (${names(phones)}).`,
    );
  }
  return prepareStoredPhone(context, only.id);
}

/** Turns a failed connection test into the failure to report, with the CLI's way to fix a certificate. */
function connectionFailure(context: CliContext, result: ConnectionTestResult): CommandFailed {
  if (
    result.fingerprint !== null &&
    (result.attention === 'certificate-unknown' || result.attention === 'certificate-changed')
  ) {
    context.output.note(
      `If you trust this certificate, run the command again with --accept-certificate ${result.fingerprint}`,
    );
  }
  const problem = connectionProblem(result);
  return new CommandFailed({ code: problem.code, message: problem.message });
}

/** The password from --password or DESKPILOT_PASSWORD, or a usage error saying how to give it. */
export function requirePassword(context: CliContext): string {
  const { password } = context.options;
  if (password === null) {
    throw new UsageError('A password is needed: --password P, or set DESKPILOT_PASSWORD.');
  }
  return password;
}

async function attachOneOffPhone(context: CliContext, url: string): Promise<string> {
  const { options } = context;
  const input = {
    url,
    username: options.user ?? DEFAULT_USERNAME,
    password: requirePassword(context),
    ...(options.acceptCertificate === null ? {} : { acceptFingerprint: options.acceptCertificate }),
  };
  const result = await call(context, 'phones.test', input);
  if (!result.ok) throw connectionFailure(context, result);
  const phone = await context.core.phones.add(
    {
      name: 'command line',
      url: input.url,
      username: input.username,
      password: input.password,
      pinnedFingerprint: result.fingerprint,
    },
    { transient: true },
  );
  return phone.id;
}

/**
 * Applies `--accept-certificate` (stored, like accepting it in the app) and `--password` /
 * DESKPILOT_PASSWORD (for this run only: e.g. a phone whose password the desktop app encrypted
 * with safeStorage) to a configured phone.
 */
export async function prepareStoredPhone(context: CliContext, phoneId: string): Promise<string> {
  const { acceptCertificate, password } = context.options;
  if (password !== null) context.core.phones.usePasswordForNow(phoneId, password);
  if (acceptCertificate !== null) {
    await call(context, 'phones.acceptCertificate', { phoneId, fingerprint: acceptCertificate });
  }
  return phoneId;
}

function names(phones: { name: string }[]): string {
  return phones.map((phone) => `"${phone.name}"`).join(', ') || 'none';
}
