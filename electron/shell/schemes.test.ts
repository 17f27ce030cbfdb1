import { describe, expect, it, vi } from 'vitest';
import { registerPrivilegedSchemes } from './schemes';

describe('privileged schemes', () => {
  it('registers the page and media schemes in one call, with no more privilege than they need', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerPrivilegedSchemes(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'frame-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      { scheme: 'frame-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    for (const [scheme] of protocol.registerSchemesAsPrivileged.mock.calls[0]!) {
      expect(scheme.privileges).not.toHaveProperty('bypassCSP');
      expect(scheme.privileges).not.toHaveProperty('corsEnabled');
      expect(scheme.privileges).not.toHaveProperty('allowServiceWorkers');
    }
  });
});
