import { INSPECTOR_PATH } from '../../http/inspectorPath.js';
import { INSPECTOR_SCRIPT } from './inspectorScript.js';
import { INSPECTOR_STYLES } from './inspectorStyles.js';

/** Where the fastify server serves {@link inspectorPage} (defined next to the guards that cover it). */
export { INSPECTOR_PATH };

/**
 * The response headers of the inspector page: HTML, never cached, and a content security policy that allows only
 * the page's own inline style and script and `fetch` to its own origin (no external URL can load).
 */
export const INSPECTOR_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

/**
 * The inspector: one self-contained HTML document (inline CSS and script, no external URL) that shows what the
 * control API shows (clock, rooms, a room's timeline, parties, the newest journal entries) and drives its simulate
 * actions (answer, reject, hang up, go offline), a phone → device call as a user, and clock advances from buttons. It talks only to `/__admin` on its
 * own origin; the namespace field is sent as `x-wxvoip-namespace` (and kept in the page URL as `?namespace=`).
 * Stable `data-testid` hooks: `namespace`, `error` (inside `error-line`), `clock-mode`, `clock-now` (with `data-now` in ms),
 * `advance-1s|10s|60s`, `rooms`, `room-<roomId>`, `room-state-<roomId>`, `room-billed-<roomId>`,
 * `answer|reject|hang-up-caller|hang-up-listener|go-offline-listener-<roomId>`, `timeline`, `parties`,
 * `party-<partyId>`, `journal`, `journal-<seq>`.
 *
 * @example
 * app.get(INSPECTOR_PATH, (_request, reply) => reply.headers(INSPECTOR_HEADERS).send(inspectorPage()));
 */
export function inspectorPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wxvoip mock platform · inspector</title>
<style>${INSPECTOR_STYLES}</style>
</head>
<body>
<header>
  <h1>wxvoip mock platform · inspector</h1>
  <form data-testid="namespace-form" autocomplete="off">
    <label for="namespace">namespace</label>
    <input type="text" id="namespace" data-testid="namespace" placeholder="default" spellcheck="false">
    <button type="submit">Use</button>
  </form>
  <div class="controls">
    <button type="button" data-testid="refresh">Refresh</button>
    <label><input type="checkbox" data-testid="auto-refresh" checked> every second</label>
    <span class="muted" data-testid="updated">loading…</span>
  </div>
</header>
<div class="error" role="alert" data-testid="error-line" hidden><span data-testid="error"></span> <button type="button" data-testid="dismiss-error">dismiss</button></div>

<section>
  <h2>Clock</h2>
  <div class="clock">
    <span>mode <strong data-testid="clock-mode">…</strong></span>
    <span>now <strong class="mono" data-testid="clock-now" data-now="">…</strong></span>
    <span class="controls">advance
      <button type="button" data-testid="advance-1s">+1 s</button>
      <button type="button" data-testid="advance-10s">+10 s</button>
      <button type="button" data-testid="advance-60s">+60 s</button>
    </span>
    <ul data-testid="clock-pending"></ul>
  </div>
</section>

<div class="grid">
<section>
  <h2>Rooms</h2>
  <form data-testid="phone-call-form" class="controls" autocomplete="off" title="a phone of this user calls the device, with the platform's rules (POST /__admin/apps/:appId/users/:openId/calls)">
    <label>app <input type="text" data-testid="phone-app" value="wx_demo_app" size="12" spellcheck="false"></label>
    <label>user <input type="text" data-testid="phone-user" value="openid-alice" size="12" spellcheck="false"></label>
    <label>device <input type="text" data-testid="phone-sn" value="SN-LINUX-0001" size="14" spellcheck="false"></label>
    <label><input type="checkbox" data-testid="phone-video"> video</label>
    <button type="submit" data-testid="phone-call">Call the device from the phone</button>
  </form>
  <table data-testid="rooms">
    <thead><tr><th>roomId</th><th>type</th><th>state / outcome</th><th>caller</th><th>listener</th><th>billed (keepTimeSec)</th><th>simulate</th></tr></thead>
    <tbody></tbody>
  </table>
</section>
<section>
  <h2>Timeline</h2>
  <div data-testid="timeline"><p class="muted">click a room to see its timeline</p></div>
</section>
</div>

<section>
  <h2>Parties</h2>
  <table data-testid="parties">
    <thead><tr><th>partyId</th><th>kind</th><th>who</th><th>channel</th><th>room</th><th>connected</th></tr></thead>
    <tbody></tbody>
  </table>
</section>

<section>
  <h2>Journal (newest 100, newest first)</h2>
  <p class="muted" data-testid="journal-dropped"></p>
  <table data-testid="journal">
    <thead><tr><th>seq</th><th>at</th><th>kind</th><th>what</th><th>status</th><th>why / room</th></tr></thead>
    <tbody></tbody>
  </table>
</section>
<script>${INSPECTOR_SCRIPT}</script>
</body>
</html>
`;
}
