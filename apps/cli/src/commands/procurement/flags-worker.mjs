// Worker entry: load TypeScript through tsx (no build step), then run the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./flags-worker.ts');
