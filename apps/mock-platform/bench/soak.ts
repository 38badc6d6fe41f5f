/**
 * Soak benchmark of a mock platform on the real clock (issue 13): heap retained after a forced full GC after 10,000
 * and after 200,000 mixed requests (tokens, stable tokens, snTickets, device messages, whole calls, 404s, over many
 * namespaces), with RSS beside it; then the latency of reading the newest 100 journal entries after 100 × 1 MB bodies
 * were journalled. Goals: retained heap at 200k ≤ 110 % of retained heap at 10k; journal read < 20 ms.
 *
 * Run with `pnpm bench` (needs `node --expose-gc`). Not a test: it prints figures and asserts nothing.
 * `WXVOIP_SOAK_TOTAL` changes the 200,000.
 */
import { CallDeviceRequest, ConnectPartyRequest } from '@wxvoip/contracts';
import { createMockPlatform, type MockPlatform } from '../src/platform/mockPlatform.js';
import type { PlatformTenant } from '../src/core/platformTenant.js';

const FIRST = 10_000;
const TOTAL = Number(process.env['WXVOIP_SOAK_TOTAL'] ?? 200_000);
const TOKEN_URL = '/cgi-bin/token?grant_type=client_credential&appid=wx_demo_app&secret=demo-app-secret';

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  collect();
  collect();
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** One whole phone → Linux call in the default namespace: create, join, answer, hang up. */
function wholeCall(tenant: PlatformTenant): void {
  const phone = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' }));
  const device = tenant.parties.connect(ConnectPartyRequest.parse({ kind: 'linuxDevice', appId: 'wx_demo_app', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }));
  if (!phone.ok || !device.ok) throw new Error('connect failed');
  const created = tenant.calls.callDevice(phone.value.party, CallDeviceRequest.parse({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' }));
  if (created.ok) {
    tenant.actions.joinAsCaller(phone.value.party, created.value.roomId);
    tenant.actions.linuxListenerJoin(device.value.party, { roomId: created.value.roomId, cameraStatus: 0 });
    tenant.actions.hangUp(phone.value.party, created.value.roomId, { origin: 'manual' });
  }
  tenant.parties.disconnect(phone.value.party.partyId, 'shutdown');
  tenant.parties.disconnect(device.value.party.partyId, 'shutdown');
}

async function mixed(platform: MockPlatform, from: number, to: number, token: { value: string }): Promise<void> {
  for (let i = from; i < to; i++) {
    const namespace = { 'x-wxvoip-namespace': `soak-${i % 1000}` };
    switch (i % 7) {
      case 0: {
        const res = await platform.app.inject({ method: 'GET', url: TOKEN_URL });
        token.value = (JSON.parse(res.body) as { access_token: string }).access_token;
        break;
      }
      case 1:
        await platform.app.inject({ method: 'POST', url: `/wxa/getsnticket?access_token=${token.value}`, payload: { sn: `SN-SOAK-${i}`, model_id: 'model-linux-doorbell' } });
        break;
      case 2:
        await platform.app.inject({ method: 'POST', url: '/cgi-bin/stable_token', headers: namespace, payload: { grant_type: 'client_credential', appid: 'wx_demo_app', secret: 'demo-app-secret', force_refresh: false } });
        break;
      case 3:
        await platform.app.inject({ method: 'GET', url: `/cgi-bin/nope-${i}`, headers: namespace });
        break;
      case 4:
        wholeCall(platform.tenant());
        break;
      case 5:
        await platform.app.inject({ method: 'GET', url: TOKEN_URL, headers: namespace });
        break;
      default:
        await platform.app.inject({ method: 'POST', url: `/cgi-bin/message/device/subscribe/send?access_token=${token.value}`, payload: { template_id: 't', to_openid_list: ['openid-alice'], sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', data: { k: { value: `v${i}` } }, lang: 'zh_CN' } });
    }
  }
}

const platform = await createMockPlatform({ clock: 'real' });
const token = { value: '' };
const started = performance.now();
await mixed(platform, 0, FIRST, token);
gc();
const heap10k = process.memoryUsage().heapUsed;
const rss10k = process.memoryUsage().rss;
await mixed(platform, FIRST, TOTAL, token);
gc();
const heapAll = process.memoryUsage().heapUsed;
const rssAll = process.memoryUsage().rss;
const soakSeconds = (performance.now() - started) / 1000;
const namespaces = platform.core.namespaces().length;
await platform.close();

// Journal read latency after 100 × 1 MB bodies.
const journalled = await createMockPlatform({ clock: 'real' });
const access = (JSON.parse((await journalled.app.inject({ method: 'GET', url: TOKEN_URL })).body) as { access_token: string }).access_token;
const big = 'x'.repeat(1_000_000);
for (let i = 0; i < 100; i++) {
  await journalled.app.inject({ method: 'POST', url: `/cgi-bin/message/device/subscribe/send?access_token=${access}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ template_id: 't', to_openid_list: ['openid-alice'], sn: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', data: { k: { value: big } }, lang: 'zh_CN' }) });
}
const lastSeq = journalled.tenant().state.journal.next - 1;
const timings: number[] = [];
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  const res = await journalled.app.inject({ method: 'GET', url: `/__admin/journal?since=${lastSeq - 100}&limit=100` });
  timings.push(performance.now() - t0);
  if (res.statusCode !== 200) throw new Error(`journal answered ${res.statusCode}`);
}
timings.sort((a, b) => a - b);
gc();
const heapJournal = process.memoryUsage().heapUsed;
await journalled.close();

const ratio = heapAll / heap10k;
console.log(`\nMock platform soak (real clock, in-process inject, Node ${process.version}; ${TOTAL} mixed requests in ${soakSeconds.toFixed(0)} s, ${namespaces} namespaces held at the end)\n`);
console.log('| measure | figure | goal |');
console.log('|---|---|---|');
console.log(`| heap after forced GC, ${FIRST} requests | ${mb(heap10k)} MB (RSS ${mb(rss10k)} MB) | baseline |`);
console.log(`| heap after forced GC, ${TOTAL} requests | ${mb(heapAll)} MB (RSS ${mb(rssAll)} MB) | ≤ 110 % of baseline |`);
console.log(`| ratio | ${(ratio * 100).toFixed(1)} % | ≤ 110 % ${ratio <= 1.1 ? '(met)' : '(NOT met)'} |`);
console.log(`| journal read, newest 100 after 100 × 1 MB bodies (median of 21) | ${timings[10]!.toFixed(2)} ms (max ${timings.at(-1)!.toFixed(2)} ms) | < 20 ms ${timings[10]! < 20 ? '(met)' : '(NOT met)'} |`);
console.log(`| heap after forced GC with those 100 bodies journalled | ${mb(heapJournal)} MB | bodies not retained |`);
