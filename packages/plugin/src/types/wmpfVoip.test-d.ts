/**
 * Type-level tests of the real plugin's types; `tsc -p tsconfig.spec.json` checks them (a wrong type fails CI): each
 * `@ts-expect-error` must stay an error.
 */
import type { CallDeviceRequestInput, InitByCallerResult, VoipEvent, WmpfVoipPlugin } from '@wxvoip/contracts';
import { expectTypeOf } from 'vitest';
import type { SimulatedWmpfVoip } from '../simulator/createWmpfVoipSimulator.js';
import type { InitByCallerRequestFor, WmpfVoip, WmpfVoipModule } from './wmpfVoip.js';
import type { GetDeviceVoIPListOption, RequestDeviceVoIPOption, WxDeviceVoip } from './wxDeviceVoip.js';

declare const wmpfVoip: WmpfVoip;
declare const onWmpfDevice: WmpfVoip<'wmpf'>;
declare const onSdkDevice: WmpfVoip<'deviceAuthSdk'>;
declare const requirePlugin: (name: 'wmpf-voip') => WmpfVoipModule;
declare const wx: WxDeviceVoip;

const party = { id: 'SN-WMPF-0001' };
const alice = { id: 'openid-alice' };

// callDevice: roomType is 'voice' | 'video', sn and modelId are required.
void wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-1', modelId: 'm' });
// @ts-expect-error roomType must be a string literal, not a number
void wmpfVoip.callDevice({ roomType: 1, sn: 'SN-1', modelId: 'm' });
// @ts-expect-error modelId is required
void wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-1' });
// @ts-expect-error isCloud is a boolean
void wmpfVoip.callDevice({ roomType: 'video', sn: 'SN-1', modelId: 'm', isCloud: 'yes' });
// @ts-expect-error callWMPF needs pushToken and nickName
void wmpfVoip.callWMPF({ roomType: 'video', sn: 'SN-1', modelId: 'm' });
expectTypeOf(wmpfVoip.callDevice).returns.resolves.toEqualTypeOf<{ roomId: string }>();

// initByCaller: one shape per businessType.
void wmpfVoip.initByCaller({ roomType: 'video', businessType: 2, caller: alice, listener: party, voipToken: 'pushToken' });
// @ts-expect-error businessType 2 needs the device's pushToken as voipToken
void wmpfVoip.initByCaller({ roomType: 'video', businessType: 2, caller: alice, listener: party });
// @ts-expect-error roomType 'chat' does not exist
void wmpfVoip.initByCaller({ roomType: 'chat', businessType: 2, caller: alice, listener: party, voipToken: 't' });
// @ts-expect-error face-pay (businessType 0, the default) needs its voip_token
void wmpfVoip.initByCaller({ roomType: 'video', caller: { id: 'face-user' }, listener: alice });
// @ts-expect-error initByCaller takes no chargeType
void wmpfVoip.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice, chargeType: 'license' });
// Registration unknown: businessType 1 with or without voipToken.
void wmpfVoip.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice });
void wmpfVoip.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice, voipToken: 'deviceToken' });
// WMPF-registered device: no voipToken on businessType 1.
void onWmpfDevice.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice });
// @ts-expect-error a WMPF-registered device must not pass voipToken (plugin ≥ 2.3.0)
void onWmpfDevice.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice, voipToken: 'deviceToken' });
// Device-auth-SDK device: voipToken required on businessType 1.
void onSdkDevice.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice, voipToken: 'deviceToken' });
// @ts-expect-error a device-auth-SDK device must pass its deviceToken
void onSdkDevice.initByCaller({ roomType: 'video', businessType: 1, caller: party, listener: alice });
expectTypeOf<InitByCallerRequestFor<'wmpf'>>().toMatchTypeOf<object>();

// The result is discriminated by isSuccess.
declare const result: InitByCallerResult;
if (result.isSuccess) expectTypeOf(result.roomId).toEqualTypeOf<string>();
else expectTypeOf(result.errCode).toEqualTypeOf<number>();
expectTypeOf(wmpfVoip.initByCaller).returns.resolves.toEqualTypeOf<InitByCallerResult>();

// Events are typed: narrowing by eventName gives the data.
wmpfVoip.onVoipEvent((event) => {
  expectTypeOf(event).toEqualTypeOf<VoipEvent>();
  if (event.eventName === 'hangUpVoip') expectTypeOf(event.data.origin).toEqualTypeOf<'manual' | 'unloadCallPage' | 'forceFromApp' | 'other' | 'timeLimit'>();
  if (event.eventName === 'finishVoip') expectTypeOf(event.data.keepTime).toEqualTypeOf<number>();
});
expectTypeOf(wmpfVoip.onVoipEvent(() => undefined)).toEqualTypeOf<() => void>();

// Other exports.
wmpfVoip.forceHangUpVoip();
wmpfVoip.forceHangUpVoip('room-1');
// @ts-expect-error forceHangUpVoip takes a roomId string
wmpfVoip.forceHangUpVoip(42);
// @ts-expect-error customBoxHeight is '70vh' or '90vh'
wmpfVoip.setUIConfig({ customBoxHeight: '75vh' });
// @ts-expect-error key is 'Call' or 'BindContact'
wmpfVoip.setVoipEndPagePath({ url: '/pages/a', key: 'End' });
// @ts-expect-error getIotBindContactList uses snake_case model_id
void wmpfVoip.getIotBindContactList({ sn: 'SN-1', modelId: 'm', openid_list: [] });
expectTypeOf(wmpfVoip.CALL_PAGE_PATH).toEqualTypeOf<'plugin-private://wxf830863afde621eb/pages/call-page-plugin/call-page-plugin'>();
// @ts-expect-error getStatus is not a documented export
void wmpfVoip.getStatus;

// requirePlugin('wmpf-voip').default is the plugin.
expectTypeOf(requirePlugin('wmpf-voip').default).toEqualTypeOf<WmpfVoip>();

// The plugin type fits the contract's, and the simulator is a WmpfVoip.
expectTypeOf<WmpfVoip>().toMatchTypeOf<WmpfVoipPlugin<VoipEvent>>();
expectTypeOf<SimulatedWmpfVoip>().toMatchTypeOf<WmpfVoip>();
expectTypeOf<Parameters<WmpfVoip['callDevice']>[0]>().toEqualTypeOf<CallDeviceRequestInput>();

// wx members: callback style, no Promise.
wx.requestDeviceVoIP({ sn: 'SN-1', snTicket: 't', modelId: 'm', deviceName: 'Door', fail: (res) => expectTypeOf(res.errCode).toEqualTypeOf<number | undefined>() });
wx.requestDeviceVoIP({ isGroup: true, groupId: 'g-1' });
// @ts-expect-error a group authorization needs groupId
wx.requestDeviceVoIP({ isGroup: true });
// @ts-expect-error a device authorization needs snTicket
wx.requestDeviceVoIP({ sn: 'SN-1', modelId: 'm', deviceName: 'Door' });
wx.getDeviceVoIPList({ success: (res) => expectTypeOf(res.list[0]!.status).toEqualTypeOf<0 | 1>() });
expectTypeOf(wx.requestDeviceVoIP).returns.toEqualTypeOf<void>();
// A callback written against the base library's GeneralCallbackResult ({ errMsg }) fits.
const listOption: GetDeviceVoIPListOption = { success: (res: { errMsg: string }) => void res.errMsg, fail: (res: { errMsg: string }) => void res.errMsg };
const requestOption: RequestDeviceVoIPOption = { isGroup: true, groupId: 'g', complete: (res: { errMsg: string }) => void res.errMsg };
void listOption;
void requestOption;
