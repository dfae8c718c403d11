import type { PhoneInfo } from '../../shared/domain';
import { UsageError } from './cli-args';
import { call, CommandFailed, type CliContext } from './cli-context';
import { DEFAULT_USERNAME, requirePassword, warnIfPlainHttp } from './phone-target';

/** `deskpilot phones add|list|remove`: the phones kept in the settings. */
export async function runPhonesCommand(context: CliContext, args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list':
      expectCount(rest, 0, 'phones list');
      context.output.result(await call(context, 'phones.list', {}), (value) =>
        formatPhones(value as PhoneInfo[]),
      );
      return;
    case 'add':
      return addPhone(context, rest);
    case 'remove':
      return removePhone(context, rest);
    default:
      throw new UsageError('Use "phones add NAME URL", "phones list" or "phones remove NAME".');
  }
}

async function addPhone(context: CliContext, args: string[]): Promise<void> {
  expectCount(args, 2, 'phones add NAME URL');
  const [name = '', url = ''] = args;
  const { options } = context;
  warnIfPlainHttp(context, url);
  const outcome = await context.dispatcher.call('phones.add', {
    name,
    url,
    username: options.user ?? DEFAULT_USERNAME,
    password: requirePassword(context),
    ...(options.acceptCertificate === null ? {} : { acceptFingerprint: options.acceptCertificate }),
  });
  if (!outcome.ok) {
    if (
      outcome.error.code === 'certificate-unknown' ||
      outcome.error.code === 'certificate-changed'
    ) {
      context.output.note(
        'If you trust this certificate, run the command again with --accept-certificate and its fingerprint.',
      );
    }
    throw new CommandFailed(outcome.error);
  }
  context.output.result(outcome.value, (value) => `Added ${formatPhones([value as PhoneInfo])}`);
}

async function removePhone(context: CliContext, args: string[]): Promise<void> {
  expectCount(args, 1, 'phones remove NAME');
  const [name = ''] = args;
  const phone = context.core.phones.findByName(name);
  if (phone === undefined) {
    throw new CommandFailed({ code: 'unknown-phone', message: `No phone is called "${name}".` });
  }
  await call(context, 'phones.remove', { phoneId: phone.id });
  context.output.result({ removed: phone.name }, () => `Removed "${phone.name}".`);
}

/** One phone per line: name, address, user, certificate. */
function formatPhones(phones: PhoneInfo[]): string {
  if (phones.length === 0) return 'No phones configured.';
  return phones
    .map((phone) => {
      const certificate = phone.pinnedFingerprint ? ` certificate ${phone.pinnedFingerprint}` : '';
      return `${phone.name}  ${phone.url}  user ${phone.username}${phone.demo ? '  (demo)' : ''}${certificate}`;
    })
    .join('\n');
}

/** Refuses a wrong number of arguments with the command's usage. */
export function expectCount(args: string[], count: number, usage: string): void {
  if (args.length !== count) throw new UsageError(`Usage: deskpilot ${usage}`);
}
