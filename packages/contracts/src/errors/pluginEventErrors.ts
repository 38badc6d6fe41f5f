import type { ErrorEntry } from './errorEntry.js';

/**
 * `errMsg` literals the plugin puts in `abortVoip.data.error.errMsg` and `joinFailCaller.data.errMsg`
 * (P §6.4, D §6.3). WeChat gives them no number, so `code` is `null`; `message` is the exact literal, typos included.
 */
export const PLUGIN_EVENT_ERRORS = [
  {
    key: 'ROOM_STATUS_IS_ABORT',
    domain: 'plugin-event',
    code: null,
    event: 'abortVoip',
    message: 'room status is abort',
    wording: 'quoted',
    fix: 'The other side ended abnormally (abortVoip status \'unknown\'): look up the peer\'s own abortVoip for the same roomId to find the cause; nothing to fix on this side.',
    source: 'P §6.4',
    tag: 'D',
  },
  {
    key: 'LISTENER_WAIT_OTHER_TO_JOIN_TIMEOUT',
    domain: 'plugin-event',
    code: null,
    event: 'abortVoip',
    message: 'listener waitOtherToJoin timeout',
    wording: 'quoted',
    fix: 'The listener joined but the caller did not join within 20 s (abortVoip status \'abortByListener\'): check the caller side for joinFailCaller or network loss, and make sure the caller does not navigate away from the call page while joining.',
    source: 'P §6.4',
    tag: 'D',
  },
  {
    key: 'CALL_INTERRUPTED_CLOSE_PASSIVE_FLOAT_BALL',
    domain: 'plugin-event',
    code: null,
    event: 'abortVoip',
    message: 'call interrupted due to close passive float ball',
    wording: 'quoted',
    fix: 'The user closed the backgrounded mini program from its floating window; this is a user action, call again if needed.',
    source: 'P §6.4',
    tag: 'D',
  },
  {
    key: 'CALL_INTERRUPTED_INCOMING_CALL',
    domain: 'plugin-event',
    code: null,
    event: 'abortVoip',
    message: 'in comming call',
    wording: 'quoted',
    fix: 'Another incoming call interrupted this one; call again after it ends. Match the literal exactly: WeChat spells it "in comming call".',
    source: 'P §6.4',
    tag: 'D',
  },
  {
    key: 'CALL_INTERRUPTED_NATIVE_REASON',
    domain: 'plugin-event',
    code: null,
    event: 'abortVoip',
    message: 'call interrupted due to native reason',
    wording: 'quoted',
    fix: 'The client stopped receiving packets for a while and was removed from the room: check the network quality of this side, then call again.',
    source: 'P §6.4',
    tag: 'D',
  },
  {
    key: 'ALREADY_IN_ROOM_OR_JOINING',
    domain: 'plugin-event',
    code: null,
    event: 'joinFailCaller',
    message: 'Already in room or joining',
    wording: 'quoted',
    fix: 'A known bug of old WMPF versions: restart WMPF and upgrade it to 2.0 or later.',
    source: 'P §6.4',
    tag: 'D',
  },
] as const satisfies readonly ErrorEntry[];
