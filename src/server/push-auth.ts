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
      const ticket = await client.verifySignedJwtWithCertsAsync(token, certs, audience, GOOGLE_ISSUERS);
      const payload = ticket.getPayload();
      if (!payload) throw new Error('the token has no claims');
      return payload;
    },
  };
}

/** The issuers Google writes in its ID tokens. */
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

/**
 * What Cloud Run puts in place of the signature of a token it has verified before forwarding
 * the request (documented for services behind `--no-allow-unauthenticated`).
 */
export const SIGNATURE_REMOVED_BY_GOOGLE = 'SIGNATURE_REMOVED_BY_GOOGLE';

/**
 * How the push endpoint authenticates Pub/Sub. `oidc` in the cloud; `none` only when set
 * explicitly (local mode, the emulator, which sends no token) — never as a fallback.
 *
 * `behindCloudRunIam`: the service runs with `--no-allow-unauthenticated`, so Cloud Run has
 * already verified the token's signature, audience and invoker permission, and forwards it
 * with the signature replaced by {@link SIGNATURE_REMOVED_BY_GOOGLE}. Then the signature cannot
 * be checked again, and the app checks the claims (issuer, audience, push account, verified
 * email, expiry) and that the signature part is exactly that marker: a token that reached the
 * app any other way (signed, or unsigned by someone else) is refused. Without it, the app
 * verifies the signature itself with google-auth-library.
 */
export type PushAuth =
  | { mode: 'none' }
  | { mode: 'oidc'; audience: string; serviceAccountEmail: string; verifier: IdTokenVerifier; behindCloudRunIam?: boolean; now?: () => number };

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * The claims of a token Cloud Run has verified and forwarded with its signature removed.
 * Throws (a 401) unless the signature part is exactly the marker and the claims are those of a
 * current Google ID token for `audience`.
 */
export function forwardedTokenClaims(token: string, audience: string, nowSeconds: number): TokenPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a JWT');
  const [header, payload, signature] = parts as [string, string, string];
  if (signature !== SIGNATURE_REMOVED_BY_GOOGLE) throw new Error('behind Cloud Run IAM the signature must have been removed by Google; this token did not come through Cloud Run');
  let claims: TokenPayload;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (head.alg !== 'RS256') throw new Error(`unexpected algorithm ${String(head.alg)}`);
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenPayload;
  } catch (err) {
    throw new Error(`unreadable token: ${(err as Error).message}`);
  }
  if (!GOOGLE_ISSUERS.includes(claims.iss)) throw new Error(`issuer ${String(claims.iss)} is not Google`);
  if (claims.aud !== audience) throw new Error(`audience ${String(claims.aud)} is not ${audience}`);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) throw new Error('the token has expired');
  return claims;
}

export async function authenticatePush(auth: PushAuth, authorization: string | undefined): Promise<AuthResult> {
  if (auth.mode === 'none') return { ok: true };
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, status: 401, reason: 'no bearer token' };
  let claims: TokenPayload;
  try {
    claims = auth.behindCloudRunIam ? forwardedTokenClaims(token, auth.audience, Math.floor((auth.now?.() ?? Date.now()) / 1000)) : await auth.verifier.verify(token, auth.audience);
  } catch (err) {
    return { ok: false, status: 401, reason: `token rejected: ${(err as Error).message}` };
  }
  if (claims.email !== auth.serviceAccountEmail) return { ok: false, status: 403, reason: `token is for ${claims.email ?? 'no email'}, not the push service account` };
  if (claims.email_verified !== true) return { ok: false, status: 403, reason: 'token email is not verified' };
  return { ok: true };
}
