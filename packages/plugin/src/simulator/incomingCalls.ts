import { parseWmpfCallPagePath, type IncomingCallMessage, type PageQuery, type WechatReminderNotice } from '@wxvoip/contracts';
import { parseQueryString, type CallState } from './callState.js';
import type { ReceivedWmpfPush } from './wmpfHostControl.js';

/** A phone reminder of an incoming call (P §9.1): the room and what WeChat showed. */
export interface IncomingReminder {
  /** The call's roomId. */
  readonly roomId: string;
  /** What the reminder showed (caller, room type, build, custom query). */
  readonly notice: WechatReminderNotice;
}

/**
 * How an incoming call reaches the plugin's host: a reminder on the phone, or a WMPF push message to the device's
 * Android app (P §9.1). Each is recorded (bounded) and handed to the host's listeners; the call page opens it later.
 */
export class IncomingCalls {
  private readonly reminderLog: IncomingReminder[] = [];
  private readonly reminderListeners = new Set<(reminder: IncomingReminder) => void>();
  private readonly pushLog: ReceivedWmpfPush[] = [];
  private readonly pushListeners = new Set<(push: ReceivedWmpfPush) => void>();

  constructor(private readonly state: CallState) {}

  /** Phone reminders received. */
  get reminders(): readonly IncomingReminder[] {
    return this.reminderLog;
  }

  /** Registers a reminder listener. */
  onReminder(listener: (reminder: IncomingReminder) => void): () => void {
    this.reminderListeners.add(listener);
    return () => this.reminderListeners.delete(listener);
  }

  /** WMPF pushes received. */
  get pushes(): readonly ReceivedWmpfPush[] {
    return this.pushLog;
  }

  /** Registers a push listener. */
  onPush(listener: (push: ReceivedWmpfPush) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  /** The newest reminder whose call still rings. */
  pendingReminder(): IncomingReminder | undefined {
    return [...this.reminderLog].reverse().find((r) => this.state.incoming.get(r.roomId)?.ended === false);
  }

  /** An incoming-call push from the platform. */
  receive(message: IncomingCallMessage): void {
    const notice = message.notice;
    if (notice.via === 'wechatReminder') {
      const query: PageQuery = { roomType: notice.roomType, groupId: message.roomId, ...(notice.customQuery ? parseQueryString(notice.customQuery) : {}) };
      this.state.rememberIncoming(message.roomId, { via: 'wechatReminder', ended: false, callerId: notice.caller.id, listenerId: notice.listenerOpenId, query });
      const reminder = { roomId: message.roomId, notice };
      this.state.record(this.reminderLog, reminder);
      for (const listener of [...this.reminderListeners]) listener(reminder);
      return;
    }
    const path = parseWmpfCallPagePath(notice.message.path);
    const query: PageQuery = { roomType: path.roomType, groupId: path.groupId, listenerId: path.listenerId, callerName: path.callerName, ...parseQueryString(path.customQuery) };
    this.state.rememberIncoming(message.roomId, { via: 'wmpfPush', ended: false, callerId: '', listenerId: path.listenerId, query });
    const push = { roomId: message.roomId, pushToken: notice.pushToken, message: notice.message };
    this.state.record(this.pushLog, push);
    for (const listener of [...this.pushListeners]) listener(push);
  }
}
