// Every MQTT topic of the fleet, under FRAME_MQTT_PREFIX (default "frame").
// Relay topics carry signed messages; frame topics are the frame's own.

export function fleetTopics(prefix: string) {
  return {
    relayKey: `${prefix}/relay/key`,
    relayStatus: `${prefix}/relay/status`,
    relayProjects: `${prefix}/relay/projects`,
    snapshot: (projectId: string) => `${prefix}/project/${projectId}/snapshot`,
    changes: (projectId: string) => `${prefix}/project/${projectId}/changes`,
    /** Retained by each frame: the project it shows, so the relay serves it. */
    want: (frameId: string) => `${prefix}/wants/${frameId}`,
    wants: `${prefix}/wants/+`,
    frameStatus: (frameId: string) => `${prefix}/${frameId}/status`,
    frameState: (frameId: string, what: string) => `${prefix}/${frameId}/state/${what}`,
    frameCommand: (frameId: string, what: string) => `${prefix}/${frameId}/cmd/${what}`,
    frameCommands: (frameId: string) => `${prefix}/${frameId}/cmd/+`,
  };
}

export type FleetTopics = ReturnType<typeof fleetTopics>;

/** Whether an MQTT topic filter (with + and #) matches a topic. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
