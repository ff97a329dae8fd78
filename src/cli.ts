#!/usr/bin/env node
// The `motcua` command; the commands are listed in cli/commands.ts (`motcua --help`). Every command answers --help;
// bad arguments print one line and exit with status 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commands, type Command } from './cli/commands';
import { UsageError } from './cli/usage-error';

const usage = `motcua — một cửa: tiếp nhận và trả kết quả thủ tục hành chính

Cách dùng: motcua <lệnh> [tuỳ chọn]

Lệnh:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join('\n')}

Dùng "motcua <lệnh> --help" để xem chi tiết từng lệnh.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage}\n`);
    return name ? 0 : 2;
  }
  const command: Command | undefined = (commands as Record<string, Command>)[name];
  if (!command) {
    process.stderr.write(`Lỗi: không có lệnh "${name}". Dùng "motcua --help".\n`);
    return 2;
  }
  if (command.options !== 'passthrough' && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = command.options === 'passthrough'
      ? { values: {}, positionals: rest }
      : parseArgs({ args: rest, options: command.options as ParseArgsConfig['options'], allowPositionals: command.positionals ?? false, strict: true });
  } catch (e) {
    process.stderr.write(`Lỗi: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`Lỗi: ${e.message}\n`);
      return 2;
    }
    const err = e as { message?: string; code?: string };
    process.stderr.write(`Lỗi: ${err.message ?? String(e)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code !== -1) process.exit(code); }, // -1: a server keeps running
  (e: unknown) => { process.stderr.write(`Lỗi: ${String(e)}\n`); process.exit(1); },
);
