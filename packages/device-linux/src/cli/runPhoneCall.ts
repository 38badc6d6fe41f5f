import { controlContract, NAMESPACE_HEADER, ProblemDetails, RoomDetail } from '@wxvoip/contracts';
import type { PhoneCliOptions } from './parsePhoneArgs.js';
import type { CliIo } from './runLinuxDevice.js';

/** How often the command reads the room while following it. */
const FOLLOW_INTERVAL_MS = 500;

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (whole, name: string) => (params[name] === undefined ? whole : encodeURIComponent(params[name])));
}

/**
 * Runs `wxvoip-device phone call`: places the call through the control API's `placePhoneCall`, prints the room,
 * then (unless `detach`) prints each state change until it ends. `stop()` (Ctrl-C) hangs the call up as the caller.
 * Resolves with the exit code: 0 when the call was placed, 1 when the platform refused it or could not be reached.
 */
export function runPhoneCall(options: PhoneCliOptions, io: Omit<CliIo, 'input'>): { done: Promise<number>; stop: () => void } {
  const base = options.platform.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.namespace === undefined ? {} : { [NAMESPACE_HEADER]: options.namespace }) };
  let roomId: string | undefined;
  let stopping = false;
  let wake: () => void = () => undefined;

  const request = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  const describe = (room: RoomDetail): string => `room ${room.roomId}: ${room.state}${room.outcome === null ? '' : ` (${room.outcome})`}`;

  const run = async (): Promise<number> => {
    const path = fill(controlContract.placePhoneCall.path, { appId: options.appId, openId: options.openId });
    let placed;
    try {
      placed = await request('POST', path, { sn: options.sn, roomType: options.video ? 'video' : 'voice' });
    } catch (error) {
      io.printError(`error: cannot reach the platform at ${base} (${(error as Error).message}); start one with wxvoip-mock, or pass --platform`);
      return 1;
    }
    if (placed.status !== 201) {
      const problem = ProblemDetails.safeParse(placed.json);
      io.printError(`error: the call was refused (HTTP ${placed.status}): ${problem.success ? problem.data.detail : JSON.stringify(placed.json)}`);
      return 1;
    }
    const room = RoomDetail.parse(placed.json);
    roomId = room.roomId;
    io.print(`${options.openId} is calling ${options.sn}: ${describe(room)}`);
    if (room.transport === 'linux' && room.outcome === null) io.print(`relay it to the device: type "ring ${room.roomId}" in its wxvoip-device linux`);
    io.print(`see it in the inspector: ${base}/__inspector`);
    if (options.detach) return 0;
    let last = room.state;
    while (!stopping) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, FOLLOW_INTERVAL_MS);
      });
      const now = await request('GET', fill(controlContract.getRoom.path, { roomId: room.roomId })).catch(() => null);
      if (now === null || now.status !== 200) continue;
      const current = RoomDetail.parse(now.json);
      if (current.state !== last) io.print(describe(current));
      last = current.state;
      if (current.state === 'ended') return 0;
    }
    return 0;
  };

  const done = run().catch((error: unknown) => {
    io.printError(`error: ${(error as Error).message}`);
    return 1;
  });
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    wake();
    if (roomId === undefined) return;
    void request('POST', fill(controlContract.simulateHangUp.path, { roomId }), { side: 'caller', origin: 'manual' }).then(
      (answer) => io.print(answer.status === 200 ? `hung up room ${roomId ?? ''}` : `room ${roomId ?? ''} was already over`),
      () => undefined,
    );
  };
  return { done, stop };
}
