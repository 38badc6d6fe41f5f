import { describe, expect, it } from 'vitest';
import { Namespace } from './headers.js';
import {
  ADMIN_TOKEN_HEADER,
  CONTROL_PREFIX,
  DEFAULT_NAMESPACE,
  NAMESPACE_HEADER,
  PARTY_CREDENTIAL_HEADER,
  PUSH_CHANNEL_PATH,
  PUSH_CHANNEL_TOKEN_PARAM,
  TRANSPORT_PREFIX,
  TRANSPORT_PROTOCOL_VERSION,
  WECHAT_PATH_PREFIXES,
} from './prefixes.js';
import { wechatApiContract } from '../server-api/wechatApiContract.js';

describe('prefixes and header names', () => {
  it('versions the transport in its path and keeps the control API at /__admin', () => {
    expect(TRANSPORT_PREFIX).toBe(`/__wxvoip/${TRANSPORT_PROTOCOL_VERSION}`);
    expect(CONTROL_PREFIX).toBe('/__admin');
    expect(PUSH_CHANNEL_PATH).toBe('/__wxvoip/v1/parties/:partyId/channel');
  });

  it('uses lower-case header names and a valid default namespace', () => {
    for (const name of [NAMESPACE_HEADER, PARTY_CREDENTIAL_HEADER, ADMIN_TOKEN_HEADER]) expect(name).toBe(name.toLowerCase());
    expect(Namespace.parse(DEFAULT_NAMESPACE)).toBe('default');
    expect(PUSH_CHANNEL_TOKEN_PARAM).toBe('access_token');
  });

  it('names the prefix of every emulated WeChat route', () => {
    for (const route of Object.values(wechatApiContract)) {
      expect(WECHAT_PATH_PREFIXES.some((prefix) => route.path.startsWith(prefix)), route.path).toBe(true);
    }
  });
});
