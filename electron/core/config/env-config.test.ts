import { describe, expect, it } from 'vitest';
import { ConfigError } from '../frame-types';
import { loadEnvConfig } from './env-config';

const load = (env: Record<string, string>, argv: string[] = []) => loadEnvConfig(env, argv, '/data');

function refusal(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnvConfig', () => {
  it('has the runtime contract defaults', () => {
    const config = load({});
    expect(config).toMatchObject({
      demo: false,
      dataDir: '/data',
      http: { host: '127.0.0.1', port: 8700 },
      webhook: { host: '127.0.0.1', port: 8787, publicKeyPem: null },
      wix: { apiBaseUrl: 'https://www.wixapis.com', mediaBaseUrl: 'https://static.wixstatic.com', auth: null, projectId: null },
      settings: {},
    });
  });

  it('reads every variable', () => {
    const config = load(
      {
        FRAME_DATA_DIR: '/srv/frame',
        FRAME_HTTP_PORT: '9000',
        FRAME_HTTP_HOST: '0.0.0.0',
        FRAME_WEBHOOK_PORT: '9001',
        WIX_API_BASE_URL: 'http://127.0.0.1:5000/',
        WIX_MEDIA_BASE_URL: 'http://127.0.0.1:5001',
        WIX_API_KEY: 'key',
        WIX_SITE_ID: 'site',
        WIX_PROJECT_ID: '123e4567-e89b-12d3-a456-426614174000',
        WIX_WEBHOOK_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----',
        FRAME_POLL_SECONDS: '30',
        FRAME_SLIDE_SECONDS: '2.5',
      },
      ['--demo'],
    );
    expect(config.demo).toBe(true);
    expect(config.wix.apiBaseUrl).toBe('http://127.0.0.1:5000');
    expect(config.wix.auth).toEqual({ kind: 'apiKey', apiKey: 'key', siteId: 'site' });
    expect(config.webhook.publicKeyPem).toBe('-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----');
    expect(config.settings).toEqual({ pollSeconds: 30, slideSeconds: 2.5 });
  });

  it('reads the show variables through the settings schema', () => {
    expect(load({ FRAME_PAIR_PORTRAITS: 'off', FRAME_KEN_BURNS: 'on', FRAME_CLOCK: 'time-date' }).settings).toEqual({ pairPortraits: false, kenBurns: true, clock: 'time-date' });
    expect(refusal({ FRAME_CLOCK: 'sundial' })).toBe('FRAME_CLOCK must be one of: off, time, time-date, got "sundial".');
    expect(refusal({ FRAME_KEN_BURNS: 'maybe' })).toBe('FRAME_KEN_BURNS must be on or off, got "maybe".');
    expect(refusal({ FRAME_SLIDE_SECONDS: '0.5' })).toBe('FRAME_SLIDE_SECONDS must be a number of seconds from 1 to 3600, got "0.5".');
  });

  it('OAuth needs all three variables', () => {
    expect(load({ WIX_CLIENT_ID: 'c', WIX_CLIENT_SECRET: 's', WIX_INSTANCE_ID: 'i' }).wix.auth).toEqual({ kind: 'oauth', clientId: 'c', clientSecret: 's', instanceId: 'i' });
    expect(refusal({ WIX_CLIENT_ID: 'c', WIX_INSTANCE_ID: 'i' })).toMatch(/^WIX_CLIENT_SECRET must be set/);
  });

  it('refuses each bad value with one line naming the variable', () => {
    expect(refusal({ FRAME_HTTP_PORT: 'eighty' })).toBe('FRAME_HTTP_PORT must be a port number from 0 to 65535, got "eighty".');
    expect(refusal({ FRAME_WEBHOOK_PORT: '70000' })).toMatch(/^FRAME_WEBHOOK_PORT must be a port number/);
    expect(refusal({ FRAME_POLL_SECONDS: '0' })).toMatch(/^FRAME_POLL_SECONDS must be a number of seconds from 1 to 86400/);
    expect(refusal({ FRAME_SLIDE_SECONDS: 'fast' })).toMatch(/^FRAME_SLIDE_SECONDS must be/);
    expect(refusal({ WIX_API_BASE_URL: 'ftp://x' })).toMatch(/^WIX_API_BASE_URL must be an http\(s\) URL/);
    expect(refusal({ WIX_MEDIA_BASE_URL: 'not a url' })).toMatch(/^WIX_MEDIA_BASE_URL must be an http\(s\) URL/);
    expect(refusal({ WIX_PROJECT_ID: 'my-project' })).toMatch(/^WIX_PROJECT_ID must be a project GUID/);
    expect(refusal({ WIX_API_KEY: 'k' })).toMatch(/^WIX_SITE_ID must be set together with WIX_API_KEY/);
    expect(refusal({ WIX_WEBHOOK_PUBLIC_KEY: '/nonexistent/key.pem' })).toMatch(/^WIX_WEBHOOK_PUBLIC_KEY must be the PEM public key/);
    expect(refusal({ FRAME_HTTP_HOST: 'a b' })).toMatch(/^FRAME_HTTP_HOST must be a host name/);
    for (const message of [refusal({ FRAME_HTTP_PORT: 'x' }), refusal({ WIX_PROJECT_ID: 'y' })]) expect(message).not.toContain('\n');
  });

  it('reads the security variables', () => {
    const config = load({
      FRAME_HTTP_ALLOWED_HOSTS: 'frame.local, frame.example.com:443',
      WIX_VIDEO_BASE_URL: 'https://video.example.com/',
      FRAME_VIDEO_MAX_MB: '120',
      FRAME_WIX_INSTANCE_ID: '1a57a7ce-0000-4000-8000-000000000009',
      FRAME_SCREEN_OFF_COMMAND: "wlopm --off '*'",
      FRAME_SCREEN_ON_COMMAND: '"/opt/screen tools/on" --now',
    });
    expect(config.http.allowedHosts).toEqual(['frame.local', 'frame.example.com:443']);
    expect(config.wix.videoBaseUrl).toBe('https://video.example.com');
    expect(config.videoMaxMegabytes).toBe(120);
    expect(config.wix.instanceId).toBe('1a57a7ce-0000-4000-8000-000000000009');
    expect(config.screenCommands).toEqual({ off: ['wlopm', '--off', '*'], on: ['/opt/screen tools/on', '--now'] });
    expect(load({})).toMatchObject({ http: { allowedHosts: [] }, wix: { videoBaseUrl: 'https://video.wixstatic.com', instanceId: null }, videoMaxMegabytes: 300, screenCommands: null });
  });

  it('refuses screen commands with shell syntax, or one without the other', () => {
    expect(refusal({ FRAME_SCREEN_OFF_COMMAND: 'id > /tmp/x', FRAME_SCREEN_ON_COMMAND: 'true' })).toMatch(/^FRAME_SCREEN_OFF_COMMAND must be one program with its arguments, run without a shell/);
    expect(refusal({ FRAME_SCREEN_OFF_COMMAND: 'true', FRAME_SCREEN_ON_COMMAND: 'a; b' })).toMatch(/^FRAME_SCREEN_ON_COMMAND must be one program/);
    expect(refusal({ FRAME_SCREEN_OFF_COMMAND: 'true' })).toMatch(/^FRAME_SCREEN_ON_COMMAND must be set too/);
    expect(refusal({ FRAME_HTTP_ALLOWED_HOSTS: 'frame.local, http://x/' })).toMatch(/^FRAME_HTTP_ALLOWED_HOSTS must be host names/);
    expect(refusal({ FRAME_HTTP_ALLOWED_HOSTS: '*' })).toMatch(/^FRAME_HTTP_ALLOWED_HOSTS must be host names/);
    expect(refusal({ FRAME_VIDEO_MAX_MB: '0' })).toMatch(/^FRAME_VIDEO_MAX_MB must be a whole number of megabytes/);
    expect(refusal({ FRAME_WIX_INSTANCE_ID: 'mine' })).toMatch(/^FRAME_WIX_INSTANCE_ID must be the Wix app instance ID/);
    expect(refusal({ WIX_VIDEO_BASE_URL: 'file:///etc' })).toMatch(/^WIX_VIDEO_BASE_URL must be an http\(s\) URL/);
  });
});
