import { createInterface } from 'node:readline';
import {
  WX_HANGUP_REASON,
  WX_VOIP_SESSION_TYPE,
  WX_VOIP_STATUS,
  WX_VOIP_TERMINAL_STATUSES,
  wxVoipStatusName,
  type WxHangupReason,
  type WxInitConfigInput,
} from '@wxvoip/contracts';
import { LinuxDevice } from '../device/linuxDevice.js';
import { WxError } from '../errors/wxError.js';
import type { VoipSession } from '../session/voipSession.js';
import { fetchSnTicket } from './fetchSnTicket.js';
import type { LinuxCliOptions } from './parseCliArgs.js';

/** Where the CLI reads commands and writes lines. */
export interface CliIo {
  readonly input: NodeJS.ReadableStream;
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

const REASON_NAMES = Object.fromEntries(Object.entries(WX_HANGUP_REASON).map(([name, value]) => [value, name])) as Record<number, string>;

/** One line per status: `status 2 TALKING room=<roomId>`, plus `reason=1 (MANUAL)` for a hang-up with a known reason. */
export function statusLine(status: number, roomId: string, reason: WxHangupReason | null): string {
  const name = wxVoipStatusName(status as 0);
  return `status ${status} ${name} room=${roomId}${reason === null ? '' : ` reason=${reason} (${REASON_NAMES[reason] ?? '?'})`}`;
}

/**
 * Runs `wxvoip-device linux`: init, registration if needed, one session, commands from `io.input`, the `--auto`
 * policy for relayed calls, a status line per status change, reconnection when the platform drops the device.
 * Resolves with the exit code once `quit` (or `stop()`) ends it.
 */
export function runLinuxDevice(options: LinuxCliOptions, io: CliIo): { done: Promise<number>; stop: () => void } {
  const device = new LinuxDevice({ platformUrl: options.platform, ...(options.namespace === undefined ? {} : { namespace: options.namespace }) });
  const config: WxInitConfigInput = { data_dir: options.dataDir, device_id: options.sn, model_id: options.model, wxa_appid: options.appId, wxa_flavor: options.flavor };
  let session: VoipSession | undefined;
  let pending: string | undefined;
  let stopping = false;
  let finish!: (code: number) => void;
  const done = new Promise<number>((resolve) => (finish = resolve));

  const fail = (what: string, error: unknown): void => {
    io.printError(`error ${what}: ${error instanceof WxError ? error.message : String(error)}`);
  };

  const act = async (what: string, operation: PromiseLike<unknown>): Promise<boolean> => {
    try {
      await operation;
      return true;
    } catch (error) {
      fail(what, error);
      return false;
    }
  };

  /**
   * `wx_voip_listener_hangup` (D §1.2): no session exists, so no status listener reports it; the CLI prints the line
   * the hang-up gives the room (REJECTED, or BUSY) once the platform took it.
   */
  const refuseBeforeSession = async (verb: 'reject' | 'busy', roomId: string): Promise<void> => {
    const busy = verb === 'busy';
    if (!(await act(verb, device.listenerHangup(roomId, WX_HANGUP_REASON.REJECT, { busy })))) return;
    io.print(`${busy ? 'busy' : 'rejected'} room=${roomId}`);
    io.print(statusLine(busy ? WX_VOIP_STATUS.BUSY : WX_VOIP_STATUS.REJECTED, roomId, WX_HANGUP_REASON.REJECT));
  };

  const inCall = (): boolean => session !== undefined && (session.status === WX_VOIP_STATUS.CALLING || session.status === WX_VOIP_STATUS.TALKING);

  const command = async (line: string): Promise<void> => {
    const [verb, argument] = line.trim().split(/\s+/, 2);
    if (!verb || !session) return;
    const roomId = argument ?? pending;
    switch (verb) {
      case 'ring': {
        if (!argument) return io.printError('error ring: give the relayed roomId: ring <roomId>');
        if (inCall()) {
          io.print(`incoming room=${argument}: busy, already in room ${session.roomId()}`);
          return refuseBeforeSession('busy', argument);
        }
        pending = argument;
        if (options.auto === 'none') return io.print(`incoming room=${argument}: type "answer" or "reject"`);
        io.print(`incoming room=${argument}`);
        return command(`${options.auto} ${argument}`);
      }
      case 'answer':
        if (!roomId) return io.printError('error answer: no relayed call; ring <roomId> first');
        pending = undefined;
        io.print(`answering room=${roomId}`);
        await act('answer', session.listenerJoin(roomId));
        return;
      case 'reject':
      case 'busy':
        if (!roomId) return io.printError(`error ${verb}: no relayed call; ring <roomId> first`);
        pending = undefined;
        return refuseBeforeSession(verb, roomId);
      case 'call': {
        if (!argument) return io.printError('error call: give the openId: call <openId>');
        io.print(`calling ${argument}`);
        try {
          io.print(`placed room=${await session.call({ id: argument })}`);
        } catch (error) {
          fail('call', error);
        }
        return;
      }
      case 'hangup':
        await act('hangup', session.hangup(WX_HANGUP_REASON.MANUAL));
        return;
      case 'quit':
        return shutdown(0);
      default:
        io.printError(`error: unknown command "${verb}" (ring, answer, reject, busy, call, hangup, quit)`);
    }
  };

  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (session?.alive) session.destroy();
    if (device.initialised) await device.stop().catch((error: unknown) => fail('stop', error));
    io.print('stopped');
    finish(code);
  };

