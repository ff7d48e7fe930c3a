// Test helper: the CLI entry on the TypeScript sources (bin/calisim.js runs the compiled ones).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
