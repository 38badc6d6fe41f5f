/**
 * `wxvoip-rtos vendor-cloud`: the example vendor cloud with one simulated RTOS camera, against a wxvoip mock platform
 * (or anything that speaks its transport and control APIs). It reads the app's message push settings from the
 * platform, listens where the app's push URL points when that is a free loopback port (any free port otherwise), and
 * saves the app's push URL as its own, so the platform verifies it and sends `iot_voip_notify` there.
 */
import { AppView, controlContract, NAMESPACE_HEADER, type PushConfig } from '@wxvoip/contracts';
import { parseArgs } from 'node:util';
import { SimulatedCamera, type AnswerPolicy } from './simulatedCamera.js';
import { startVendorCloud, type RunningVendorCloud } from './vendorCloud.js';

const ANSWERS: readonly AnswerPolicy[] = ['answer', 'reject', 'busy', 'ignore'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The usage text of `wxvoip-rtos vendor-cloud`. */
export const VENDOR_CLOUD_USAGE = `Usage: wxvoip-rtos vendor-cloud [--platform http://127.0.0.1:3000] [options]

Runs the example vendor cloud with a simulated RTOS camera, and points the app's message push URL at it (the platform
verifies the URL at once). Phone calls to the camera ring it; --call makes the camera call a user.

Options:
  --platform <url>     mock platform base URL (default http://127.0.0.1:3000)
  --namespace <ns>     platform namespace (x-wxvoip-namespace)
  --app <appId>        the mini program (default wx_demo_app)
  --host <address>     address of the message-push endpoint (default 127.0.0.1)
  --port <n>           its port (default: the port of the app's push URL when that is on this machine and free; else any)
  --path <path>        its path (default: the path of the app's push URL, or /wechat/callback)
  --token <t>          message push Token (default: the app's, read from the platform)
  --aes-key <k>        EncodingAESKey (default: the app's)
  --keep-push-config   do not change the app's push URL (configure it yourself with PATCH /__admin/apps/<appId>)
  --sn <sn>            the camera's SN (default SN-RTOS-0001)
  --model <modelId>    its model (default model-rtos-camera)
  --answer <policy>    what the camera's user does when a phone calls: answer | reject | busy | ignore (default answer)
  --sn-ticket <t>      register the camera with this snTicket first
  --call <openId>      the camera calls this user once it is up
  -h, --help           this text
`;

/** The running example: the cloud and its camera. */
export interface RunningExample {
  readonly cloud: RunningVendorCloud;
  readonly camera: SimulatedCamera;
  /** Stops the cloud and powers the camera off. */
  close(): Promise<void>;
}

/** A usage error: the message says which argument and how to fix it. */
export class VendorCloudUsageError extends Error {
  override readonly name = 'VendorCloudUsageError';
}

interface ControlAccess {
  readonly base: string;
  readonly headers: Record<string, string>;
}

async function control(access: ControlAccess, method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${access.base}${path}`, { method, headers: { ...access.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** The app's current push configuration, read through the control API (null when it has none). */
async function currentPushConfig(access: ControlAccess, appId: string): Promise<PushConfig | null> {
  let answer;
  try {
    answer = await control(access, 'GET', controlContract.getApp.path.replace(':appId', encodeURIComponent(appId)));
  } catch (error) {
    throw new VendorCloudUsageError(`cannot reach the platform at ${access.base} (${(error as Error).message}): start one with wxvoip-mock, or pass --platform`);
  }
  if (answer.status === 404) throw new VendorCloudUsageError(`the platform has no app ${appId}: pass --app`);
  const app = AppView.safeParse(answer.json);
  if (answer.status !== 200 || !app.success) throw new VendorCloudUsageError(`GET ${controlContract.getApp.path} answered HTTP ${answer.status}: is ${access.base} a wxvoip mock platform?`);
  return app.data.pushConfig ?? null;
}

/**
 * Starts the example from command-line arguments (after `vendor-cloud`); throws a {@link VendorCloudUsageError} for
 * bad arguments or an unreachable platform.
 *
 * @example
 * const example = await startVendorCloudCommand(['--platform', 'http://127.0.0.1:3000']);
 */
export async function startVendorCloudCommand(argv: readonly string[], log: (line: string) => void = console.log): Promise<RunningExample> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        platform: { type: 'string', default: 'http://127.0.0.1:3000' },
        namespace: { type: 'string' },
        app: { type: 'string', default: 'wx_demo_app' },
        token: { type: 'string' },
        'aes-key': { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string' },
        path: { type: 'string' },
        'keep-push-config': { type: 'boolean', default: false },
        sn: { type: 'string', default: 'SN-RTOS-0001' },
        model: { type: 'string', default: 'model-rtos-camera' },
        answer: { type: 'string', default: 'answer' },
        'sn-ticket': { type: 'string' },
        call: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new VendorCloudUsageError((error as Error).message);
  }
  const answer = values.answer as AnswerPolicy;
  if (!ANSWERS.includes(answer)) throw new VendorCloudUsageError(`--answer must be one of ${ANSWERS.join(', ')}, got ${values.answer}`);
  const explicitPort = values.port === undefined ? undefined : Number(values.port);
  if (explicitPort !== undefined && (!/^\d+$/.test(values.port ?? '') || explicitPort > 65_535)) throw new VendorCloudUsageError(`--port must be a port number, got ${values.port}`);
  const base = values.platform.replace(/\/+$/, '');
  const access: ControlAccess = { base, headers: values.namespace === undefined ? {} : { [NAMESPACE_HEADER]: values.namespace } };
  const platform = { platformUrl: base, ...(values.namespace === undefined ? {} : { namespace: values.namespace }) };

  const configured = await currentPushConfig(access, values.app);
  const current = configured === null ? null : new URL(configured.url);
  const token = values.token ?? configured?.token;
  const encodingAESKey = values['aes-key'] ?? configured?.encodingAESKey;
  if (token === undefined || encodingAESKey === undefined) throw new VendorCloudUsageError(`app ${values.app} has no message push settings: pass --token and --aes-key`);
  const path = values.path ?? current?.pathname ?? '/wechat/callback';
  const follow = current !== null && LOOPBACK.has(current.hostname) && current.port !== '' ? Number(current.port) : undefined;
  const options = { ...platform, appId: values.app, token, encodingAESKey, host: values.host, path, log };

  let cloud: RunningVendorCloud;
  try {
    cloud = await startVendorCloud({ ...options, port: explicitPort ?? follow ?? 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (explicitPort !== undefined) throw new VendorCloudUsageError(`port ${explicitPort} on ${values.host} is already in use; choose another with --port <n> (--port 0 picks a free one)`);
    cloud = await startVendorCloud({ ...options, port: 0 });
  }
  // Saved even when the URL is already this one: saving is what makes the platform verify it (D §4.13).
  if (!values['keep-push-config']) {
    const pushConfig = { ...(configured ?? { mode: 'secure' as const, format: 'json' as const }), token, encodingAESKey, url: cloud.url };
    const patched = await control(access, 'PATCH', controlContract.updateApp.path.replace(':appId', encodeURIComponent(values.app)), { pushConfig }).catch((error: unknown) => ({ status: 0, json: String(error) }));
    if (patched.status !== 200) {
      await cloud.close();
      throw new VendorCloudUsageError(`could not point ${values.app}'s push URL at ${cloud.url} (HTTP ${patched.status}): ${JSON.stringify(patched.json)}`);
    }
    log(`${values.app}'s message push URL now points here: ${cloud.url} (the platform verifies it)`);
  }

  const camera = new SimulatedCamera({ ...platform, sn: values.sn, modelId: values.model, appId: values.app, answer });
  const booted = await camera.boot(cloud.attach(camera), values['sn-ticket']);
  if (booted !== 0) {
    await cloud.close();
    throw new VendorCloudUsageError(`camera ${values.sn} did not boot: ${camera.device.lastError?.message ?? booted}`);
  }
  log(`camera ${values.sn} is up (answers incoming calls: ${answer}); call it: wxvoip-device phone call ${values.sn} --as openid-alice --platform ${base}`);
  if (values.call !== undefined) await camera.call(values.call);
  return { cloud, camera, close: () => cloud.close() };
}

