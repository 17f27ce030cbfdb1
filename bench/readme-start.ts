// Start → first photo, offline, through the README's own command
// (`npm run serve`) on a built checkout: what a Pi that just booted does.
// The comparison is the command before builds were reused (it rebuilt at
// every start) and the bare server without npm. The browser's page is open
// before the command starts, as a kiosk's is (Electron opens its window while
// the core starts; a web kiosk's browser starts on its own): Playwright's new
// context (~400 ms here) is the harness's time, not the frame's.
import { spawn } from 'node:child_process';
import { closedPort } from '../electron/core/test-support/free-port';
import { startFakeWix } from '../electron/core/test-support/fake-wix-fixture';
import { percentile, type BenchRow } from './table';
import { frameEnv, launchBrowser, warmDataDir } from './support/frame-page';
import type { Browser } from '@playwright/test';

const RUNS = 3;
const TARGET_MS = 1500;

/** Spawns a shell command, waits for the web shell's URL, opens it in a waiting page and waits for a decoded photo. */
async function timeToPhoto(browser: Browser, command: string[], env: Record<string, string>): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const started = Date.now();
  const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no web shell after 60 s:\n${output.join('')}`)), 60_000);
      const seen = (chunk: Buffer) => {
        output.push(chunk.toString());
        const match = /web shell at (http:\/\/\S+?)\/ /.exec(output.join(''));
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', seen);
      child.stderr!.on('data', seen);
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output.join('')}`)));
    });
    await page.goto(url);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-current="true"] img, img[data-current="true"]')].some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), undefined, { timeout: 30_000 });
    return Date.now() - started;
  } finally {
    await page.close();
    // npm runs the server as a child: end the whole group.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.once('exit', r).once('error', r));
  }
}

export async function benchReadmeStart(): Promise<BenchRow[]> {
  const wix = await startFakeWix(8);
  const browser = await launchBrowser();
  try {
    const dataDir = await warmDataDir(browser, wix);
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const env = { ...frameEnv(wix, { WIX_API_BASE_URL: dead, WIX_MEDIA_BASE_URL: dead, FRAME_SLIDE_SECONDS: '600' }), FRAME_DATA_DIR: dataDir, FRAME_HTTP_PORT: '0', FRAME_WEBHOOK_PORT: '0' };
    const readme: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      readme.push(await timeToPhoto(browser, ['npm', 'run', 'serve'], env));
      bare.push(await timeToPhoto(browser, [process.execPath, 'dist/node/server.js'], env));
    }
    const rebuilding = await timeToPhoto(browser, ['sh', '-c', 'npm run build && node dist/node/server.js'], env);
    const median = percentile(readme, 50);
    return [
      {
        benchmark: 'start to first photo via `npm run serve`, built checkout, Wix unreachable (median of 3)',
        figure: `${median} ms`,
        target: `< ${TARGET_MS} ms`,
        comparison: `${rebuilding} ms rebuilding at start (before); ${percentile(bare, 50)} ms bare node dist/node/server.js`,
        meets: median < TARGET_MS,
      },
    ];
  } finally {
    await browser.close();
    await wix.stop();
  }
}
