import { parseArgs } from 'node:util';

/** Options of `wxvoip-device phone call`. */
export interface PhoneCliOptions {
  readonly platform: string;
  readonly sn: string;
  /** The user (openId) whose phone calls. */
  readonly openId: string;
  readonly appId: string;
  readonly video: boolean;
  readonly namespace: string | undefined;
  /** Print the room and return instead of following it until it ends. */
  readonly detach: boolean;
}

/** The usage text of `wxvoip-device phone`. */
export const PHONE_USAGE = `Usage: wxvoip-device phone call <sn> --as <openId> [options]

A phone without code: the user's phone calls the device as the mini program's callDevice would, with the platform's
rules (the user, the device's registration and license, authorization where the plugin version needs it, busy), and
joins the call. It prints the room and every state change until the call ends; Ctrl-C hangs up.

A Linux device is told nothing by WeChat: relay the room id to it (in a running "wxvoip-device linux", type
"ring <roomId>"). An RTOS device hears of it through its vendor cloud (wxvoip-rtos vendor-cloud).

Options:
  --as <openId>          the calling user (required), e.g. openid-alice in the demo seed
  --platform <url>       mock platform base URL (default http://127.0.0.1:3000)
  --appid <appId>        the mini program (default wx_demo_app)
  --video                a video call (default voice)
  --namespace <ns>       platform namespace (x-wxvoip-namespace)
  --detach               print the room and exit instead of following it
  -h, --help             this text
`;

/**
 * Parses `wxvoip-device phone …` arguments. Returns the options, `'help'`, or a usage error message.
 *
 * @example
 * parsePhoneArgs(['phone', 'call', 'SN-LINUX-0001', '--as', 'openid-alice']);
 */
export function parsePhoneArgs(argv: readonly string[]): PhoneCliOptions | 'help' | { readonly error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        platform: { type: 'string', default: 'http://127.0.0.1:3000' },
        appid: { type: 'string', default: 'wx_demo_app' },
        video: { type: 'boolean', default: false },
        namespace: { type: 'string' },
        detach: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals[0] !== 'phone' || positionals[1] !== 'call' || positionals.length !== 3) {
    return { error: `expected "phone call <sn>", got "${positionals.join(' ')}"` };
  }
  if (values.as === undefined) return { error: 'missing --as <openId>: the user whose phone calls' };
  return { platform: values.platform, sn: positionals[2] as string, openId: values.as, appId: values.appid, video: values.video, namespace: values.namespace, detach: values.detach };
}
