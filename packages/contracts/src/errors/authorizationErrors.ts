import type { ErrorEntry } from './errorEntry.js';

/**
 * Failures of `wx.requestDeviceVoIP` on the phone (D §5.1, §7.5; P §6.5). They come from community reports, so
 * they are tagged C. The code of a first-time "deny" in the dialog is undocumented and not catalogued (D §9 item 13).
 */
export const AUTHORIZATION_ERRORS = [
  {
    key: 'DEVICE_ALREADY_AUTHORIZED',
    domain: 'authorization',
    code: 10001,
    message: 'The sn has been subscribed',
    wording: 'quoted',
    fix: 'The user already authorized this device: treat it as success and store the sn-to-openId pair on your server.',
    source: 'D §5.1; D §7.5; P §6.5',
    tag: 'C',
  },
  {
    key: 'DEVICE_AUTHORIZATION_REJECTED',
    domain: 'authorization',
    code: 10021,
    message: 'The sn has been rejected',
    wording: 'quoted',
    fix: 'The user refused or switched it off earlier and no dialog will show again: guide them to the mini program\'s settings, section "voice/video call reminders" (WeChat >= 8.0.30), to switch it back on.',
    source: 'D §5.1; D §7.5; P §6.5',
    tag: 'C',
  },
  {
    key: 'AUTHORIZATION_SN_TICKET_WRONG',
    domain: 'authorization',
    code: 10008,
    message: 'snTicket wrong',
    wording: 'restated',
    fix: 'Fetch a new snTicket for this sn and model_id with POST /wxa/getsnticket (valid 5 minutes) and pass it as snTicket.',
    source: 'P §6.5',
    tag: 'C',
  },
  {
    key: 'GROUP_AUTHORIZATION_UNKNOWN_10025',
    domain: 'authorization',
    code: 10025,
    message: 'group authorization failed (meaning undocumented)',
    wording: 'restated',
    fix: 'Seen with isGroup: true; WeChat does not explain it. Check the groupId came from createIotGroupId of this app and the base library is >= 2.30.4, then retry; report it to WeChat if it persists.',
    source: 'P §6.5',
    tag: 'C',
  },
  {
    key: 'INVALID_SCOPE',
    domain: 'authorization',
    code: -12001,
    message: 'invalid scope',
    wording: 'quoted',
    fix: 'The mini program has not finished device onboarding or lacks the approved VoIP capability: apply for it in the admin console.',
    source: 'D §5.1; D §7.5; P §6.5',
    tag: 'C',
  },
  {
    key: 'AUTHORIZATION_PARAMETER_ERROR',
    domain: 'authorization',
    code: 1001,
    message: 'parameter error',
    wording: 'quoted',
    fix: 'Pass sn, snTicket, modelId and deviceName (at most 13 characters) as strings, or isGroup: true with groupId.',
    note: 'Reported as errno 1001, not errCode.',
    source: 'D §5.1; D §7.5',
    tag: 'C',
  },
] as const satisfies readonly ErrorEntry[];