  const connect = async (): Promise<boolean> => {
    try {
      await device.init(config);
      return true;
    } catch (error) {
      fail('init', error);
      return false;
    }
  };

  device.onDisconnected((reason) => {
    io.print(`offline reason=${reason}`);
    const retry = async (): Promise<void> => {
      while (!stopping) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        if (stopping) return;
        if (await connect()) return io.print('online again');
      }
    };
    void retry();
  });

  const start = async (): Promise<void> => {
    io.print(`wxvoip-device linux: ${options.sn} (${options.model}) of ${options.appId} on ${options.platform}`);
    if (!(await connect())) return finish(1);
    if (!device.deviceIsRegistered()) {
      let ticket = options.snTicket;
      if (ticket === undefined && options.appSecret !== undefined) {
        try {
          ticket = await fetchSnTicket({ platform: options.platform, appId: options.appId, secret: options.appSecret, sn: options.sn, modelId: options.model, namespace: options.namespace });
        } catch (error) {
          fail('getsnticket', error);
        }
      }
      if (ticket === undefined) {
        io.printError(`error register: ${options.dataDir} holds no registration; pass --sn-ticket <ticket> (from POST /wxa/getsnticket) or --app-secret <secret>`);
        await device.stop();
        return finish(2);
      }
      try {
        await device.deviceRegister(ticket);
        io.print('register: WXERROR_OK');
      } catch (error) {
        if (error instanceof WxError && error.errorName === 'ALREADY_EXISTS') io.print('register: WXERROR_ALREADY_EXISTS (registered before)');
        else {
          fail('register', error);
          await device.stop();
          return finish(1);
        }
      }
    }
    session = device.sessionNew({
      session_type: options.video ? WX_VOIP_SESSION_TYPE.VIDEO : WX_VOIP_SESSION_TYPE.AUDIO,
      listener: (status, { roomId, reason }) => {
        io.print(statusLine(status, roomId, reason));
        if (WX_VOIP_TERMINAL_STATUSES.includes(status) && pending === roomId) pending = undefined;
      },
    });
    io.print(`online as ${device.partyId ?? '?'}; registered in ${options.dataDir}; auto=${options.auto}`);
    io.print('ready: ring <roomId> | answer | reject | busy | call <openId> | hangup | quit');
    if (options.call !== undefined) await command(`call ${options.call}`);
  };

  let queue = Promise.resolve();
  const lines = createInterface({ input: io.input });
  lines.on('line', (line) => {
    queue = queue.then(() => command(line)).catch((error: unknown) => fail('command', error));
  });
  void done.then(() => lines.close());
  queue = start().catch((error: unknown) => {
    fail('start', error);
    finish(1);
  });
  return { done, stop: () => void shutdown(0) };
}
