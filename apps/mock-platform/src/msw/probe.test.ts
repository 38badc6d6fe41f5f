import { demoSeed } from '@wxvoip/contracts';
import { it } from 'vitest';
import { PlatformCore } from '../core/platformCore.js';
import { createServer } from '../server/createServer.js';
it('probe', async () => {
  const core = new PlatformCore({ seed: demoSeed });
  const app = await createServer({ core, docs: false });
  for (const [method, url, payload, headers] of [
    ['GET', '/__wxvoip/v1/parties/p1/channel?access_token=x'],
    ['POST', '/__wxvoip/v1/parties/p1/channel?access_token=x'],
    ['GET', '/'],
    ['GET', '/__admin/rooms/%E0%A4'],
    ['GET', '/__admin/rooms/a%20b'],
    ['GET', '/__admin/ro%6Fms/ab'],
    ['GET', '/__admin/info', undefined, {'x-wxvoip-namespace': 'bad namespace!'}],
    ['GET', '/__admin/info', undefined, {'x-wxvoip-namespace': 'ns1'}],
    ['POST', '/__admin/reset', 'null', {'content-type':'application/json'}],
    ['POST', '/wxa/getsnticket', 'null', {'content-type':'application/json'}],
    ['POST', '/wxa/getsnticket', '   ', {'content-type':'application/json'}],
    ['POST', '/wxa/getsnticket', '', {'content-type':'text/plain'}],
    ['POST', '/wxa/getsnticket'],
    ['POST', '/__wxvoip/v1/parties', ''],
    ['POST', '/__wxvoip/v1/parties', '{'],
    ['POST', '/__wxvoip/v1/plugin/call-device', '{}', {authorization: 'Basic x'}],
    ['POST', '/__wxvoip/v1/plugin/call-device', '{}'],
  ] as [string, string, string?, Record<string,string>?][]) {
    const res = await app.inject({ method: method as 'GET', url, ...(payload === undefined ? {} : { payload }), ...(headers ? { headers } : {}) });
    console.log(method, url, res.statusCode, res.headers['content-type'], res.body.slice(0, 400));
  }
  await app.close();
});
