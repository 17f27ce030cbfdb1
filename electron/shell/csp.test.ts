import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy, withContentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('is the strict policy, word for word', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; img-src 'self' frame-media: data: blob:; media-src 'self' frame-media: blob:; script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or evaluated script', () => {
    const script = contentSecurityPolicy()
      .split('; ')
      .find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
  });
});

describe('metaContentSecurityPolicy', () => {
  it('is the header policy without what a <meta> cannot carry', () => {
    expect(metaContentSecurityPolicy()).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ''));
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps the other headers', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy()],
    });
  });

  it('replaces a policy the response brought, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': ['script-src *'] });
    expect(headers).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy()] });
  });

  it('copes with responses without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy()] });
  });
});

describe('the renderer page', () => {
  it('carries the same policy in its meta tag as the header', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.replace(/\s+/g, ' ').trim()).toBe(metaContentSecurityPolicy());
  });
});
