import {
  TRANSPORT_PROTOCOL_VERSION,
  type ByeReason,
  type ConnectPartyRequest,
  type PartyCredential,
  type PartyInfo,
  type PushMessage,
} from '@wxvoip/contracts';
import type { TimerHandle } from '../clock/platformClock.js';
import { accept, refuse, type Outcome } from '../refusal.js';
import type { TenantState } from '../tenant/tenantState.js';

/** A push message before the registry numbers and timestamps it. */
export type PushDraft = PushMessage extends infer M ? (M extends PushMessage ? Omit<M, 'seq' | 'at'> : never) : never;

/** Where an adapter delivers a party's push messages (a WebSocket, an msw `ws` client, a test array). */
export type ChannelSink = (message: PushMessage) => void;

/** Decides whether a push is dropped by a fault; returns the fault id when it is. */
export type PushDropCheck = (partyId: string, message: PushDraft) => string | undefined;

/** A connected party: a plugin instance, a device or a vendor-cloud process. */
export interface PartyState {
  readonly partyId: string;
  readonly identity: ConnectPartyRequest;
  readonly token: string;
  readonly connectedAt: number;
  /** The room the party is in (caller or listener), if any. */
  currentRoomId: string | null;
  /** False once disconnected or vanished: its credential no longer works. */
  active: boolean;
  sink: ChannelSink | undefined;
  nextSeq: number;
  /** Seq of the last message sent or queued on the channel (dropped ones excluded): what transport answers state as `pushSeq`. */
  lastSentSeq: number;
  /** Messages waiting for a channel (bounded by `config.maxPendingPushesPerParty`). */
  readonly pending: PushMessage[];
  /** Seq of the last ping not yet answered, and how many in a row went unanswered. */
  awaitingPong: number | undefined;
  missedPongs: number;
  /** The clock turn of the last ping sent: only a ping from an earlier turn can have been answered. */
  lastPingTurn: number;
  pingTimer: TimerHandle | undefined;
}

/**
 * The parties of a namespace: who is connected, their credentials, and their push channels.
 *
 * Pushes are numbered per party (`seq` from 1) and stamped with platform time. A party whose channel is not
 * attached keeps its messages, bounded, until one attaches. An attached channel is pinged every
 * `config.pingIntervalMs`; after `config.missedPongsBeforeVanished` unanswered pings in a row the party has
 * vanished, and `onVanished` lets the room engine abort its calls. A ping counts as unanswered only when the party had
 * a chance to answer it: pings that fall due in the same clock turn (one manual `advance` of a minute) do not.
 */
export class PartyRegistry {
  private readonly parties = new Map<string, PartyState>();
  private readonly byToken = new Map<string, PartyState>();
  /** Disconnected parties, oldest first: past `maxDisconnectedParties` the oldest are forgotten. */
  private readonly departed: string[] = [];
  /** Called when a party disconnects, vanishes or its channel closes; the room engine aborts its calls. */
  onVanished: (party: PartyState, reason: ByeReason) => void = () => undefined;
  /** Fault hook for dropped pushes. */
  dropCheck: PushDropCheck = () => undefined;

  constructor(private readonly state: TenantState) {}

  /** Connects a party and issues its credential (no expiry [I]: it lives until disconnect or reset). */
  connect(identity: ConnectPartyRequest): Outcome<{ party: PartyState; credential: PartyCredential }> {
    if (identity.kind !== 'vendorCloud' && !this.state.app(identity.appId)) {
      return refuse('INVALID_APPID', 'arguments', `no mini program with appId "${identity.appId}" exists in namespace "${this.state.namespace}"; seed it first`);
    }
    const party: PartyState = {
      partyId: this.state.ids.sequential('party_'),
      identity,
      token: this.state.ids.token(40),
      connectedAt: this.state.now(),
      currentRoomId: null,
      active: true,
      sink: undefined,
      nextSeq: 1,
      lastSentSeq: 0,
      pending: [],
      awaitingPong: undefined,
      missedPongs: 0,
      lastPingTurn: -1,
      pingTimer: undefined,
    };
    this.parties.set(party.partyId, party);
    this.byToken.set(party.token, party);
    return accept({ party, credential: { token: party.token, expiresAt: null } });
  }

