// `frame <command>`: tasks for people setting a frame up over SSH.
import { parseArgs } from 'node:util';
import { dataDirFromEnv } from './core/config/data-dir';
import { sendTestEvent } from './core/webhook/send-test-event';
import { runAutostartCommand } from './core/system/autostart-cli';

const USAGE = `Usage:
  frame autostart on|off|status [--method xdg|systemd] [--web]
      Start on boot for this user: an XDG autostart entry (desktop sessions)
      or a systemd user unit (restart on failure). --web starts the web shell
      instead of the Electron kiosk.
  frame webhook-test [--url URL] [--kind created|updated|deleted] [--project ID] [--item ID] [--media FILE_ID]
      Sends a signed sample Wix event to a running frame (default URL
      http://127.0.0.1:$FRAME_WEBHOOK_PORT/webhooks/wix, port 8787).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'webhook-test') {
    const { values } = parseArgs({
      args: rest,
      options: { url: { type: 'string' }, kind: { type: 'string', default: 'created' }, project: { type: 'string' }, item: { type: 'string' }, media: { type: 'string' } },
    });
    const kind = values.kind;
    if (kind !== 'created' && kind !== 'updated' && kind !== 'deleted') {
      console.error(`--kind must be created, updated or deleted, got "${kind}".`);
      return 2;
    }
    const port = process.env.FRAME_WEBHOOK_PORT?.trim() || '8787';
    const ok = await sendTestEvent({
      dataDir: dataDirFromEnv(),
      url: values.url ?? `http://127.0.0.1:${port}/webhooks/wix`,
      projectId: values.project ?? process.env.WIX_PROJECT_ID?.trim(),
      kind,
      itemId: values.item,
      mediaFileId: values.media,
      print: (line) => console.log(line),
    });
    return ok ? 0 : 1;
  }
  if (command === 'autostart') return runAutostartCommand(rest, (line) => console.log(line));
  console.error(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`frame: ${(error as Error).message}`);
    process.exit(1);
  },
);
