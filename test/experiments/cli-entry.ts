// Runs the rmtkit CLI from the TypeScript sources (for tests that spawn it as a child process).
import { main } from '../../src/cli/main.js';

await main(process.argv);
