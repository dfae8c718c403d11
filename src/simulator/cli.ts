/**
 * `npm run sim -- [options]`: starts simulated VVX phones on 127.0.0.1 and prints how to reach
 * them. Ctrl-C (or SIGTERM) closes them cleanly. Bad options exit with code 2.
 */
import { parseArgs, USAGE } from './launch/cli-args';
import { startSimulator, SimulatorOptionsError } from './index';

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`sim: ${parsed.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let simulator;
  try {
    simulator = await startSimulator(parsed.options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sim: ${message}\n`);
    process.exit(error instanceof SimulatorOptionsError ? 2 : 1);
  }
  for (const phone of simulator.phones) {
    const tls = phone.fingerprint ? `  sha256 ${phone.fingerprint}` : '';
    process.stdout.write(
      `phone ${phone.index}: ${phone.url}  ${phone.model}  dialect ${phone.dialect}  ` +
        `MAC ${phone.macAddress}  ` +
        `admin ${phone.username}:${phone.adminPassword}  user ${phone.username}:${phone.userPassword}${tls}\n`,
    );
  }
  process.stdout.write(`control token: ${simulator.controlToken}\n`);
  const running = simulator;
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
