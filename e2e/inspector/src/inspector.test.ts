/**
 * The mock platform's inspector page (`/__inspector`) in real headless Chromium (Debian's, driven by playwright-core)
 * against a listening platform on the manual clock. A phone places a call through the transport API; the page shows
 * it, answers it, advances the platform clock, hangs it up and shows a refused action's problem, and every change is
 * checked both on the page and through the control API. The page's own timers run on Playwright's fake clock, so its
 * once-a-second refresh happens exactly when the test lets it.
 */
import { existsSync } from 'node:fs';
import { startMockPlatform, type MockPlatform } from '@wxvoip/mock-platform';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/wxvoip-inspector.png';
const APP = 'wx_demo_app';
const DOORBELL = { sn: 'SN-LINUX-0001', modelId: 'model-linux-doorbell' };
/** How long a page change may take to show (a fetch and a render; generous for a shared CI machine). */
const SHOWS = { timeout: 5000, interval: 50 };

/** Why the browser cannot run, if it cannot: every test then fails with these words (never skips). */
const noChromium = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} does not exist: this test drives Debian's Chromium. Install it with "apt-get install -y chromium" (as root), then run the test again.`;

let platform: MockPlatform | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (noChromium) return;
  platform = await startMockPlatform({ port: 0, clock: 'manual' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

function running(): { platform: MockPlatform; browser: Browser } {
  if (noChromium) throw new Error(noChromium);
  if (!platform || !browser) throw new Error('the platform or the browser did not start: see the beforeAll error');
  return { platform, browser };
}

/** A transport request as a party; returns the WeChat-shaped body. */
async function transport<T extends { errcode: number }>(path: string, body: unknown, auth?: string): Promise<T> {
  const res = await fetch(`${running().platform.url}/__wxvoip/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth === undefined ? {} : { authorization: auth }) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Connects alice's phone (the plugin in WeChat) and returns her credential header. */
async function connectAlice(): Promise<string> {
  const connected = await transport<{ errcode: number; credential: { token: string } }>('/parties', { kind: 'wechatPlugin', appId: APP, openId: 'openid-alice', label: 'alice phone' });
  expect(connected.errcode).toBe(0);
  return `Bearer ${connected.credential.token}`;
}

/** A fresh page on the inspector, its timers on a fake clock, after its first render. */
async function openInspector(query = ''): Promise<Page> {
  const page = await running().browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.clock.install();
  await page.goto(`${running().platform.url}/__inspector${query}`);
  await expect.poll(() => page.getByTestId('clock-mode').textContent(), SHOWS).toBe('manual');
  return page;
}

const text = (locator: Locator) => () => locator.textContent();

describe('the inspector page in headless Chromium', () => {
  it('shows a call, answers it, advances the clock, hangs it up, shows a refused action, the journal and the timeline', { timeout: 30_000 }, async () => {
    const { platform } = running();
    const control = platform.control();
    const page = await openInspector();
    await expect.poll(text(page.getByTestId('rooms')), SHOWS).toContain('no rooms in this namespace yet');

    // The phone calls the doorbell and joins its room; a second call is refused by a magic payload (errcode 15).
    const alice = await connectAlice();
    const refused = await transport('/plugin/call-device', { roomType: 'video', ...DOORBELL, payload: 'magic-err-15' }, alice);
    expect(refused.errcode).toBe(15);
    const call = await transport<{ errcode: number; roomId: string }>('/plugin/call-device', { roomType: 'video', ...DOORBELL }, alice);
    expect(call.errcode).toBe(0);
    expect((await transport(`/rooms/${call.roomId}/join`, {}, alice)).errcode).toBe(0);
    const roomState = page.getByTestId(`room-state-${call.roomId}`);

    // The once-a-second refresh brings the ringing room, with alice's party.
    await page.clock.runFor(1000);
    await expect.poll(text(roomState), SHOWS).toBe('ringing');
    await expect.poll(text(page.getByTestId(`room-${call.roomId}`)), SHOWS).toContain('user openid-alice (Alice) · joined');
    await expect.poll(text(page.getByTestId('parties')), SHOWS).toContain('openid-alice @ wx_demo_app · alice phone');

    // Answer: the device answers (simulated); the caller is in the room, so the call talks at once.
    await page.getByTestId(`answer-${call.roomId}`).click();
    await expect.poll(text(roomState), SHOWS).toBe('talking');
    const answered = await control.getRoom({ params: { roomId: call.roomId } });
    expect(answered.status === 200 && answered.body.state).toBe('talking');

    // Clicking the room shows its timeline, which follows the room from now on.
    await page.getByTestId(`room-${call.roomId}`).locator('td').first().click(); // the roomId cell, not a button
    const timeline = page.getByTestId('timeline');
    await expect.poll(text(timeline), SHOWS).toContain('listener answer by simulate');
    expect(await timeline.textContent()).toContain('connecting → talking');

    // Answer again: the platform refuses (409 invalid-state) and the page shows the problem's detail.
    await page.getByTestId(`answer-${call.roomId}`).click();
    await expect.poll(text(page.getByTestId('error')), SHOWS).toContain(`409 Action not possible in the current state: room ${call.roomId} is talking, so it cannot be answered (only a ringing call can)`);
    expect(await page.getByTestId('error-line').isVisible()).toBe(true);
    const still = await control.getRoom({ params: { roomId: call.roomId } });
    expect(still.status === 200 && still.body.state).toBe('talking');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // +1 s moves the platform's manual clock (not the page's): clock-now and the control API agree.
    const before = Number(await page.getByTestId('clock-now').getAttribute('data-now'));
    await page.getByTestId('advance-1s').click();
    await expect.poll(async () => Number(await page.getByTestId('clock-now').getAttribute('data-now')), SHOWS).toBe(before + 1000);
    const clock = await control.getClock();
    expect(clock.status === 200 && clock.body.now).toBe(before + 1000);
    expect(await page.getByTestId('clock-now').textContent()).toBe(new Date(before + 1000).toISOString());
    // A successful action clears the refused action's error line.
    await expect.poll(() => page.getByTestId('error-line').isVisible(), SHOWS).toBe(false);

    // Hang up as the caller: the room ends hungUpByCaller with 1 billed second, on the page and in the control API.
    await page.getByTestId(`hang-up-caller-${call.roomId}`).click();
    await expect.poll(text(roomState), SHOWS).toBe('ended hungUpByCaller');
    await expect.poll(text(page.getByTestId(`room-billed-${call.roomId}`)), SHOWS).toBe('1 s');
    expect(await page.getByTestId(`answer-${call.roomId}`).count()).toBe(0);
    const ended = await control.getRoom({ params: { roomId: call.roomId } });
    expect(ended.status === 200 && [ended.body.outcome, ended.body.billedSec]).toEqual(['hungUpByCaller', 1]);

    // The timeline of the selected room tells the rest: the hang-up, the end and the billing.
    await expect.poll(text(timeline), SHOWS).toContain('billed 1 s (license)');
    const story = (await timeline.textContent()) ?? '';
    expect(story).toContain('caller hangUp:manual by simulate');
    expect(story).toContain('talking → ended (hungUpByCaller)');

    // The journal lists the transport operations, newest first, and the refusal with its why.
    const journal = page.getByTestId('journal');
    await expect.poll(text(journal), SHOWS).toContain('transport.joinRoomAsCaller');
    const lines = (await journal.locator('tbody tr').allTextContents()).join('\n');
    for (const operation of ['transport.connectParty', 'transport.callDevice', 'transport.joinRoomAsCaller']) expect(lines).toContain(operation);
    expect(lines).toMatch(/refusal\s*transport\.callDevice POST \/__wxvoip\/v1\/plugin\/call-device\s*200\s*fault · errcode 15 · /);
    const seqs = (await journal.locator('tbody tr td:first-child').allTextContents()).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    await page.close();
  });

  it('reads the namespace field into x-wxvoip-namespace and shows a refused namespace as a problem', { timeout: 20_000 }, async () => {
    const page = await openInspector('?namespace=inspector-empty');
    expect(await page.getByTestId('namespace').inputValue()).toBe('inspector-empty');
    await expect.poll(text(page.getByTestId('rooms')), SHOWS).toContain('no rooms in this namespace yet');
    await expect.poll(text(page.getByTestId('journal')), SHOWS).toContain('the journal is empty');

    await page.getByTestId('namespace').fill('Bad NS');
    await page.getByTestId('namespace').press('Enter');
    await expect.poll(text(page.getByTestId('error')), SHOWS).toContain('400 Request does not match the control API contract');
    expect(await page.getByTestId('error').textContent()).toContain('x-wxvoip-namespace may only contain [a-z0-9._-]');
    expect(page.url()).toContain('namespace=Bad+NS');

    // Back to the default namespace (an empty field sends no header): the refresh succeeds and the error line goes.
    await page.getByTestId('namespace').fill('');
    await page.getByTestId('namespace').press('Enter');
    await expect.poll(() => page.getByTestId('error-line').isVisible(), SHOWS).toBe(false);
    expect(page.url()).not.toContain('namespace=');
    await page.close();
  });
  it('calls a device from a phone with the button: the room shows ringing and selected; a refused call shows its problem', { timeout: 20_000 }, async () => {
    const page = await openInspector('?namespace=inspector-phone');
    await page.getByTestId('phone-user').fill('openid-alice');
    await page.getByTestId('phone-sn').fill('SN-LINUX-0001');
    await page.getByTestId('phone-call').click();
    const control = running().platform.control('inspector-phone');
    const listed = async () => ((await control.listRooms({ query: {} })).body as { rooms: { roomId: string; state: string; caller: { id: string } }[] }).rooms;
    await expect.poll(listed, SHOWS).toMatchObject([{ state: 'ringing', caller: { id: 'openid-alice' } }]);
    const roomId = (await listed())[0]!.roomId;
    await expect.poll(text(page.getByTestId(`room-state-${roomId}`)), SHOWS).toContain('ringing');
    await expect.poll(text(page.getByTestId('timeline')), SHOWS).toContain(roomId);

    await page.getByTestId('phone-sn').fill('SN-LINUX-0002');
    await page.getByTestId('phone-user').fill('openid-carol');
    await page.getByTestId('phone-call').click();
    await expect.poll(text(page.getByTestId('error')), SHOWS).toContain('409');
    expect(await page.getByTestId('error').textContent()).toContain('code 23');
    await page.close();
  });
});