  /** The party holding a credential: 41001 when missing, 40001 when unknown or disconnected. */
  authenticate(token: string | undefined): Outcome<PartyState> {
    if (!token) return refuse('ACCESS_TOKEN_MISSING', 'credential', 'send "authorization: Bearer <token>" with the token from connectParty');
    const party = this.byToken.get(token);
    if (!party || !party.active) {
      return refuse('INVALID_CREDENTIAL', 'credential', 'this party credential is unknown or was disconnected; connect again with connectParty');
    }
    return accept(party);
  }

  /** A party by id. */
  get(partyId: string): PartyState | undefined {
    return this.parties.get(partyId);
  }

  /** Every active party. */
  list(): PartyState[] {
    return [...this.parties.values()].filter((p) => p.active);
  }

  /** Active phone-side plugin parties of a user (all of them get an incoming-call reminder). */
  phonesOf(appId: string, openId: string): PartyState[] {
    return this.list().filter((p) => p.identity.kind === 'wechatPlugin' && p.identity.appId === appId && p.identity.openId === openId);
  }

  /** Active parties that speak for a device (its plugin inside WMPF, or the Linux/RTOS device itself). */
  devicesOf(appId: string, sn: string): PartyState[] {
    return this.list().filter(
      (p) => (p.identity.kind === 'wmpfPlugin' || p.identity.kind === 'linuxDevice' || p.identity.kind === 'rtosDevice') && p.identity.appId === appId && p.identity.sn === sn,
    );
  }

  /** The contract's view of a party. */
  info(party: PartyState): PartyInfo {
    return {
      partyId: party.partyId,
      namespace: this.state.namespace,
      identity: party.identity,
      connectedAt: party.connectedAt,
      channel: party.sink ? 'open' : 'closed',
      currentRoomId: party.currentRoomId,
    };
  }

  /** Attaches a push channel: sends `hello`, flushes waiting messages and starts pinging. Replaces an older channel. */
  attachChannel(partyId: string, sink: ChannelSink): Outcome<PartyState> {
    const party = this.parties.get(partyId);
    if (!party || !party.active) return refuse('INVALID_CREDENTIAL', 'credential', `party ${partyId} is not connected`);
    if (party.sink) this.deliver(party, { type: 'bye', reason: 'replaced' });
    party.sink = sink;
    this.deliver(party, {
      type: 'hello',
      partyId,
      kind: party.identity.kind,
      namespace: this.state.namespace,
      protocolVersion: TRANSPORT_PROTOCOL_VERSION,
      pingIntervalMs: this.state.config.pingIntervalMs,
    });
    for (const message of party.pending.splice(0)) sink(message);
    party.missedPongs = 0;
    party.awaitingPong = undefined;
    this.schedulePing(party);
    return accept(party);
  }

  /** The adapter saw the channel close: the party has vanished (its calls abort), but may attach again. */
  channelClosed(partyId: string): void {
    const party = this.parties.get(partyId);
    if (!party || !party.sink) return;
    party.sink = undefined;
    party.pingTimer?.cancel();
    party.pingTimer = undefined;
    this.onVanished(party, 'disconnected');
  }

  /** A `pong` from the party. */
  pong(partyId: string, seq: number): void {
    const party = this.parties.get(partyId);
    if (party && party.awaitingPong !== undefined && seq >= party.awaitingPong) {
      party.awaitingPong = undefined;
      party.missedPongs = 0;
    }
  }

