import { WX_CLOUDVOIP_SESSION_TYPE } from '@wxvoip/contracts';
import { RtosDevice } from '@wxvoip/device-rtos';
import { APP, type FlowEnv } from '../matrix/flowHost.js';
import type { CameraScreen, VendorCloudParty } from './vendorCloudParty.js';

/** An RTOS camera as its firmware uses it: the device SDK for signalling, its vendor cloud for everything else. */
export interface RtosCameraParty extends CameraScreen {
  readonly device: RtosDevice;
  /**
   * `wx_cloudvoip_client_call` to a user, after telling the cloud which payload to expect (D §2.2). Shows
   * `clientCall:<code>`; returns the code and, on success, the room (a simulator extra).
   */
  call(openId: string, payload: string): Promise<{ code: number; roomId: string | null }>;
  /** How the last failing SDK call is written in a refusal: `-9 (DEVICE_NOT_AUTHORIZED)`. */
  lastRefusal(): string;
}

/**
 * Starts an RTOS camera (`SN-RTOS-0001` of the demo seed by default) on the cell's platform, `wx_init`ed and attached
 * to its vendor cloud, which relays incoming phone calls and call statuses to its screen.
 */
export async function rtosCameraParty(env: FlowEnv, cloud: VendorCloudParty, sn = 'SN-RTOS-0001', modelId = 'model-rtos-camera'): Promise<RtosCameraParty> {
  const device = new RtosDevice({ platformUrl: env.url, namespace: env.namespace, WebSocket: env.WebSocket, label: `camera ${sn}` });
  const code = await device.init({ data_dir: `/data/${sn}`, device_id: sn, model_id: modelId, wxa_appid: APP.appId });
  if (code !== 0) throw new Error(`the camera could not start: ${device.lastError?.message ?? code}`);
  env.onCleanup(() => device.destroy());
  const screen: string[] = [];
  const camera: RtosCameraParty = {
    sn,
    screen,
    device,
    async call(openId, payload) {
      cloud.expectCall(payload);
      const result = await device.clientCall(WX_CLOUDVOIP_SESSION_TYPE.AUDIO, { id: sn }, { id: openId, name: '' }, null, payload);
      screen.push(`clientCall:${result.code}`);
      return result;
    },
    lastRefusal: () => `${device.lastError?.code ?? 0} (${device.lastError?.key ?? 'no error'})`,
  };
  cloud.attach(camera);
  return camera;
}
