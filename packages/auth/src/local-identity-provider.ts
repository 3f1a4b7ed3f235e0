/** For tests (auth's own, and the gateway's through testkit); not exported from the package index. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, type KeyLike, SignJWT } from 'jose';

/**
 * An OpenID Connect identity provider on loopback, run by a test: a discovery document, a JWKS
 * endpoint and signed access tokens, with key rotation and an outage on demand. Its issuer has a
 * path, like Microsoft Entra ID's (https://login.microsoftonline.com/<tenant>/v2.0).
 */
export interface SigningKey {
  kid: string;
  algorithm: 'RS256' | 'ES256';
  privateKey: KeyLike;
  publicJwk: JWK;
}

export interface TokenOptions {
  /** The "aud" claim (default: the provider's audience). */
  audience?: string | string[];
  /** Seconds from now until "exp"; negative for an expired token (default 1 hour). */
  expiresInSeconds?: number;
  /** Sign with this key instead of the current one (e.g. one never published). */
  key?: SigningKey;
  /** Override the "iss" claim. */
  issuer?: string;
}

export interface LocalIdentityProvider {
  /** The "iss" of its tokens. */
  readonly issuer: string;
  readonly jwksUri: string;
  readonly audience: string;
  /** How often its key set and discovery document were fetched. */
  readonly requests: { jwks: number; discovery: number };
  /** Signs an access token for `subject` with extra claims (roles, groups, ...). */
  token(subject: string, claims?: JWTPayload, options?: TokenOptions): Promise<string>;
  /** Makes a new current key; `retireOld` drops the previous ones from the published set. */
  rotateKey(options?: { retireOld?: boolean }): Promise<SigningKey>;
  /** A key that is never published (to forge a token with a plausible header). */
  unpublishedKey(): Promise<SigningKey>;
  /** Stops answering (connections refused) until `start()` again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

let keyNumber = 0;
async function newKey(algorithm: SigningKey['algorithm']): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm);
  const kid = `test-key-${(keyNumber += 1)}`;
  return { kid, algorithm, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' } };
}

export async function startLocalIdentityProvider(
  options: { algorithm?: SigningKey['algorithm']; tenant?: string; audience?: string } = {},
): Promise<LocalIdentityProvider> {
  const algorithm = options.algorithm ?? 'RS256';
  const tenant = options.tenant ?? 'tenant';
  let published: SigningKey[] = [await newKey(algorithm)];
  const requests = { jwks: 0, discovery: 0 };
  let issuer = '';
  let jwksUri = '';
  const server = http.createServer((request, response) => {
    const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === `/${tenant}/v2.0/.well-known/openid-configuration`) {
      requests.discovery += 1;
      return json({ issuer, jwks_uri: jwksUri, id_token_signing_alg_values_supported: [algorithm] });
    }
    if (request.url === `/${tenant}/discovery/v2.0/keys`) {
      requests.jwks += 1;
      return json({ keys: published.map((key) => key.publicJwk) });
    }
    response.writeHead(404).end();
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let port = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await start();
  issuer = `http://127.0.0.1:${port}/${tenant}/v2.0`;
  jwksUri = `http://127.0.0.1:${port}/${tenant}/discovery/v2.0/keys`;
  const audience = options.audience ?? 'api://safeguarding-platform';

  return {
    issuer,
    jwksUri,
    audience,
    requests,
    async token(subject, claims = {}, tokenOptions = {}) {
      const key = tokenOptions.key ?? published[published.length - 1]!;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: 'JWT' })
        .setIssuer(tokenOptions.issuer ?? issuer)
        .setAudience(tokenOptions.audience ?? audience)
        .setSubject(subject)
        .setIssuedAt(now - 60)
        .setExpirationTime(now + (tokenOptions.expiresInSeconds ?? 3600))
        .sign(key.privateKey);
    },
    async rotateKey(rotation = {}) {
      const key = await newKey(algorithm);
      published = rotation.retireOld ? [key] : [...published, key];
      return key;
    },
    unpublishedKey: () => newKey(algorithm),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
    start,
  };
}
