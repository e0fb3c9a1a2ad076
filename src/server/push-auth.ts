import { OAuth2Client, type TokenPayload } from 'google-auth-library';

/** Checks a Google-signed OIDC token for an audience and returns its claims; throws when invalid. */
export interface IdTokenVerifier {
  verify(token: string, audience: string): Promise<TokenPayload>;
}

/** Verifies against Google's published certificates (fetched and cached by the client). */
export function googleIdTokenVerifier(client = new OAuth2Client()): IdTokenVerifier {
  return {
    async verify(token, audience) {
      const ticket = await client.verifyIdToken({ idToken: token, audience });
      const payload = ticket.getPayload();
      if (!payload) throw new Error('the token has no claims');
      return payload;
    },
  };
}

/** Verifies against given certificates (`kid` -> PEM); for tests and pinned keys. */
export function certsIdTokenVerifier(certs: Record<string, string>, client = new OAuth2Client()): IdTokenVerifier {
  return {
    async verify(token, audience) {
      const ticket = await client.verifySignedJwtWithCertsAsync(token, certs, audience, ['https://accounts.google.com', 'accounts.google.com']);
      const payload = ticket.getPayload();
      if (!payload) throw new Error('the token has no claims');
      return payload;
    },
  };
}

/**
 * How the push endpoint authenticates Pub/Sub. `oidc` in the cloud; `none` only when set
 * explicitly (local mode, the emulator, which sends no token) — never as a fallback.
 */
export type PushAuth =
  | { mode: 'none' }
  | { mode: 'oidc'; audience: string; serviceAccountEmail: string; verifier: IdTokenVerifier };

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export async function authenticatePush(auth: PushAuth, authorization: string | undefined): Promise<AuthResult> {
  if (auth.mode === 'none') return { ok: true };
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, status: 401, reason: 'no bearer token' };
  let claims: TokenPayload;
  try {
    claims = await auth.verifier.verify(token, auth.audience);
  } catch (err) {
    return { ok: false, status: 401, reason: `token rejected: ${(err as Error).message}` };
  }
  if (claims.email !== auth.serviceAccountEmail) return { ok: false, status: 403, reason: `token is for ${claims.email ?? 'no email'}, not the push service account` };
  if (claims.email_verified !== true) return { ok: false, status: 403, reason: 'token email is not verified' };
  return { ok: true };
}
