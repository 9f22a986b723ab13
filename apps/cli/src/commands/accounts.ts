/** Account commands: create-admin. They open the database like the server does. */
import type { Command } from 'commander';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  program
    .command('create-admin')
    .description('Create a national system administrator (or give an existing account the role) / สร้างผู้ดูแลระบบระดับประเทศ')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input; without it a one-time set-password link is printed')
    .action(async (options: { email: string; name: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await readStdin() : undefined;
      const { loadConfig } = await import('@prongsai/server/config.ts');
      const { openDatabase } = await import('@prongsai/server/db/database.ts');
      const { migrate } = await import('@prongsai/server/db/migrate.ts');
      const { createAuthModule } = await import('@prongsai/server/modules/auth/auth.module.ts');
      const { systemActor } = await import('@prongsai/server/auth/actor.ts');
      const { AppError } = await import('@prongsai/server/errors.ts');
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        await migrate(database.db);
        const { users } = createAuthModule({ config, database }).services;
        const result = await users.createSystemAdmin(systemActor('cli'), { email: options.email, displayName: options.name, password });
        const email = options.email.trim().toLowerCase();
        process.stdout.write(
          `${result.createdUser ? 'Created' : 'Found'} account ${email}; ${result.addedRole ? 'system_admin role added' : 'already a system_admin'}.\n`,
        );
        if (result.setPasswordLink) {
          process.stdout.write(`Set a password within 24 hours (one-time link) / ตั้งรหัสผ่านภายใน 24 ชั่วโมง:\n  ${result.setPasswordLink}\n`);
        }
        process.stdout.write('Two-factor (TOTP) set-up is asked at first sign-in / ต้องตั้งค่าการยืนยันตัวตนสองขั้นตอนเมื่อเข้าสู่ระบบครั้งแรก\n');
      } catch (error) {
        if (error instanceof AppError) {
          process.stderr.write(`${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}
