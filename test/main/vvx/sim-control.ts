/** Test helpers: the simulator's control client (src/simulator) and bounded polling. */
export { controlAt as control, statsAt as stats } from '../../../src/simulator';
export { waitFor } from '../../support/wait-for';
