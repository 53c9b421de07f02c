import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { ensureExplorerBuilt, serveFolder } from '../../server/explorer.js';

// The package root is three levels above both src/cli/commands/ and dist/cli/commands/.
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `rmtkit serve`: serves the browser explorer (web/dist, built on first use) on 127.0.0.1 and
 * prints its URL; runs until interrupted. Only the built files are served, only to requests
 * naming a loopback host or an `--allow-host` name; a non-loopback `--host` prints a warning.
 * @example rmtkit serve --port 8080
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the interactive browser explorer on this machine and print its URL')
    .option('--port <int>', 'TCP port (0 picks a free one)', '4173')
    .option(
      '--host <address>',
      'address to bind; the default keeps the explorer private to this machine',
      '127.0.0.1',
    )
    .option(
      '--allow-host <name>',
      'also accept requests whose Host header is NAME (repeatable); by default only loopback names are accepted (DNS-rebinding defence)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--rebuild', 'rebuild the explorer (vite build web) before serving')
    .option('--json', 'print {"url": …} as JSON')
    .action(
      async (options: {
        port: string;
        host: string;
        allowHost: string[];
        rebuild?: boolean;
        json?: boolean;
      }) => {
        const port = Number(options.port);
        if (!/^\d+$/.test(options.port.trim()) || port > 65535)
          throw new InvalidArgumentError(
            '--port',
            'must be an integer from 0 to 65535',
            options.port,
          );
        const root = ensureExplorerBuilt(PACKAGE_ROOT, options.rebuild === true);
        const server = await serveFolder(root, {
          port,
          host: options.host,
          allowHosts: options.allowHost,
        });
        if (options.json) console.log(JSON.stringify({ url: server.url, root }));
        else console.log(`rmtkit explorer: ${server.url}  (serving ${root}; Ctrl-C to stop)`);
      },
    );
}
