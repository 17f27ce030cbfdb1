// A frame on an MQTT broker: its name there, whether the broker and the relay
// are reachable, and the relay key it believes, to compare with the one the
// relay prints at start.
import { useFrame } from '../state/frame-store';

export function FleetSection() {
  const fleet = useFrame((s) => s.snapshot?.status.fleet);
  if (!fleet) return null;
  const key = fleet.relayKey;
  return (
    <section className="section" aria-labelledby="section-fleet" data-testid="fleet-section">
      <h2 id="section-fleet">Fleet</h2>
      <p className="section__lead">
        This frame is <strong>{fleet.frameId}</strong> on the MQTT broker ({fleet.broker === 'connected' ? 'connected' : 'not reachable'}
        {fleet.source === 'relay' ? `; its photos come from the relay, which is ${fleet.relay}` : '; it takes its photos from Wix itself'}).
      </p>
      <p className="section__hint" data-testid="relay-key">
        {key ? (
          <>
            Relay key <code style={{ overflowWrap: 'anywhere' }}>{key.fingerprint}</code>, {key.source === 'env' ? 'pinned by FRAME_RELAY_PUBLIC_KEY' : 'trusted on first use'}: it should match the fingerprint the relay prints when it starts.
          </>
        ) : (
          'No relay key yet: the first relay that announces itself on the broker will be trusted.'
        )}
      </p>
    </section>
  );
}
