/**
 * Imported first by main.tsx. The server's Content-Security-Policy forbids eval; without this Zod
 * probes `new Function` (to compile fast parsers) and the browser logs a CSP violation on every page.
 */
import { config } from 'zod';

config({ jitless: true });
