// `frame <command>`: tasks for people setting a frame up over SSH.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { dataDirFromEnv } from './core/config/data-dir';
import { loadEnvConfig } from './core/config/env-config';
import { isLoopback } from './core/util/host';
import { adminTokenFor } from './core/web/admin-guard';
import { sendTestEvent } from './core/webhook/send-test-event';
import { runAutostartCommand } from './core/system/autostart-cli';
import { createFrameLog } from './core/util/frame-log';

// What the CLI did goes to frame.log beside the frame's own lines; the person
// at the terminal reads the plain output below. The file may be unwritable.
const log = createFrameLog({ dir: dataDirFromEnv(), echo: false, onFileError: () => undefined });

const USAGE = `Usage:
  frame autostart on|off|status [--method xdg|systemd] [--web]
      Start on boot for this user: an XDG autostart entry (desktop sessions)
      or a systemd user unit (restart on failure). --web starts the web shell
      instead of the Electron kiosk.
  frame admin-token [--demo]
      Prints the admin token that phones and laptops need for the settings
      when the web shell listens beyond loopback (FRAME_HTTP_HOST), for a
      frame without a screen. FRAME_ADMIN_TOKEN when set, else the one kept in
      the data folder (made now if the frame has not made one yet). --demo:
      the demo's data folder.
  frame webhook-test [--kind updated|created|deleted] [--item ID] [--url URL] [--frame URL] [--project ID] [--media FILE_ID]
      Sends a signed Wix event to a running frame and says what it did: by
      default an update of the first item shown, with a visible test title,
      which the confirming sync then turns back into Wix's version. --url is
      the receiver (http://127.0.0.1:$FRAME_WEBHOOK_PORT/webhooks/wix, port
      8787), --frame the web shell (http://127.0.0.1:$FRAME_HTTP_PORT, 8700).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'webhook-test') {
    const { values } = parseArgs({
      args: rest,
      options: { url: { type: 'string' }, frame: { type: 'string' }, kind: { type: 'string', default: 'updated' }, project: { type: 'string' }, item: { type: 'string' }, media: { type: 'string' } },
    });
    const kind = values.kind;
    if (kind !== 'created' && kind !== 'updated' && kind !== 'deleted') {
      console.error(`--kind must be created, updated or deleted, got "${kind}".`);
      return 2;
    }
    const port = process.env.FRAME_WEBHOOK_PORT?.trim() || '8787';
    const httpPort = process.env.FRAME_HTTP_PORT?.trim() || '8700';
    const ok = await sendTestEvent({
      dataDir: dataDirFromEnv(),
      url: values.url ?? `http://127.0.0.1:${port}/webhooks/wix`,
      frameUrl: (values.frame ?? `http://127.0.0.1:${httpPort}`).replace(/\/+$/, ''),
      projectId: values.project ?? process.env.WIX_PROJECT_ID?.trim(),
      kind,
      itemId: values.item,
      mediaFileId: values.media,
      instanceId: process.env.FRAME_WIX_INSTANCE_ID?.trim() || process.env.WIX_INSTANCE_ID?.trim(),
      print: (line) => console.log(line),
    });
    return ok ? 0 : 1;
  }
  if (command === 'admin-token') {
    const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
    const config = loadEnvConfig(process.env, [], dataDirFromEnv());
    const dataDir = values.demo ? join(config.dataDir, 'demo') : config.dataDir;
    console.log(await adminTokenFor(dataDir, config.http.adminToken));
    if (isLoopback(config.http.host)) console.error(`Note: FRAME_HTTP_HOST is ${config.http.host}, so the web shell answers this machine only and asks for no token.`);
    return 0;
  }
  if (command === 'autostart') return runAutostartCommand(rest, (line) => console.log(line));
  console.error(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}

const args = process.argv.slice(2);
main(args).then(
  async (code) => {
    log.info(`CLI: frame ${args[0] ?? ''} ${code === 0 ? 'done' : `ended with ${code}`}.`);
    await log.close();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(`frame: ${(error as Error).message}`);
    log.error(`CLI: frame ${args[0] ?? ''} failed: ${(error as Error).message}`);
    await log.close();
    process.exit(1);
  },
);
