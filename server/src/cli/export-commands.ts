import { runSubcommand } from './dispatch';
import { IMPORT } from './import-command';
import { renderCommand } from './render-command';

/**
 * `render` and `import`, run without the rest of the CLI: an export or an
 * import needs neither the checks nor the registry, which are most of what
 * `kehoach check` loads. `render --comments` loads the workspace's settings
 * (and with them the checks) when it asks for them. `main.ts` sends these two
 * commands here; `kehoach.ts` lists them with the others for the usage.
 */
const COMMANDS = [renderCommand(async (file) => (await import('./kehoach')).workspaceOf(file)), IMPORT];

/** Runs `render` or `import` (`argv[0]`) as `kehoach.ts` runs every command. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) throw new Error(`not an export command: ${name}`);
  // Their usage errors name the command; the pointer to the full usage is for any other.
  return runSubcommand(command, args, out, err, () => 'kehoach --help: cách dùng / usage');
}
