import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRequestHandler, handleAppProtocol } from './app-protocol';
import { APP_INDEX_URL, APP_ORIGIN } from './app-url';
import { contentSecurityPolicy } from './csp';

let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'frame-app-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Frame</title>');
  await writeFile(join(root, 'renderer', 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'not for the page');
  handle = appRequestHandler(join(root, 'renderer'));
});

describe('frame-app protocol', () => {
  it('serves the renderer’s files with the renderer’s CSP', async () => {
    const page = await handle(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Frame</title>');
    const script = await handle(new Request(`${APP_ORIGIN}/assets/index-abc.js`));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handle(new Request(`${APP_ORIGIN}/`))).status).toBe(200);
  });

  it.each([
    ['outside the renderer folder', `${APP_ORIGIN}/../secret.txt`],
    ['encoded traversal', `${APP_ORIGIN}/%2e%2e/secret.txt`],
    ['encoded slash traversal', `${APP_ORIGIN}/assets%2f..%2f..%2fsecret.txt`],
    ['a missing file', `${APP_ORIGIN}/nothing.js`],
    ['a folder', `${APP_ORIGIN}/assets`],
    ['another host', 'frame-app://evil/index.html'],
    ['an unknown type', `${APP_ORIGIN}/index.html.map`],
  ])('answers 404 for %s', async (_what, url) => {
    expect((await handle(new Request(url))).status).toBe(404);
  });

  it('is registered for the frame-app scheme', async () => {
    let scheme = '';
    handleAppProtocol({ handle: (name) => void (scheme = name) }, join(root, 'renderer'));
    expect(scheme).toBe('frame-app');
  });
});