  /** Disconnects a party: `bye`, credential dead, calls aborted. */
  disconnect(partyId: string, reason: ByeReason = 'disconnected'): boolean {
    const party = this.parties.get(partyId);
    if (!party || !party.active) return false;
    this.deliver(party, { type: 'bye', reason });
    party.active = false;
    party.sink = undefined;
    party.pingTimer?.cancel();
    party.pingTimer = undefined;
    this.byToken.delete(party.token);
    this.onVanished(party, reason);
    this.departed.push(party.partyId);
    while (this.departed.length > this.state.config.maxDisconnectedParties) {
      const forgotten = this.departed.shift()!;
      if (this.parties.get(forgotten)?.active === false) this.parties.delete(forgotten);
    }
    return true;
  }

  /**
   * Sends a push message to a party (numbered, journalled, possibly dropped by a fault); returns its seq. The registry
   * takes the draft over and numbers it in place: pass a fresh object for each party, and do not change it afterwards.
   * A draft may already carry `seq` and `at` (any value; both are overwritten), as the hot callers' literals do so that
   * V8 keeps them inside the object.
   */
  send(partyId: string, draft: PushDraft | PushMessage, roomId: string | null = null): number | undefined {
    const party = this.parties.get(partyId);
    if (!party || !party.active) return undefined;
    const faultId = draft.type === 'hello' || draft.type === 'bye' ? undefined : this.dropCheck(partyId, draft);
    const message = this.stamp(party, draft);
    // Two literals rather than a spread, with the seq and at the journal stamps: every push of every talking room
    // passes here (issue 19).
    this.state.journal.append(
      faultId === undefined
        ? { kind: 'push', partyId, messageType: message.type, messageSeq: message.seq, roomId, dropped: false, acknowledged: false, seq: 0, at: 0 }
        : { kind: 'push', partyId, messageType: message.type, messageSeq: message.seq, roomId, dropped: true, faultId, acknowledged: false, seq: 0, at: 0 },
    );
    if (faultId === undefined) this.route(party, message);
    return message.seq;
  }

  private deliver(party: PartyState, draft: PushDraft): void {
    this.route(party, this.stamp(party, draft));
  }

  /**
   * Numbers a draft in place: the registry takes it over, as the journal does its drafts (every caller passes a fresh
   * literal). A spread copy cost about 600 bytes per push, and every talking room pushes once a second (issue 19).
   */
  private stamp(party: PartyState, draft: PushDraft | PushMessage): PushMessage {
    const message = draft as PushDraft & { seq: number; at: number };
    message.seq = party.nextSeq++;
    message.at = this.state.now();
    return message as PushMessage;
  }

  private route(party: PartyState, message: PushMessage): void {
    party.lastSentSeq = message.seq;
    if (party.sink) {
      party.sink(message);
      return;
    }
    party.pending.push(message);
    if (party.pending.length > this.state.config.maxPendingPushesPerParty) party.pending.shift();
  }

  private schedulePing(party: PartyState): void {
    party.pingTimer?.cancel();
    party.pingTimer = this.state.clock.setTimer(this.state.config.pingIntervalMs, `party:${party.partyId} ping`, () => {
      party.pingTimer = undefined;
      if (!party.sink || !party.active) return;
      if (party.awaitingPong !== undefined) {
        if (party.lastPingTurn === this.state.clock.turn) {
          // Same clock turn as the unanswered ping (a manual jump): the party could not answer yet. Wait, don't count.
          this.schedulePing(party);
          return;
        }
        party.missedPongs++;
      }
      if (party.missedPongs >= this.state.config.missedPongsBeforeVanished) {
        this.disconnect(party.partyId, 'missedPongs');
        return;
      }
      const seq = this.send(party.partyId, { type: 'ping', seq: 0, at: 0 });
      party.lastPingTurn = this.state.clock.turn;
      if (party.awaitingPong === undefined) party.awaitingPong = seq;
      this.schedulePing(party);
    });
  }
}
