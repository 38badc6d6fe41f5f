import { describe, expect, it } from 'vitest';
import { buildWmpfCallPagePath } from './wmpfCallPagePath.js';
import { WmpfPushMessage } from './wmpfPushMessage.js';

const path = buildWmpfCallPagePath({ roomType: 'video', groupId: 'r1', listenerId: 'SN_0001', callerName: 'Mum' });

describe('WmpfPushMessage (P §9.1, D §3.3)', () => {
  it('parses the pushed JSON string', () => {
    const json = JSON.stringify({ path, appType: 0, appid: 'wx0123456789abcdef' });
    expect(WmpfPushMessage.parse(JSON.parse(json))).toEqual({ path, appType: 0, appid: 'wx0123456789abcdef' });
  });

  it.each([
    [{ path, appType: 3, appid: 'wx1' }, ['appType'], 'appType must be 0 (release), 1 (develop) or 2 (trial)'],
    [{ path: 'pages/index/index', appType: 0, appid: 'wx1' }, ['path'], 'path must start with'],
    [{ path: path.replace('SN_0001', 'SN%200001'), appType: 0, appid: 'wx1' }, ['path', 'listenerId'], 'listenerId (the SN) may only contain'],
    [{ path, appType: 0, appid: '' }, ['appid'], 'appId must not be empty'],
  ])('rejects %j at %j', (value, issuePath, message) => {
    const issue = WmpfPushMessage.safeParse(value).error?.issues[0];
    expect(issue?.path).toEqual(issuePath);
    expect(issue?.message).toContain(message);
  });
});
