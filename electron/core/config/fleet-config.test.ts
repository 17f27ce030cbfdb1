import { describe, expect, it } from 'vitest';
import { ConfigError } from '../frame-types';
import { loadFleetConfig, safeId } from './fleet-config';

describe('fleet environment', () => {
  it('is off without FRAME_MQTT_URL, with defaults otherwise', () => {
    expect(loadFleetConfig({})).toBeNull();
    expect(loadFleetConfig({ FRAME_MQTT_URL: 'mqtt://10.0.0.2:1883', FRAME_ID: 'Living Room' })).toEqual({
      url: 'mqtt://10.0.0.2:1883',
      username: null,
      password: null,
      frameId: 'living-room',
      prefix: 'frame',
      relayPublicKeyPem: null,
      caPem: null,
    });
  });

  it.each([
    [{ FRAME_MQTT_URL: 'http://broker:1883' }, /FRAME_MQTT_URL must be an mqtt:\/\/ or mqtts:\/\/ URL/],
    [{ FRAME_MQTT_URL: 'mqtts://' }, /FRAME_MQTT_URL/],
    [{ FRAME_MQTT_URL: 'mqtt://b', FRAME_MQTT_PREFIX: 'frame/#' }, /FRAME_MQTT_PREFIX must be a topic prefix/],
    [{ FRAME_MQTT_URL: 'mqtt://b', FRAME_RELAY_PUBLIC_KEY: '/no/such/file.pem' }, /FRAME_RELAY_PUBLIC_KEY must be/],
    [{ FRAME_MQTT_URL: 'mqtt://b', FRAME_MQTT_CA: '/no/such/ca.pem' }, /FRAME_MQTT_CA must be/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadFleetConfig(env)).toThrow(ConfigError);
    expect(() => loadFleetConfig(env)).toThrow(message);
  });

  it('makes names safe for topics and Home Assistant', () => {
    expect(safeId('Küche #2')).toBe('k-che-2');
    expect(safeId('***')).toBe('frame');
  });
});
