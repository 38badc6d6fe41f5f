// Runs in the scratch project under plain Node against the installed `wxvoip-mock` bin (its URL in argv[2]): a phone
// calls a Linux doorbell through the control API's placePhoneCall, the device (the installed @wxvoip/device-linux)
// answers, talks, hangs up; prints one JSON report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlContract, WX_HANGUP_REASON, WX_VOIP_SESSION_TYPE, WX_VOIP_STATUS, WX_VOIP_TERMINAL_STATUSES, wxVoipStatusName } from '@wxvoip/contracts';
import { LinuxDevice } from '@wxvoip/device-linux';

const platformUrl = process.argv[2];
const report = { statuses: [] };
const device = new LinuxDevice({ platformUrl });
await device.init({ data_dir: mkdtempSync(join(tmpdir(), 'wxvoip-call-')), device_id: 'SN-LINUX-0001', model_id: 'model-linux-doorbell', wxa_appid: 'wx_demo_app' });
let ended;
const over = new Promise((resolve) => (ended = resolve));
const session = device.sessionNew({
  session_type: WX_VOIP_SESSION_TYPE.AUDIO,
  listener: async (status) => {
    report.statuses.push(wxVoipStatusName(status));
    if (status === WX_VOIP_STATUS.TALKING) await session.hangup(WX_HANGUP_REASON.MANUAL);
    if (WX_VOIP_TERMINAL_STATUSES.includes(status)) ended();
  },
});
const path = controlContract.placePhoneCall.path.replace(':appId', 'wx_demo_app').replace(':openId', 'openid-alice');
const placed = await fetch(`${platformUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sn: 'SN-LINUX-0001' }) });
report.placed = placed.status;
const room = await placed.json();
await session.listenerJoin(room.roomId);
await Promise.race([over, new Promise((resolve) => setTimeout(resolve, 10_000))]);
const after = await (await fetch(`${platformUrl}${controlContract.getRoom.path.replace(':roomId', room.roomId)}`)).json();
report.outcome = after.outcome;
session.destroy();
await device.stop();
process.stdout.write(`${JSON.stringify(report)}\n`);
