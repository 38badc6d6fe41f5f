import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WX_WXA_FLAVOR, type WxWxaFlavor } from '@wxvoip/contracts';

/** What the CLI does with a call the developer's backend relays: join it, refuse it, report busy, or ask. */
export type AutoPolicy = 'answer' | 'reject' | 'busy' | 'none';

/** Options of `wxvoip-device linux`. */
export interface LinuxCliOptions {
  readonly platform: string;
  readonly sn: string;
  readonly model: string;
  readonly appId: string;
  readonly flavor: WxWxaFlavor;
  /** Absolute: `--data-dir`, or `.wxvoip-device/<sn>`, resolved against the directory the user ran the command in. */
  readonly dataDir: string;
  readonly snTicket: string | undefined;
  readonly appSecret: string | undefined;
  readonly auto: AutoPolicy;
  readonly video: boolean;
  readonly namespace: string | undefined;
  readonly call: string | undefined;
}

/** The usage text. */
export const USAGE = `Usage: wxvoip-device linux --platform <url> --sn <sn> --model <modelId> [options]
       wxvoip-device phone call <sn> --as <openId> [--platform <url>] [options]

linux: a simulated Linux device (WeChat's VoIP SDK) that registers, stays online and takes calls.
phone call: a phone of the user <openId> calls the device <sn>, with the plugin's rules (see "wxvoip-device phone --help").

Options:
  --platform <url>       mock platform base URL, e.g. http://127.0.0.1:4123 (required)
  --sn <sn>              device_id, the device SN (required)
  --model <modelId>      model_id from device onboarding (required)
  --appid <appId>        wxa_appid, the mini program (default wx_demo_app, the demo seed's)
  --flavor <flavor>      release | develop | trial (wxa_flavor; default release, as a zeroed struct)
  --data-dir <dir>       data_dir holding the registration (default .wxvoip-device/<sn> in the directory
                         you run the command from; the full path is printed)
  --sn-ticket <ticket>   snTicket to register with, when data_dir holds no registration
  --app-secret <secret>  fetch the snTicket as the developer's backend would (cgi-bin/token + wxa/getsnticket)
  --auto <policy>        what to do with a relayed call: answer | reject | busy | none (default none: ask)
  --video                use a video session (default audio only)
  --namespace <ns>       platform namespace (x-wxvoip-namespace)
  --call <openId>        call this user once online
  -h, --help             this text

Commands on stdin (one per line):
  ring <roomId>          your backend relayed a phone's call (WeChat tells Linux devices nothing)
  answer [roomId]        join the relayed call (wx_voip_listener_join)
  reject [roomId]        refuse it (wx_voip_listener_hangup, REJECT)
  busy [roomId]          report busy (wx_voip_listener_hangup, busy)
  call <openId>          call a user (wx_voip_session_call)
  hangup                 end the current call (wx_voip_session_hangup, MANUAL)
  quit                   stop the device (wx_stop) and exit
`;

const FLAVORS: Readonly<Record<string, WxWxaFlavor>> = { release: WX_WXA_FLAVOR.RELEASE, develop: WX_WXA_FLAVOR.DEBUG, trial: WX_WXA_FLAVOR.DEMO };
const POLICIES: readonly AutoPolicy[] = ['answer', 'reject', 'busy', 'none'];

/**
 * The directory the user ran the command in: pnpm and npm set `INIT_CWD` when a script or `pnpm exec` changes the
 * working directory (`pnpm --filter @wxvoip/device-linux run device …` runs in the package folder).
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['INIT_CWD'] ?? process.cwd();
}

/**
 * Parses `wxvoip-device linux` arguments (after `node main.js`). Returns the options, `'help'`, or a usage error
 * message. Relative data directories are resolved against `cwd` (default {@link invocationDir}).
 *
 * @example
 * parseCliArgs(['linux', '--platform', 'http://127.0.0.1:4123', '--sn', 'SN-LINUX-0001', '--model', 'model-linux-doorbell']);
 */
export function parseCliArgs(argv: readonly string[], cwd: string = invocationDir()): LinuxCliOptions | 'help' | { readonly error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      // `pnpm run device -- linux …` passes the `--` on: drop it.
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        sn: { type: 'string' },
        model: { type: 'string' },
        appid: { type: 'string', default: 'wx_demo_app' },
        flavor: { type: 'string', default: 'release' },
        'data-dir': { type: 'string' },
        'sn-ticket': { type: 'string' },
        'app-secret': { type: 'string' },
        auto: { type: 'string', default: 'none' },
        video: { type: 'boolean', default: false },
        namespace: { type: 'string' },
        call: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals[0] !== 'linux' || positionals.length > 1) return { error: `expected the subcommand "linux", got ${positionals.length === 0 ? 'none' : positionals.join(' ')}` };
  const missing = (['platform', 'sn', 'model'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) return { error: `missing ${missing.map((m) => `--${m}`).join(', ')}` };
  const flavor = FLAVORS[values.flavor];
  if (flavor === undefined) return { error: `--flavor must be release, develop or trial, got ${values.flavor}` };
  const auto = values.auto as AutoPolicy;
  if (!POLICIES.includes(auto)) return { error: `--auto must be answer, reject, busy or none, got ${values.auto}` };
  const sn = values.sn as string;
  return {
    platform: values.platform as string,
    sn,
    model: values.model as string,
    appId: values.appid,
    flavor,
    dataDir: resolve(cwd, values['data-dir'] ?? `.wxvoip-device/${sn}`),
    snTicket: values['sn-ticket'],
    appSecret: values['app-secret'],
    auto,
    video: values.video,
    namespace: values.namespace,
    call: values.call,
  };
}
