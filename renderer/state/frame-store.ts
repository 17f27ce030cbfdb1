// The renderer's one store: the latest snapshot from the shell (null until the
// first one arrives) and how the connection to the shell is doing.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FrameSnapshot } from '../../shared/display';
import type { ConnectionStatus, FrameBridge } from '../bridge/frame-bridge';

export interface FrameState {
  snapshot: FrameSnapshot | null;
  connection: ConnectionStatus;
}

export type FrameStore = StoreApi<FrameState>;

export function createFrameStore(): FrameStore {
  return createStore<FrameState>()(() => ({ snapshot: null, connection: 'connecting' }));
}

/** Feeds the store from the bridge (only its snapshot stream). Returns unsubscribe. */
export function connectStore(store: FrameStore, bridge: Pick<FrameBridge, 'subscribe'>): () => void {
  return bridge.subscribe(
    (snapshot) => store.setState({ snapshot }),
    (connection) => store.setState({ connection }),
  );
}

/** The app's store; main.tsx connects it to the bridge. */
export const frameStore = createFrameStore();

export function useFrame<T>(selector: (state: FrameState) => T): T {
  return useStore(frameStore, selector);
}
