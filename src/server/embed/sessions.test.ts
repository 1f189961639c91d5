import { describe, expect, it } from 'vitest';
import { createSessionStore } from './sessions';

const who = { subject: 'operator-1', instance: 'default', parentOrigin: 'https://portal.example' };

describe('embed sessions', () => {
  it('end after the idle time without use, and a use restarts that time', async () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600 });
    const { id } = (await sessions.open(who, 0));
    expect(await sessions.touch(id, 899_000)).toMatchObject({ ok: true, session: who });
    expect(await sessions.touch(id, 1_798_000)).toMatchObject({ ok: true });
    expect(await sessions.touch(id, 1_798_000 + 900_001)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('end at the absolute limit however often they are used', async () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600 });
    const { id, expiresAt } = (await sessions.open(who, 0));
    expect(expiresAt).toBe(3_600_000);
    for (let at = 600_000; at <= 3_600_000; at += 600_000) expect(await sessions.touch(id, at)).toMatchObject({ ok: true });
    expect(await sessions.touch(id, 3_600_001)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('know nothing of ids they did not issue, and give each session its own random id', async () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600 });
    const first = (await sessions.open(who, 0)).id;
    const second = (await sessions.open(who, 0)).id;
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessions.touch(`${first}x`, 0)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('stay bounded in number, dropping the oldest', async () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600, maxSessions: 2 });
    const oldest = (await sessions.open(who, 0)).id;
    (await sessions.open(who, 1));
    (await sessions.open(who, 2));
    expect(sessions.size()).toBe(2);
    expect(await sessions.touch(oldest, 3)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });
});
