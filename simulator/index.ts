/** The RustyDB simulator's programmatic API: `startSimulator` and its types. */
export { startSimulator } from './server';
export type { BodyFault, Faults, HealthStatus, PoolFault, Profile, RunningSimulator, SimulatorOptions } from './types';
export { PROFILES } from './types';
