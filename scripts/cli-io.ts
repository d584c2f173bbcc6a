import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a command writes; the real streams by default, collected strings in tests. */
export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** True when the module at `moduleUrl` is the script node/tsx was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl);
}
