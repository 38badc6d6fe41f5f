/**
 * Runs the example vendor cloud with one simulated RTOS camera against a wxvoip mock platform (or anything that
 * speaks its transport API):
 *
 *   node --import tsx examples/vendor-cloud/main.ts --platform http://127.0.0.1:8080 [--port 3000] [--answer answer]
 *
 * Options (defaults match the demo seed): --platform URL (required), --namespace NS, --app wx_demo_app,
 * --token demoToken, --aes-key <EncodingAESKey>, --host 127.0.0.1, --port 3000, --path /wechat/callback,
 * --sn SN-RTOS-0001, --model model-rtos-camera, --answer answer|reject|busy|ignore, --sn-ticket T (register first),
 * --call OPENID (the camera calls this user once it is up).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SimulatedCamera, type AnswerPolicy } from './simulatedCamera.js';
import { startVendorCloud, type RunningVendorCloud } from './vendorCloud.js';

const ANSWERS: readonly AnswerPolicy[] = ['answer', 'reject', 'busy', 'ignore'];

/** The running example: the cloud and its camera. */
export interface RunningExample {
  readonly cloud: RunningVendorCloud;
  readonly camera: SimulatedCamera;
  /** Stops the cloud and powers the camera off. */
  close(): Promise<void>;
}

/**
 * Starts the example from command-line arguments; throws with a usage message for bad arguments.
 *
 * @example
 * const example = await main(['--platform', 'http://127.0.0.1:8080', '--port', '0']);
 */
export async function main(argv: readonly string[], log: (line: string) => void = console.log): Promise<RunningExample> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      platform: { type: 'string' },
      namespace: { type: 'string' },
      app: { type: 'string', default: 'wx_demo_app' },
      token: { type: 'string', default: 'demoToken' },
      'aes-key': { type: 'string', default: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3000' },
      path: { type: 'string', default: '/wechat/callback' },
      sn: { type: 'string', default: 'SN-RTOS-0001' },
      model: { type: 'string', default: 'model-rtos-camera' },
      answer: { type: 'string', default: 'answer' },
      'sn-ticket': { type: 'string' },
      call: { type: 'string' },
    },
    strict: true,
  });
  if (values.platform === undefined) throw new Error('--platform URL is required, e.g. --platform http://127.0.0.1:8080 (start one with pnpm --filter @wxvoip/mock-platform start)');
  const answer = values.answer as AnswerPolicy;
  if (!ANSWERS.includes(answer)) throw new Error(`--answer must be one of ${ANSWERS.join(', ')}, got ${values.answer}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, got ${values.port}`);
  const platform = { platformUrl: values.platform, ...(values.namespace === undefined ? {} : { namespace: values.namespace }) };

  const cloud = await startVendorCloud({ ...platform, appId: values.app, token: values.token, encodingAESKey: values['aes-key'], host: values.host, port, path: values.path, log });
  const camera = new SimulatedCamera({ ...platform, sn: values.sn, modelId: values.model, appId: values.app, answer });
  const booted = await camera.boot(cloud.attach(camera), values['sn-ticket']);
  if (booted !== 0) {
    await cloud.close();
    throw new Error(`camera ${values.sn} did not boot: ${camera.device.lastError?.message ?? booted}`);
  }
  log(`camera ${values.sn} is up (answers incoming calls: ${answer})`);
  if (values.call !== undefined) await camera.call(values.call);
  return { cloud, camera, close: () => cloud.close() };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (example) => {
      const stop = () => void example.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
