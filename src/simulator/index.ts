/**
 * The simulator's public entry: start phones in this process or a child process, and steer them
 * through the control client. Everything else in this folder is private to it.
 */
export { startSimulator, type Simulator, type SimulatedPhoneInfo } from './launch/start-simulator';
export { startSimulatorProcess } from './launch/simulator-process';
export { SimulatorOptionsError, type SimulatorOptions } from './launch/options';
export { listModels, findModel, type PhoneModel } from './phone/models';
export { DIALECT_NAMES, type DialectName } from './dialects/dialects';
export {
  controlAt,
  controlRequest,
  phoneControl,
  statsAt,
  type ControlAddress,
  type ControlMethod,
  type PhoneControl,
  type SimulatorHandle,
} from './control/control-client';
export type { PhoneSnapshot } from './control/control-api';
export type { SimulatorStats } from './phone/stats';
