/** `prongsai audit verify`: recompute the audit hash chain; exit 1 and name the first tampered row. */
import type { Command } from 'commander';

export function register(program: Command): void {
  const audit = program.command('audit').description('Audit log tools / บันทึกการตรวจสอบ');
  audit
    .command('verify')
    .description('Recompute the hash chain of the audit log and report the first tampered row / ตรวจสอบความถูกต้องของบันทึก')
    .action(async () => {
      const { loadConfig } = await import('@prongsai/server/config.ts');
      const { openDatabase } = await import('@prongsai/server/db/database.ts');
      const { verifyAuditChain } = await import('@prongsai/server/audit/audit.ts');
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        const started = performance.now();
        const result = await verifyAuditChain(database.db);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (result.ok) {
          process.stdout.write(`audit chain OK: ${result.checked} rows checked in ${seconds} s / บันทึกถูกต้องครบ ${result.checked} รายการ\n`);
        } else {
          process.stdout.write(
            `audit chain BROKEN at row ${result.firstBadId} (${result.reason}); ${result.checked} rows before it are intact / ` +
              `บันทึกถูกแก้ไขที่รายการ ${result.firstBadId}\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}
