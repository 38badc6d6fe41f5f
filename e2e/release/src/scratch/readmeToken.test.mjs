// token.test.mjs: npx vitest run (in-process through msw, no port)
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

const { platform, handlers } = await setupMockPlatform();
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await platform.close();
});

it('issues the demo app a token', async () => {
  const res = await fetch(`${platform.url}/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret`);
  expect(await res.json()).toMatchObject({ access_token: expect.any(String) });
});
