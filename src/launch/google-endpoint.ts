import { OAuth2Client } from 'google-auth-library';

/**
 * Client options for a Google API endpoint override (`CLOUD_RUN_API_ENDPOINT` and friends):
 * REST transport to that host and port. An endpoint on loopback is a test fake or an
 * emulator and gets a placeholder token instead of Google credentials.
 */
export function endpointOptions(endpoint: string | undefined): Record<string, unknown> {
  if (!endpoint) return {};
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  const options: Record<string, unknown> = {
    fallback: true,
    apiEndpoint: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443,
    protocol: url.protocol.replace(':', ''),
  };
  if (loopback) {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'loopback-test-token', expiry_date: Date.now() + 365 * 24 * 3600 * 1000 });
    options.authClient = auth;
  }
  return options;
}
