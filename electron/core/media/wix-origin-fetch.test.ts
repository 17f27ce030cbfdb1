import { describe, expect, it } from 'vitest';
import { fetchFromWixOrigin, ForeignOrigin } from './wix-origin-fetch';

const WIX = 'https://video.wixstatic.com';

/** A fetch that answers from a table and writes down every address it was asked for. */
function fakeFetch(answers: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    return answers[url]?.() ?? new Response('nope', { status: 404 });
  }) as typeof globalThis.fetch;
  return { asked, fetch };
}

describe('fetchFromWixOrigin', () => {
  it('fetches from an allowed origin, following redirects that stay on allowed origins', async () => {
    const { asked, fetch } = fakeFetch({
      [`${WIX}/a.mp4`]: () => new Response(null, { status: 302, headers: { location: '/b.mp4' } }),
      [`${WIX}/b.mp4`]: () => new Response('video'),
    });
    const response = await fetchFromWixOrigin(`${WIX}/a.mp4`, { allowedOrigins: [WIX], timeoutMs: 1000, fetch });
    expect(await response.text()).toBe('video');
    expect(asked).toEqual([`${WIX}/a.mp4`, `${WIX}/b.mp4`]);
  });

  it.each([
    ['an internal address', 'http://192.168.1.1/admin'],
    ['the frame itself', 'http://127.0.0.1:8700/api/settings'],
    ['a look-alike host', 'https://video.wixstatic.com.evil.example/a.mp4'],
    ['another scheme', 'file:///etc/passwd'],
    ['another port', 'https://video.wixstatic.com:8443/a.mp4'],
    ['plain http on the https origin', 'http://video.wixstatic.com/a.mp4'],
    ['credentials in the address', 'https://user@evil.example/a.mp4'],
  ])('never asks for %s', async (_what, url) => {
    const { asked, fetch } = fakeFetch({});
    await expect(fetchFromWixOrigin(url, { allowedOrigins: [WIX], timeoutMs: 1000, fetch })).rejects.toBeInstanceOf(ForeignOrigin);
    expect(asked).toEqual([]);
  });

  it('never follows a redirect off the allowed origins', async () => {
    const { asked, fetch } = fakeFetch({ [`${WIX}/a.mp4`]: () => new Response(null, { status: 307, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }) });
    await expect(fetchFromWixOrigin(`${WIX}/a.mp4`, { allowedOrigins: [WIX], timeoutMs: 1000, fetch })).rejects.toBeInstanceOf(ForeignOrigin);
    expect(asked).toEqual([`${WIX}/a.mp4`]);
  });
});
