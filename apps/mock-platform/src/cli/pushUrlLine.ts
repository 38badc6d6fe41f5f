import type { VerifyPushUrlResult } from '../http/callbacks/verifyPushUrl.js';

/**
 * The banner's line about an app's push URL after the start-up verification (D §4.13): verified; nobody listening
 * there yet, with the one command that starts the example vendor cloud and points the app at it; or what answered
 * wrongly.
 *
 * @example
 * pushUrlLine('http://127.0.0.1:3000', 'wx_demo_app', result);
 * // 'http://127.0.0.1:3001/wechat/callback: no vendor cloud there yet; start one: pnpm exec wxvoip-rtos vendor-cloud --platform http://127.0.0.1:3000'
 */
export function pushUrlLine(platformUrl: string, appId: string, result: VerifyPushUrlResult, runner = commandRunner()): string {
  const url = result.url === '' ? '(none)' : new URL(result.url).origin + new URL(result.url).pathname;
  if (result.ok) return `${url} (verified: it echoed echostr)`;
  if (result.reason === 'network' || result.reason === 'timeout') {
    const app = appId === 'wx_demo_app' ? '' : ` --app ${appId}`;
    return `${url}: no vendor cloud there yet; start one: ${runner} wxvoip-rtos vendor-cloud --platform ${platformUrl}${app}`;
  }
  return `${url}: verification failed: ${result.detail}`;
}

/** `pnpm exec` when pnpm started us, `npx` otherwise: how the user runs a bin of an installed package. */
function commandRunner(): string {
  return (process.env['npm_config_user_agent'] ?? '').startsWith('pnpm') ? 'pnpm exec' : 'npx';
}
