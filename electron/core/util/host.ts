// Host names and addresses as HTTP carries them (Host header, Origin, bind address).

/** A peer address (or bind address) on this machine only. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || plain === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

/** "Name:port" of a Host header or an Origin's host, lower case, IPv6 without brackets; null when unreadable. */
export function parseHost(value: string | undefined): { name: string; port: number | null } | null {
  if (!value) return null;
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s/@]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  const name = (match[1] ?? match[2]!).toLowerCase().replace(/\.$/, '');
  return { name, port: match[3] === undefined ? null : Number(match[3]) };
}
