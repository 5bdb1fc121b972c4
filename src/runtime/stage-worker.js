// Worker threads start from JavaScript: register the TypeScript loader first, then load the
// worker's TypeScript body (bin/recommender.js starts the program the same way).
import { register } from 'tsx/esm/api';

register();
await import('./stage-worker.ts');
