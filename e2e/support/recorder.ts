// A local server that only records what reaches it: it stands for an
// internal service an attacker wants the frame to fetch, or a collector an
// injected script would call home to. Tests assert it stayed untouched.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorder {
  url: string;
  hits: string[];
  stop(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'video/mp4', 'access-control-allow-origin': '*' });
    res.end('internal secret');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
