import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../../../examples/portal/mint-token';
import { loadEmbedKey } from './embed-keys';
import { verifyEmbedToken, type TokenRules } from './token';

const secret = 'a-shared-secret-of-at-least-32-characters';
const rules: TokenRules = { issuer: 'portal', audience: 'wa-onboarding', algorithms: ['HS256'], allowedOrigins: ['https://portal.example'] };
const nowSeconds = 1_800_000_000;
const nowMs = nowSeconds * 1000;
const good = { secret, issuer: 'portal', operator: 'op-1', instance: 'default', parentOrigin: 'https://portal.example', issuedAt: nowSeconds };

async function check(token: string, overrides: Partial<TokenRules> = {}, at = nowMs) {
  const key = await loadEmbedKey({ kind: 'secret', secret }, ['HS256']);
  return verifyEmbedToken(token, key, { ...rules, ...overrides }, at);
}

function unsigned(payload: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

describe('embed token', () => {
  it('accepts a fresh token from the portal and returns its claims', async () => {
    const result = await check(await mintEmbedToken(good));
    expect(result).toMatchObject({ ok: true, claims: { sub: 'op-1', inst: 'default', po: 'https://portal.example' } });
  });

  it('refuses an expired token as expired', async () => {
    const token = await mintEmbedToken({ ...good, issuedAt: nowSeconds - 200, lifetimeSeconds: 120 });
    expect(await check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token that would live longer than five minutes', async () => {
    const token = await mintEmbedToken({ ...good, lifetimeSeconds: 600 });
    expect(await check(token)).toEqual({ ok: false, reason: 'lifetime' });
  });

  it('refuses a wrong audience and a wrong issuer', async () => {
    expect(await check(await mintEmbedToken({ ...good, audience: 'another-app' }))).toEqual({ ok: false, reason: 'invalid' });
    expect(await check(await mintEmbedToken({ ...good, issuer: 'someone-else' }))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a parent origin that is not exactly an allowed one', async () => {
    for (const parentOrigin of ['https://evil.example', 'https://portal.example.evil.example', 'http://portal.example', 'https://portal.example:8443']) {
      expect(await check(await mintEmbedToken({ ...good, parentOrigin }))).toMatchObject({ ok: false });
    }
    expect(await check(await mintEmbedToken({ ...good, parentOrigin: 'https://evil.example' }))).toEqual({ ok: false, reason: 'origin' });
  });

  it('refuses alg none, a wrong signature and an algorithm that is not allowed', async () => {
    const claims = { iss: 'portal', aud: 'wa-onboarding', sub: 'op-1', inst: 'default', po: 'https://portal.example', jti: 'jti-unsigned-1', iat: nowSeconds, exp: nowSeconds + 60 };
    expect(await check(unsigned(claims))).toEqual({ ok: false, reason: 'invalid' });
    expect(await check(await mintEmbedToken({ ...good, secret: 'another-secret-of-at-least-32-characters!' }))).toEqual({ ok: false, reason: 'invalid' });
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(secret));
    expect(await check(hs512)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token without jti or with an instance that is not an alias', async () => {
    const base = { iss: 'portal', aud: 'wa-onboarding', sub: 'op-1', po: 'https://portal.example', iat: nowSeconds, exp: nowSeconds + 60 };
    const sign = (payload: JWTPayload) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
    expect(await check(await sign({ ...base, inst: 'default' }))).toEqual({ ok: false, reason: 'invalid' });
    expect(await check(await sign({ ...base, inst: '../instances/x', jti: 'jti-bad-alias' }))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('verifies ES256 tokens against a JWKS file and refuses HS256 there', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const file = join(mkdtempSync(join(tmpdir(), 'jwks-')), 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), use: 'sig', alg: 'ES256' }] }));
    const key = await loadEmbedKey({ kind: 'jwks-file', path: file }, ['ES256']);
    const claims = { inst: 'default', po: 'https://portal.example' };
    const es256 = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setIssuer('portal').setAudience('wa-onboarding')
      .setSubject('op-1').setJti('jti-es256-0001').setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 60).sign(privateKey);
    const esRules = { ...rules, algorithms: ['ES256' as const] };
    expect(await verifyEmbedToken(es256, key, esRules, nowMs)).toMatchObject({ ok: true });
    expect(await verifyEmbedToken(await mintEmbedToken(good), key, esRules, nowMs)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('embed keys', () => {
  it('verifies RS256 with a PEM public key and refuses a private JWK in a key set', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const key = await loadEmbedKey({ kind: 'pem', pem: await exportSPKI(publicKey) }, ['ES256', 'RS256']);
    const rs256 = await new SignJWT({ inst: 'default', po: 'https://portal.example' }).setProtectedHeader({ alg: 'RS256' }).setIssuer('portal')
      .setAudience('wa-onboarding').setSubject('op-1').setJti('jti-rs256-0001').setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 60).sign(privateKey);
    expect(await verifyEmbedToken(rs256, key, { ...rules, algorithms: ['ES256', 'RS256'] }, nowMs)).toMatchObject({ ok: true });

    const file = join(mkdtempSync(join(tmpdir(), 'jwks-')), 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [await exportJWK(privateKey)] }));
    await expect(loadEmbedKey({ kind: 'jwks-file', path: file }, ['RS256'])).rejects.toThrow('EMBED_JWKS_FILE');
  });
});
