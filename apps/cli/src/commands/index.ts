/**
 * The list of CLI commands, one import and one entry per command module. Command modules must keep
 * their top level light: import the server or heavy libraries inside the action handler.
 */
import type { Command } from 'commander';
import { register as registerServer } from './server.ts';

const registrations: Array<(program: Command) => void> = [
  registerServer,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
