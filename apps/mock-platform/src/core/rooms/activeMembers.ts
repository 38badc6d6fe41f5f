/** A member of a call: a user of a mini program, or a device. */
export type CallMember = { kind: 'user'; appId: string; openId: string } | { kind: 'device'; sn: string };

/**
 * Which active room each user and device is in, for busy checks. Keyed by the members' own strings (users by appId,
 * then openId), so that no key string is built per room or per lookup (issue 19).
 */
export class ActiveMembers {
  private readonly users = new Map<string, Map<string, string>>();
  private readonly devices = new Map<string, string>();

  /** The roomId a member is in, if any. */
  get(member: CallMember): string | undefined {
    return member.kind === 'user' ? this.users.get(member.appId)?.get(member.openId) : this.devices.get(member.sn);
  }

  /** Whether a member is in an active room. */
  has(member: CallMember): boolean {
    return this.get(member) !== undefined;
  }

  /** Puts a member in a room. */
  set(member: CallMember, roomId: string): void {
    if (member.kind === 'device') {
      this.devices.set(member.sn, roomId);
      return;
    }
    let openIds = this.users.get(member.appId);
    if (!openIds) this.users.set(member.appId, (openIds = new Map()));
    openIds.set(member.openId, roomId);
  }

  /** Takes a member out of `roomId`; a no-op when it is in another room (or none). */
  release(member: CallMember, roomId: string): void {
    if (member.kind === 'device') {
      if (this.devices.get(member.sn) === roomId) this.devices.delete(member.sn);
      return;
    }
    const openIds = this.users.get(member.appId);
    if (openIds?.get(member.openId) !== roomId) return;
    openIds.delete(member.openId);
    if (openIds.size === 0) this.users.delete(member.appId);
  }
}
