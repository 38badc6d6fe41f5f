// Runs in the scratch project under plain Node 20: uses the installed packages the way their READMEs say, and
// prints one JSON report of what worked.
import { demoSeed } from '@wxvoip/contracts';
import { startMockPlatform } from '@wxvoip/mock-platform';
import { setupMockPlatform } from '@wxvoip/mock-platform/msw';
import { setupServer } from 'msw/node';

const TOKEN_PATH = `/cgi-bin/token?grant_type=client_credential&appid=${demoSeed.apps[0].appId}&secret=${demoSeed.apps[0].secret}`;
const report = {};

// A listening platform (real HTTP), as `startMockPlatform` documents.
const listening = await startMockPlatform({ port: 0 });
try {
  const token = await (await fetch(`${listening.url}${TOKEN_PATH}`)).json();
  const ticket = await (
    await fetch(`${listening.url}/wxa/getsnticket?access_token=${token.access_token}`, { method: 'POST', body: JSON.stringify({ sn: 'SN-LINUX-NEW', model_id: 'model-linux-doorbell' }) })
  ).json();
  const clock = await listening.control().getClock();
  report.listening = { token: typeof token.access_token === 'string', ticketErrcode: ticket.errcode, controlStatus: clock.status };
} finally {
  await listening.close();
}

// The same platform in-process through msw, as `@wxvoip/mock-platform/msw` documents.
const { platform, handlers } = await setupMockPlatform();
const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: 'error' });
try {
  const token = await (await fetch(`${platform.url}${TOKEN_PATH}`)).json();
  report.msw = { token: typeof token.access_token === 'string' };
} finally {
  server.close();
  await platform.close();
}

process.stdout.write(`${JSON.stringify(report)}\n`);
