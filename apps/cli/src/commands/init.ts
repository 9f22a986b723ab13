/** `prongsai init`: writes a default settings file for `flags` and `prepare`. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('init')
    .description('Write a default settings.ini for flags and prepare (all 11 indicators enabled) / สร้างไฟล์ตั้งค่าเริ่มต้น')
    .argument('[path]', 'settings file to write ("-" for standard output)', 'settings.ini')
    .option('-f, --force', 'overwrite the file if it exists')
    .action(async (path: string, options: { force?: boolean }) => {
      const { DEFAULT_SETTINGS_INI } = await import('@prongsai/core/procurement/settings.ts');
      if (path === '-') {
        process.stdout.write(DEFAULT_SETTINGS_INI);
        return;
      }
      const { writeFile } = await import('node:fs/promises');
      try {
        await writeFile(path, DEFAULT_SETTINGS_INI, { flag: options.force ? 'w' : 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${path} already exists; use --force to overwrite it`);
        throw error;
      }
      process.stdout.write(`Settings written to ${JSON.stringify(path)}.\n`);
    });
}
