/** Server maintenance commands: serve, migrate, seed. They talk to the database directly. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('Run the web app and API (PGlite in ./data unless DATABASE_URL is set) / เปิดเว็บและ API')
    .option('--demo', 'load demo organisations, people and plans on first start')
    .action(async (options: { demo?: boolean }) => {
      const { serve } = await import('@prongsai/server/main.ts');
      await serve({ demo: options.demo === true });
    });
}
