// Test helper: runs the CLI in this process and returns what it printed (the child-process runner costs
// seconds per call under tsx; the page is compared with several CLI answers per test).
import { main } from '../../src/cli/main.js';

/** `calisim ARGS` in-process: exit code, stdout and stderr. */
export async function cliInProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (stream: NodeJS.WriteStream, into: string[]): (() => void) => {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof stream.write;
    return () => {
      stream.write = write;
    };
  };
  const restoreOut = capture(process.stdout, out);
  const restoreErr = capture(process.stderr, err);
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    restoreOut();
    restoreErr();
  }
}
