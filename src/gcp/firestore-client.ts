import { Firestore, type Settings } from '@google-cloud/firestore';

export interface FirestoreClientOptions {
  projectId?: string;
  databaseId?: string;
  /** An emulator at host:port; FIRESTORE_EMULATOR_HOST wins when set. */
  emulatorHost?: string;
}

/**
 * A Firestore client for the cloud or the emulator. With the emulator, naming the universe
 * spares the client a credentials search, which would probe the GCE metadata server (off
 * loopback, seconds or a hang) before the first call.
 */
export function createFirestore(options: FirestoreClientOptions = {}): Firestore {
  const settings: Settings = {};
  const projectId = options.projectId ?? process.env.GOOGLE_CLOUD_PROJECT;
  if (projectId) settings.projectId = projectId;
  if (options.databaseId) settings.databaseId = options.databaseId;
  // With `ssl: false` the client talks plaintext gRPC with an owner token: the emulator's way.
  if (options.emulatorHost && !process.env.FIRESTORE_EMULATOR_HOST) Object.assign(settings, { host: options.emulatorHost, ssl: false });
  if (process.env.FIRESTORE_EMULATOR_HOST || options.emulatorHost) settings.universeDomain = 'googleapis.com';
  return new Firestore(settings);
}
