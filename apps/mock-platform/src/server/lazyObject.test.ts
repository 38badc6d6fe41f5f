import { createRequire } from 'node:module';
import { demoSeed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createServer } from './createServer.js';
import { lazyObject } from './lazyObject.js';

const require = createRequire(import.meta.url);
const documentLoaded = () => Object.keys(require.cache).some((path) => path.endsWith('openapi.json'));
/** Test files share their worker's modules (ADR 0030): another file may have loaded the document already. */
const forgetDocument = () => {
  for (const path of Object.keys(require.cache)) if (path.endsWith('openapi.json')) delete require.cache[path];
};

describe('lazyObject', () => {
  it('builds the object on the first read only, once', () => {
    let builds = 0;
    const doc = lazyObject(() => {
      builds++;
      return { openapi: '3.0.0', paths: { '/a': { get: {} } } };
    });
    expect(builds).toBe(0);
    expect(doc.openapi).toBe('3.0.0');
    expect(Object.keys(doc.paths)).toEqual(['/a']);
    expect(builds).toBe(1);
  });

  it('serializes, enumerates and clones like the object itself', () => {
    const real = { openapi: '3.0.0', info: { title: 't' }, list: [1, 2] };
    const doc = lazyObject(() => real);
    expect(JSON.stringify(doc)).toBe(JSON.stringify(real));
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'list']);
    expect({ ...doc }).toEqual(real);
    expect(structuredClone({ ...doc })).toEqual(real);
    expect('info' in doc).toBe(true);
  });

  it("the server's OpenAPI document (1.4 MB) is parsed by the first /docs request, not at start", async () => {
    forgetDocument();
    const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' })).statusCode).toBe(200);
      expect(documentLoaded()).toBe(false);
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ openapi: expect.any(String), paths: expect.objectContaining({ '/wxa/getsnticket': expect.any(Object) }) });
      expect(documentLoaded()).toBe(true);
      expect((await app.inject({ method: 'GET', url: '/docs/yaml' })).body).toContain('/wxa/getsnticket');
    } finally {
      await app.close();
    }
  });
});
