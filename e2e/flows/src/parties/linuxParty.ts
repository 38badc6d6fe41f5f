import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WX_VOIP_SESSION_TYPE } from '@wxvoip/contracts';
import { LinuxDevice, type VoipSession } from '@wxvoip/device-linux';
import { formatStatus } from '../matrix/cell.js';
import { APP, type FlowEnv } from '../matrix/flowHost.js';

/** A Linux doorbell as a device program uses it: initialised, one audio session, its statuses recorded. */
export interface LinuxParty {
  readonly device: LinuxDevice;
  readonly session: VoipSession;
  /** Statuses as the session listener received them (`TALKING`, `HANGUP_BY_CALLER/1`). */
  readonly statuses: string[];
}

/**
 * Starts a Linux device (`SN-LINUX-0001` of the demo seed by default) on the cell's platform: `wx_init` with its own
 * data directory and its clock set to the platform's, then one audio session whose listener records every status.
 */
export async function linuxParty(env: FlowEnv, sn = 'SN-LINUX-0001', modelId = 'model-linux-doorbell'): Promise<LinuxParty> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wxvoip-flow-linux-'));
  const device = new LinuxDevice({ platformUrl: env.url, namespace: env.namespace, now: () => env.now(), WebSocket: env.WebSocket });
  await device.init({ data_dir: dataDir, device_id: sn, model_id: modelId, wxa_appid: APP.appId });
  const statuses: string[] = [];
  const session = device.sessionNew({ session_type: WX_VOIP_SESSION_TYPE.AUDIO, listener: (status, { reason }) => void statuses.push(formatStatus(status, reason)) });
  env.onCleanup(async () => {
    session.destroy();
    await device.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { device, session, statuses };
}
