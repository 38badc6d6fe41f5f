import { WX_HANGUP_REASON, WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, wxVoipStatusName } from '@wxvoip/contracts';
import { LinuxDevice, WxError } from '@wxvoip/device-linux';

const device = new LinuxDevice({ platformUrl: process.env['PLATFORM_URL'] ?? 'http://127.0.0.1:4123' });
await device.init({
  data_dir: process.env['DATA_DIR'] ?? './doorbell-data', // holds the registration: keep it for the device's life
  device_id: 'SN-LINUX-0001',
  model_id: 'model-linux-doorbell',
  wxa_appid: 'wx_demo_app',
});

if (!device.deviceIsRegistered()) {
  // Once in the device's life, with the snTicket your backend got from POST /wxa/getsnticket.
  await device.deviceRegister(process.env['SN_TICKET'] ?? '').catch((error: unknown) => {
    if (!(error instanceof WxError && error.errorName === 'ALREADY_EXISTS')) throw error;
  });
}

let ended!: () => void;
const callEnded = new Promise<void>((resolve) => (ended = resolve));
const session = device.sessionNew({
  session_type: WX_VOIP_SESSION_TYPE.AUDIO,
  listener: async (status, { roomId, reason }) => {
    console.log(`status ${wxVoipStatusName(status)} room ${roomId}${reason === null ? '' : ` reason ${reason}`}`);
    if (status === WX_VOIP_STATUS.TALKING) await session.hangup(WX_HANGUP_REASON.MANUAL);
    if (WX_VOIP_TERMINAL_STATUSES.includes(status)) ended();
  },
});
console.log(`ringing Alice in room ${await session.call({ id: 'openid-alice', name: 'Alice' })}`);
await callEnded;
session.destroy();
await device.stop();
