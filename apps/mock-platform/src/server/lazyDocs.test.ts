import { createRequire } from 'node:module';
import { demoSeed } from '@wxvoip/contracts';
import { describe, expect, it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createServer } from './createServer.js';

const require = createRequire(import.meta.url);
/** The packages the docs need and a start does not: loaded by the first /docs request only (ADR 0036). */
const DOCS_PACKAGES = ['@fastify/swagger', '@fastify/swagger-ui', '@fastify/static', 'yaml'];
const packageOf = (path: string) => DOCS_PACKAGES.find((name) => path.includes(`/node_modules/${name}/`));
/** How many modules of each docs package are loaded. */
const docsModules = () => {
  const counts: Record<string, number> = {};
  for (const path of Object.keys(require.cache)) {
    const name = packageOf(path);
    if (name) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
};
/** Test files share their worker's modules (ADR 0030): another file may have loaded the docs packages already. */
const forgetDocsModules = () => {
  for (const path of Object.keys(require.cache)) if (packageOf(path)) delete require.cache[path];
};

const TOKEN_URL = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';

describe('lazyDocs', () => {
  it('a server starts and answers without loading swagger, its UI, @fastify/static or yaml; the first /docs request loads them', async () => {
    forgetDocsModules();
    const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: TOKEN_URL })).statusCode).toBe(200);
      expect(docsModules()).toEqual({});
      const res = await app.inject({ method: 'GET', url: '/docs' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('swagger');
      expect(Object.keys(docsModules())).toEqual(expect.arrayContaining(['@fastify/static', '@fastify/swagger', '@fastify/swagger-ui']));
    } finally {
      await app.close();
    }
  });

  it('serves the document, the UI files, redirects, conditional and HEAD requests as the plugins do', async () => {
    const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
    try {
      const json = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.json()).toMatchObject({ openapi: expect.any(String), paths: expect.objectContaining({ '/wxa/getsnticket': expect.any(Object) }) });
      const head = await app.inject({ method: 'HEAD', url: '/docs/json' });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-length']).toBe(json.headers['content-length']);
      expect(head.body).toBe('');

      const css = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' });
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers.etag).toEqual(expect.any(String));
      const again = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css', headers: { 'if-none-match': String(css.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const range = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css', headers: { range: 'bytes=0-9' } });
      expect(range.statusCode).toBe(206);
      expect(range.body).toBe(css.body.slice(0, 10));

      const redirect = await app.inject({ method: 'GET', url: '/docs/static/index.html' });
      expect(redirect.statusCode).toBe(302);
      expect(redirect.headers.location).toBe('/docs/');
      expect(redirect.headers['content-type']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('a path under /docs that the UI does not serve answers 404 in the control API shape, like any unknown path', async () => {
    const app = await createServer({ core: new PlatformCore({ seed: demoSeed }) });
    try {
      for (const url of ['/docs/nope', '/docs/static/nope.js']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        expect(res.json()).toMatchObject({ status: 404, instance: url });
      }
    } finally {
      await app.close();
    }
  });

  it('docs: false serves nothing under /docs', async () => {
    const app = await createServer({ core: new PlatformCore({ seed: demoSeed }), docs: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
