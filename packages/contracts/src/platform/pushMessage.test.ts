import { describe, expect, expectTypeOf, it } from 'vitest';
import type { VoipEvent } from '../events/index.js';
import type { WmpfPushMessage } from '../push/index.js';
import { buildWmpfCallPagePath } from '../push/index.js';
import { PartyMessage, PushMessage, PushMessageType } from './pushMessage.js';

function firstIssue(input: unknown) {
  const result = PushMessage.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues[0];
}

const wmpfPath = buildWmpfCallPagePath({ roomType: 'video', groupId: 'r-7', listenerId: 'SN-WMPF-0001', callerName: 'Alice' });

const samples = {
  hello: { type: 'hello', seq: 1, at: 1000, partyId: 'p-1', kind: 'linuxDevice', namespace: 'default', protocolVersion: 'v1', pingIntervalMs: 15000 },
  voipEvent: { type: 'voipEvent', seq: 2, at: 1001, roomId: 'r-7', event: { eventName: 'startVoip', roomId: 'r-7', groupId: 'r-7' } },
  reminder: {
    type: 'incomingCall',
    seq: 3,
    at: 1002,
    roomId: 'r-7',
    notice: {
      via: 'wechatReminder',
      roomType: 'video',
      caller: { kind: 'device', id: 'SN-LINUX-0001', name: 'Front door doorbell' },
      listenerOpenId: 'openid-alice',
      businessType: null,
      envVersion: 'release',
      customQuery: null,
    },
  },
  wmpfPush: {
    type: 'incomingCall',
    seq: 4,
    at: 1003,
    roomId: 'r-7',
    notice: { via: 'wmpfPush', pushToken: 'push-token-1', message: { path: wmpfPath, appType: 0, appid: 'wx_demo_app' } },
  },
  deviceStatus: { type: 'deviceStatus', seq: 5, at: 1004, roomId: 'r-7', status: 2, reason: null },
  ping: { type: 'ping', seq: 6, at: 1005 },
  bye: { type: 'bye', seq: 7, at: 1006, reason: 'reset' },
} as const;

describe('PushMessage', () => {
  it.each(Object.entries(samples))('parses a %s message', (_name, message) => {
    expect(PushMessage.parse(message)).toEqual(message);
  });

  it('covers each message type exactly once', () => {
    expect(PushMessageType.options).toEqual(PushMessage.options.map((option) => option.shape.type.value));
  });

  it('rejects an unknown type at path type', () => {
    const issue = firstIssue({ type: 'hangup', seq: 1, at: 0 });
    expect(issue?.path).toEqual(['type']);
  });

  it('numbers messages from 1 and stamps platform ms', () => {
    const seq = firstIssue({ ...samples.ping, seq: 0 });
    expect(seq?.path).toEqual(['seq']);
    expect(seq?.message).toContain('seq starts at 1');
    const at = firstIssue({ ...samples.ping, at: -5 });
    expect(at?.path).toEqual(['at']);
    expect(at?.message).toContain('platform milliseconds');
  });

  it('carries a real VoipEvent', () => {
    const issue = firstIssue({ ...samples.voipEvent, event: { eventName: 'hangUpVoip', roomId: 'r-7', data: { keepTime: 3 } } });
    expect(issue?.path.slice(0, 3)).toEqual(['event', 'data', 'status']);
  });

  it('checks the WMPF push message and the listener status', () => {
    const push = firstIssue({ ...samples.wmpfPush, notice: { ...samples.wmpfPush.notice, message: { path: wmpfPath, appType: 3, appid: 'wx_demo_app' } } });
    expect(push?.path).toEqual(['notice', 'message', 'appType']);
    expect(push?.message).toContain('0 (release), 1 (develop) or 2 (trial)');
    const status = firstIssue({ ...samples.deviceStatus, status: 10 });
    expect(status?.path).toEqual(['status']);
    expect(status?.message).toContain('0 (IDLE) to 9 (TIMEOUT)');
  });

  it('has no Linux incoming-call variant: WeChat pushes nothing to Linux devices', () => {
    const issue = firstIssue({ ...samples.reminder, notice: { via: 'developerRelay', roomId: 'r-7' } });
    expect(issue?.path).toEqual(['notice', 'via']);
  });

  it('narrows by type and by notice.via', () => {
    const message = PushMessage.parse(samples.wmpfPush);
    if (message.type === 'incomingCall') {
      expectTypeOf(message.roomId).toEqualTypeOf<string>();
      if (message.notice.via === 'wmpfPush') expectTypeOf(message.notice.message).toEqualTypeOf<WmpfPushMessage>();
      else expectTypeOf(message.notice.listenerOpenId).toEqualTypeOf<string>();
    } else if (message.type === 'voipEvent') {
      expectTypeOf(message.event).toEqualTypeOf<VoipEvent>();
    } else if (message.type === 'deviceStatus') {
      expectTypeOf(message.status).toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9>();
    }
    expect(message.type).toBe('incomingCall');
  });
});

describe('PartyMessage', () => {
  it('accepts pong and ack naming a seq', () => {
    expect(PartyMessage.parse({ type: 'pong', seq: 6 })).toEqual({ type: 'pong', seq: 6 });
    expect(PartyMessage.parse({ type: 'ack', seq: 7 })).toEqual({ type: 'ack', seq: 7 });
  });

  it('rejects actions on the channel and a missing seq', () => {
    expect(PartyMessage.safeParse({ type: 'answer', roomId: 'r-7' }).error?.issues[0]?.path).toEqual(['type']);
    expect(PartyMessage.safeParse({ type: 'ack' }).error?.issues[0]?.path).toEqual(['seq']);
  });

  it('narrows by type', () => {
    const message = PartyMessage.parse({ type: 'pong', seq: 1 });
    expectTypeOf(message).toEqualTypeOf<{ type: 'pong'; seq: number } | { type: 'ack'; seq: number }>();
    expect(message.seq).toBe(1);
  });
});

describe('AppMessage', () => {
  it('carries a developer pushappmsg to a WMPF device as { msg, appid } (D §3.4)', () => {
    const message = PushMessage.parse({ type: 'appMsg', seq: 3, at: 10, pushToken: 'pt-1', msg: '{"door":"open"}', appid: 'wx-app' });
    expect(message.type === 'appMsg' && message.msg).toBe('{"door":"open"}');
    expect(PushMessage.safeParse({ type: 'appMsg', seq: 3, at: 10, pushToken: 'pt-1', msg: 'x' }).error?.issues[0]?.path).toEqual(['appid']);
  });
});
