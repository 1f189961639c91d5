import { describe, expect, it } from 'vitest';
import { createSessionStore } from './sessions';

const who = { subject: 'operator-1', instance: 'default', parentOrigin: 'https://portal.example' };

describe('embed sessions', () => {
  it('end after the idle time without use, and a use restarts that time', () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600 });
    const { id } = sessions.open(who, 0);
    expect(sessions.touch(id, 899_000)).toMatchObject({ ok: true, session: who });
    expect(sessions.touch(id, 1_798_000)).toMatchObject({ ok: true });
    expect(sessions.touch(id, 1_798_000 + 900_001)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('end at the absolute limit however often they are used', () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600 });
    const { id, expiresAt } = sessions.open(who, 0);
    expect(expiresAt).toBe(3_600_000);
    for (let at = 600_000; at <= 3_600_000; at += 600_000) expect(sessions.touch(id, at)).toMatchObject({ ok: true });
    expect(sessions.touch(id, 3_600_001)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('know nothing of ids they did not issue, and give each session its own random id', () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600 });
    const first = sessions.open(who, 0).id;
    const second = sessions.open(who, 0).id;
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.touch(`${first}x`, 0)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('stay bounded in number, dropping the oldest', () => {
    const sessions = createSessionStore({ idleSeconds: 900, maxSeconds: 3600, maxSessions: 2 });
    const oldest = sessions.open(who, 0).id;
    sessions.open(who, 1);
    sessions.open(who, 2);
    expect(sessions.size()).toBe(2);
    expect(sessions.touch(oldest, 3)).toEqual({ ok: false, code: 'UNAUTHORIZED' });
  });
});
