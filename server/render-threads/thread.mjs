// A render thread's entry (see index.ts). Worker threads do not inherit tsx's loader from
// the process's options, so it is registered here before the TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
