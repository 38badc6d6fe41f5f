import { describe, expect, it } from 'vitest';
import { EndPageKey, RouteType, SetVoipEndPagePathRequest } from './setVoipEndPagePathRequest.js';

describe('SetVoipEndPagePathRequest (P §5.5)', () => {
  it('defaults routeType to redirectTo', () => {
    expect(SetVoipEndPagePathRequest.parse({ url: '/pages/home/home', key: 'Call' })).toEqual({ url: '/pages/home/home', key: 'Call', routeType: 'redirectTo' });
  });

  it('knows the documented keys and route types', () => {
    expect(EndPageKey.options).toEqual(['Call', 'BindContact']);
    expect(RouteType.options).toEqual(['redirectTo', 'switchTab', 'reLaunch']);
    expect(SetVoipEndPagePathRequest.parse({ url: 'pages/a/a', key: 'BindContact', options: 'x=1', routeType: 'reLaunch' })).toMatchObject({ routeType: 'reLaunch', options: 'x=1' });
  });

  it.each([
    [{ key: 'Call' }, 'url', 'url is required'],
    [{ url: '', key: 'Call' }, 'url', 'url must not be empty'],
    [{ url: '/p', key: 'call' }, 'key', "key must be 'Call' (after a call) or 'BindContact'"],
    [{ url: '/p', key: 'Call', options: '?x=1' }, 'options', 'options must be in the form a=1&b=2'],
    [{ url: '/p', key: 'Call', routeType: 'navigateTo' }, 'routeType', "routeType must be 'redirectTo', 'switchTab' or 'reLaunch'"],
  ])('rejects %j', (input, path, message) => {
    expect(SetVoipEndPagePathRequest.safeParse(input).error?.issues[0]).toMatchObject({ path: [path], message: expect.stringContaining(message) });
  });
});
