import { describe, expect, it } from 'vitest';
import type { FrameSnapshot } from '../../shared/display';
import type { ConnectionStatus, FrameBridge } from '../bridge/frame-bridge';
import { testSnapshot } from '../test-support/test-snapshot';
import { connectStore, createFrameStore } from './frame-store';

function fakeBridge() {
  let push: (s: FrameSnapshot) => void = () => undefined;
  let status: (s: ConnectionStatus) => void = () => undefined;
  let subscribed = false;
  const bridge: Pick<FrameBridge, 'subscribe'> = {
    subscribe(listener, onStatus) {
      push = listener;
      status = onStatus ?? status;
      subscribed = true;
      return () => (subscribed = false);
    },
  };
  return { bridge, push: (s: FrameSnapshot) => push(s), status: (s: ConnectionStatus) => status(s), isSubscribed: () => subscribed };
}

describe('frame store', () => {
  it('has no snapshot until the first one arrives', () => {
    expect(createFrameStore().getState()).toEqual({ snapshot: null, connection: 'connecting' });
  });

  it('holds the latest snapshot and connection status from the bridge', () => {
    const store = createFrameStore();
    const fake = fakeBridge();
    const unsubscribe = connectStore(store, fake.bridge);
    const latest = testSnapshot(['b']);
    fake.push(testSnapshot(['a']));
    fake.push(latest);
    fake.status('reconnecting');
    expect(store.getState()).toEqual({ snapshot: latest, connection: 'reconnecting' });
    unsubscribe();
    expect(fake.isSubscribed()).toBe(false);
  });
});
