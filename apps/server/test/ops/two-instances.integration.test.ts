/**
 * Two real server processes on one PostgreSQL agree (issue 2, item 10): a session started by
 * signing in on one instance works on the other and ends on both when signed out; jobs queued in
 * the database are run exactly once by the two instances' workers and readable through either.
 * Needs DATABASE_URL (scripts/with-postgres.sh); skipped on PGlite, which is single-process.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { freePort, startCli, stop, waitForHealth, type Started } from './processes.ts';

const url = process.env.DATABASE_URL;
if (!url) console.warn('two-instances test skipped: set DATABASE_URL (scripts/with-postgres.sh) to run two servers on one PostgreSQL');

describe.skipIf(!url)('two server instances on one PostgreSQL', () => {
  const name = `prongsai_two_${crypto.randomBytes(5).toString('hex')}`;
  let dbUrl = '';
  const servers: Array<Started & { base: string }> = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url!);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    // Both start at once: migrations are serialised by an advisory lock, reference data loads once.
    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries()) {
      const started = startCli(['serve', ...(i === 0 ? ['--demo'] : [])], { DATABASE_URL: dbUrl, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
      servers.push({ ...started, base: `http://127.0.0.1:${port}` });
    }
    await Promise.all(servers.map((s) => waitForHealth(s.base, s)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map(stop));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }, 60_000);

  async function signIn(base: string, email: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
      // Instance B may answer before instance A has finished seeding the demo logins.
      if (res.status === 401 && attempt < 50) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      expect(res.status, await res.clone().text()).toBe(200);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('prongsai_session='));
      expect(cookie).toBeDefined();
      return cookie!.split(';')[0]!;
    }
  }

  const me = async (base: string, cookie: string) => (await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } })).json() as Promise<{ stage: string; user: { email: string } } | null>;

  it('a session from signing in on one instance works on the other, and signing out ends it on both', async () => {
    const [a, b] = servers;
    const cookie = await signIn(a!.base, 'editor@nonglaung.demo');
    const signedIn = { stage: 'signed_in', user: { email: 'editor@nonglaung.demo' } };
    expect(await me(a!.base, cookie)).toMatchObject(signedIn);
    expect(await me(b!.base, cookie)).toMatchObject(signedIn);

    const out = await fetch(`${b!.base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, origin: b!.base } });
    expect(out.status).toBe(200);
    expect(await me(a!.base, cookie)).toBeNull();
    expect(await me(b!.base, cookie)).toBeNull();
  });

  it('jobs queued in the database run exactly once across both instances and read the same on each', async () => {
    const [a, b] = servers;
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const user = await client.query<{ id: string }>(`select id from users where lower(email) = 'editor@nonglaung.demo'`);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const row = await client.query<{ id: string }>(`insert into jobs (kind, payload, created_by) values ('system.echo', $1, $2) returning id`, [JSON.stringify({ i, delayMs: 150 }), user.rows[0]!.id]);
      ids.push(row.rows[0]!.id);
    }
    const cookie = await signIn(b!.base, 'editor@nonglaung.demo');
    const deadline = Date.now() + 60_000;
    let jobs: Array<{ status: string; attempts: number; result: { pid: number; echo: { i: number } } }> = [];
    while (Date.now() < deadline) {
      jobs = await Promise.all(ids.map(async (id, n) => (await fetch(`${(n % 2 ? a : b)!.base}/api/v1/jobs/${id}`, { headers: { cookie } })).json()));
      if (jobs.every((j) => j.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await client.end();
    expect(jobs.map((j) => j.status)).toEqual(ids.map(() => 'done'));
    expect(jobs.map((j) => j.attempts)).toEqual(ids.map(() => 1));
    expect(jobs.map((j) => j.result.echo.i)).toEqual(ids.map((_id, i) => i));
    const pids = new Set(jobs.map((j) => j.result.pid));
    const serverPids = new Set(servers.map((s) => s.child.pid));
    for (const pid of pids) expect(serverPids.has(pid)).toBe(true);
    // Both workers took part (each job waits 150 ms, polls are 1 s apart).
    expect(pids.size).toBe(2);
  });
});
