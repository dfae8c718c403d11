/** The simulator's control client (src/simulator), as the end-to-end tests steer a phone. */
export {
  phoneControl as simControl,
  type PhoneControl as SimControl,
} from '../../../src/simulator';
