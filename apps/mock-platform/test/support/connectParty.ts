import { ConnectPartyRequest, type ConnectPartyRequestInput, type PushMessage } from '@wxvoip/contracts';
import type { PlatformTenant } from '../../src/core/platformTenant.js';

/**
 * Connects a party in a tenant and attaches a channel that records every push it receives (`inbox`) and answers
 * pings, so the party stays connected however far a test moves the clock. Throws when the platform refuses.
 *
 * @example
 * const phone = connectParty(tenant, { kind: 'wechatPlugin', appId: 'wx_demo_app', openId: 'openid-alice' });
 */
export function connectParty(tenant: PlatformTenant, identity: ConnectPartyRequestInput) {
  const connected = tenant.parties.connect(ConnectPartyRequest.parse(identity));
  if (!connected.ok) throw new Error(connected.refusal.rule);
  const { partyId } = connected.value.party;
  const inbox: PushMessage[] = [];
  tenant.parties.attachChannel(partyId, (m) => {
    inbox.push(m);
    if (m.type === 'ping') tenant.parties.pong(partyId, m.seq);
  });
  return { party: connected.value.party, partyId, inbox };
}
