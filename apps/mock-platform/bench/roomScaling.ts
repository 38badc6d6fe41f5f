/**
 * Benchmark of the platform core's room engine: how the cost of one call (create, join, answer, hang up) changes
 * with the number of concurrent rooms, and how much memory concurrent talking rooms hold.
 *
 * Run with `pnpm bench` (all projects) or `pnpm --filter @wxvoip/mock-platform bench`. Not a test: it prints
 * figures and asserts nothing.
 */
import { CallDeviceRequest, ConnectPartyRequest } from '@wxvoip/contracts';
import { PlatformTenant } from '../src/core/platformTenant.js';
import { doorbellSeed } from '../test/support/doorbellSeed.js';
import type { PartyState } from '../src/core/parties/partyRegistry.js';

const SIZES = (process.env['WXVOIP_BENCH_SIZES'] ?? '1000,10000,50000').split(',').map(Number);
const PROBE_CALLS = 2000;

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function connect(tenant: PlatformTenant, input: unknown): PartyState {
  const result = tenant.parties.connect(ConnectPartyRequest.parse(input));
  if (!result.ok) throw new Error(result.refusal.message);
  tenant.parties.attachChannel(result.value.party.partyId, () => undefined);
  return result.value.party;
}

/** Places one full phone→Linux call on pair `i`; returns the room id. */
function talk(tenant: PlatformTenant, phone: PartyState, device: PartyState, i: number): string {
  const created = tenant.calls.callDevice(phone, CallDeviceRequest.parse({ roomType: 'voice', sn: `SN-${i}`, modelId: 'm' }));
  if (!created.ok) throw new Error(created.refusal.rule);
  tenant.actions.joinAsCaller(phone, created.value.roomId);
  tenant.actions.linuxListenerJoin(device, { roomId: created.value.roomId, cameraStatus: 0 });
  return created.value.roomId;
}

const rows: string[] = [];
for (const n of SIZES) {
  const tenant = new PlatformTenant({ seed: doorbellSeed('wx-bench', n + PROBE_CALLS) });
  const phones = Array.from({ length: n + PROBE_CALLS }, (_, i) => connect(tenant, { kind: 'wechatPlugin', appId: 'wx-bench', openId: `u-${i}` }));
  const devices = Array.from({ length: n + PROBE_CALLS }, (_, i) => connect(tenant, { kind: 'linuxDevice', appId: 'wx-bench', sn: `SN-${i}`, modelId: 'm' }));
  const before = heapMb();
  for (let i = 0; i < n; i++) talk(tenant, phones[i]!, devices[i]!, i);
  tenant.state.clock.advance(3_000); // three `calling` ticks for every room
  const held = heapMb() - before;

  const started = process.hrtime.bigint();
  for (let k = 0; k < PROBE_CALLS; k++) {
    const i = n + k;
    const roomId = talk(tenant, phones[i]!, devices[i]!, i);
    tenant.actions.hangUp(phones[i]!, roomId, { origin: 'manual' });
  }
  const perCallUs = Number(process.hrtime.bigint() - started) / 1000 / PROBE_CALLS;
  rows.push(`| ${n} | ${tenant.rooms.activeCount} | ${perCallUs.toFixed(1)} | ${held.toFixed(1)} | ${((held * 1024) / n).toFixed(1)} |`);
  tenant.shutdown('shutdown');
}

console.log('Room engine scaling (manual clock, Node ' + process.version + ')\n');
console.log('| concurrent talking rooms | active after probe | µs per full call (create, join, answer, hang up) | heap held by the rooms (MB) | KB per room |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
