/**
 * The simulator's public entry: start phones and read what the simulator knows of its models.
 * Everything else in this folder is private to it.
 */
export {
  startSimulator,
  type Simulator,
  type SimulatedPhoneInfo,
} from './launch/start-simulator';
export { SimulatorOptionsError, type SimulatorOptions } from './launch/options';
export { listModels, findModel, type PhoneModel } from './phone/models';
