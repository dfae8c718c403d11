import type { SimulatedPhoneInfo, Simulator } from '../../src/simulator';

/** Phone `index` (0-based) of a simulator; throws when the simulator started fewer phones. */
export function phoneAt(sim: Simulator, index = 0): SimulatedPhoneInfo {
  const phone = sim.phones[index];
  if (phone === undefined) throw new Error(`the simulator started no phone ${index}`);
  return phone;
}
