#!/usr/bin/env node
// Entry point for `npx prongsai`. The CLI is written in TypeScript and run through tsx's loader,
// so there is no build step between a change and its use.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
