import { createRequire } from 'node:module';
import { demoSeed } from '@wxvoip/contracts';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createServer } from './createServer.js';
import { lazySchemaCompilers } from './lazySchemaCompilers.js';

const require = createRequire(import.meta.url);
const ajvLoaded = () => Object.keys(require.cache).some((path) => path.includes('ajv-compiler'));
/** Test files share their worker's modules (ADR 0030): another file may have loaded ajv already. */
const forgetAjv = () => {
  for (const path of Object.keys(require.cache)) if (path.includes('ajv-compiler')) delete require.cache[path];
};

describe('lazySchemaCompilers', () => {
  it('a mock platform server (docs and inspector included) starts and answers without loading ajv', async () => {
    forgetAjv();
    const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
    try {
      await app.ready();
      const res = await app.inject({ method: 'GET', url: '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret' });
      expect(res.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
      expect(ajvLoaded()).toBe(false);
    } finally {
      await app.close();
    }
  });

  it("a route that declares a JSON schema still gets fastify's validation and serialization", async () => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
    app.get('/n', { schema: { querystring: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] }, response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } } } }, (request) => ({ n: (request.query as { n: number }).n, dropped: true }));
    try {
      expect((await app.inject({ method: 'GET', url: '/n?n=x' })).statusCode).toBe(400);
      const ok = await app.inject({ method: 'GET', url: '/n?n=3' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ n: 3 }); // fast-json-stringify drops what the response schema does not list
      expect(ajvLoaded()).toBe(true);
    } finally {
      await app.close();
    }
  });
});
