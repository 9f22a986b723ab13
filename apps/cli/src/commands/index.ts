/**
 * The list of CLI commands, one import and one entry per command module. Command modules must keep
 * their top level light: import the server or heavy libraries inside the action handler.
 */
import type { Command } from 'commander';
import { register as registerServer } from './server.ts';
import { register as registerMaintenance } from './maintenance.ts';
import { register as registerFlags } from './flags.ts';
import { register as registerCoverage } from './coverage.ts';
import { register as registerPrepare } from './prepare.ts';
import { register as registerInit } from './init.ts';
import { register as registerAccounts } from './accounts.ts';
import { register as registerAudit } from './audit.ts';

const registrations: Array<(program: Command) => void> = [
  registerServer,
  registerMaintenance,
  registerFlags,
  registerCoverage,
  registerPrepare,
  registerInit,
  registerAccounts,
  registerAudit,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
