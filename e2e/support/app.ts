/**
 * One running app and one Chromium per test file: `const app = useAppAndBrowser();` at the top of
 * a file starts both before its tests and stops both after; use `app.server.baseUrl`, `app.browser`.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './server.ts';
import { launchBrowser } from './browser.ts';

export interface AppAndBrowser {
  server: RunningServer;
  browser: Browser;
}

export function useAppAndBrowser(): AppAndBrowser {
  const handle = {} as AppAndBrowser;
  beforeAll(async () => {
    handle.server = await startServer();
    handle.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.server?.stop();
  });
  return handle;
}
