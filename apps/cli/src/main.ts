/**
 * The `prongsai` command line. Each command lives in `commands/<name>.ts` and exports a
 * `register(program)` function; commands that need the database import the server lazily so that
 * offline analysis (flags, coverage, prepare) starts fast and needs no database.
 */
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('prongsai')
  .description('Prongsai (โปร่งใส): anti-corruption platform for Thai public bodies')
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 1;
}
