import { ADMIN_TOKEN_HEADER, demoSeed, NAMESPACE_HEADER } from '@wxvoip/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformCore } from '../../core/platformCore.js';
import { createServer } from '../createServer.js';
import { INSPECTOR_SCRIPT } from './inspectorScript.js';
import { inspectorPage } from './inspectorPage.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(options: { inspector?: boolean } = {}) {
  const app = await createServer({ core: new PlatformCore({ seed: demoSeed }), docs: false, ...options });
  close = () => app.close();
  return app;
}

describe('the inspector page', () => {
  it('sends the namespace and the admin token under the contract header names (the script is a literal, not a module)', () => {
    expect(INSPECTOR_SCRIPT).toContain(`headers['${NAMESPACE_HEADER}'] = view.namespace`);
    expect(INSPECTOR_SCRIPT).toContain(`headers['${ADMIN_TOKEN_HEADER}'] = adminToken`);
  });

  it('is served at /__inspector as one HTML document with the test hooks', async () => {
    const app = await serve();
    const res = await app.inject({ method: 'GET', url: '/__inspector' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.body).toMatch(/^<!doctype html>/);
    for (const testId of ['namespace', 'error', 'clock-mode', 'clock-now', 'advance-1s', 'advance-10s', 'advance-60s', 'rooms', 'timeline', 'parties', 'journal']) {
      expect(res.body).toContain(`data-testid="${testId}"`);
    }
    // Per-room hooks are built by the script from the room id.
    for (const prefix of ['room-', 'answer', 'reject', 'hang-up-caller', 'hang-up-listener', 'go-offline-listener', 'journal-', 'party-']) {
      expect(INSPECTOR_SCRIPT).toContain(`'${prefix}`);
    }
  });

  it('talks only to the control API of its own origin, with the simulate routes and bodies of the contract', () => {
    const page = inspectorPage();
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/\s(src|href)=/);
    expect(INSPECTOR_SCRIPT).toContain("'/__admin'");
    expect(INSPECTOR_SCRIPT).toContain("headers['x-wxvoip-namespace'] = view.namespace");
    for (const route of ["'/clock'", "'/rooms'", "'/parties'", "'/journal?since='", "'/clock/advance'", "'/simulate/answer'", "'/simulate/reject'", "'/simulate/hang-up'", "'/simulate/go-offline'"]) {
      expect(INSPECTOR_SCRIPT).toContain(route);
    }
    expect(INSPECTOR_SCRIPT).toContain("body: { side: 'caller' }");
    expect(INSPECTOR_SCRIPT).toContain("body: { side: 'listener' }");
  });

  it('never inserts markup: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const page = inspectorPage();
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) expect(page).not.toContain(sink);
  });

  it('embeds a script that parses and cannot close its own <script> element early', () => {
    expect(() => new Function(INSPECTOR_SCRIPT)).not.toThrow();
    expect(INSPECTOR_SCRIPT).not.toMatch(/<\/script/i);
    expect(inspectorPage().match(/<script>/g)).toHaveLength(1);
  });

  it('is not served when the inspector option is false', async () => {
    const app = await serve({ inspector: false });
    const res = await app.inject({ method: 'GET', url: '/__inspector' });
    expect(res.statusCode).toBe(404);
  });
});
