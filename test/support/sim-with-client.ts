import { VvxClient, type EndpointTimeouts } from '../../src/main/vvx/vvx-client';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';
import { phoneAt } from './sim-phone';

export interface SimWithClient {
  sim: Simulator;
  /** An admin client pinned to the first phone's certificate. */
  client: VvxClient;
  /** Closes the client, then the simulator. */
  close(): Promise<void>;
}

/**
 * Starts an in-process simulator with one phone (plus `options`) and a `VvxClient` signed in to
 * it as admin, the setup most client tests share.
 */
export async function startSimWithClient(
  options: SimulatorOptions,
  timeouts?: Partial<EndpointTimeouts>,
): Promise<SimWithClient> {
  const sim = await startSimulator({ phones: 1, ...options });
  const phone = phoneAt(sim);
  const client = new VvxClient({
    url: phone.url,
    username: phone.username,
    password: phone.adminPassword,
    pinnedFingerprint: phone.fingerprint,
    timeouts,
  });
  return {
    sim,
    client,
    async close() {
      await client.close();
      await sim.close();
    },
  };
}
