/**
 * Pushes that overtake the answer naming their room (ADR 0026, 0029): the plugin keeps no early-push buffer; the party
 * client adopts the answer (the room becomes the current call) before it hands over the pushes that came meanwhile.
 */
import { platformTransportContract, type VoipEvent } from '@wxvoip/contracts';
import type { FetchLike } from '@wxvoip/party-client';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { useWmpfVoipTesting } from '../testing/index.js';
import type { SimulatedWmpfVoip } from './createWmpfVoipSimulator.js';

const t = useWmpfVoipTesting({ beforeAll, beforeEach, afterEach, afterAll });

it("a call's events that reach the socket before its callDevice answer is read are delivered after it, in order", async () => {
  const created: { phone?: SimulatedWmpfVoip<'wechat'> } = {};
  let heldWhenAnswered = 0;
  // The answer to callDevice is held back until the platform has ended the call (the page never shown, 60 s) and
  // its three events have reached this phone's push channel.
  const gated: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    if (!new URL(url).pathname.endsWith(platformTransportContract.callDevice.path)) return response;
    for (let s = 0; s < 60; s++) expect((await t.platform.control().advanceClock({ body: { ms: 1_000 } })).status).toBe(200);
    for (let i = 0; i < 200 && (created.phone?.simulator.internals.party.heldPushes ?? 0) < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    heldWhenAnswered = created.phone?.simulator.internals.party.heldPushes ?? 0;
    return response;
  };
  const phone = await t.bed.phone({ fetch: gated });
  created.phone = phone;
  const seen: VoipEvent[] = [];
  phone.onVoipEvent((event) => seen.push(event));
  const { roomId } = await phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' });
  expect(heldWhenAnswered).toBe(3); // the race really happened: the pushes were there before the answer
  expect(seen.map((e) => [e.eventName, e.roomId])).toEqual([
    ['abortVoip', roomId],
    ['endVoip', roomId],
    ['finishVoip', roomId],
  ]);
  expect(seen[0]).toMatchObject({ data: { status: 'abortByCaller' } });
  // The endVoip ended the plugin's call: it is not busy.
  await expect(phone.callDevice({ roomType: 'voice', sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' })).resolves.toMatchObject({ roomId: expect.any(String) });
});
