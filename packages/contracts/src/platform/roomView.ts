import { z } from 'zod';
import { RoomId, RoomType } from '../common/identifiers.js';
import { CameraStatus, ChargeType } from '../plugin-api/index.js';
import { PartyId } from './party.js';
import { CallDirection, CallTransport, RoomOutcome, RoomSide, RoomState } from './roomState.js';

const instant = z.number().int().nonnegative();

/**
 * One end of a call: a user (`id` = openId) or a device (`id` = SN), the name shown, the camera at start,
 * the connected party acting for it (if any) and whether it has joined the media room.
 */
export const RoomMember = z.object({
  kind: z.enum(['user', 'device']),
  id: z.string().min(1, 'id must not be empty'),
  name: z.string().nullable(),
  cameraStatus: CameraStatus,
  partyId: PartyId.nullable(),
  joinedAt: instant.nullable(),
});
/** One end of a call. */
export type RoomMember = z.infer<typeof RoomMember>;

/**
 * A room as any observer may see it, without its secrets: phase, outcome, the two ends, billing and timestamps
 * (platform ms). `keepTimeSec` is talk time so far, and once ended the billed seconds (only talking is billed, D §8).
 */
export const RoomSnapshot = z.object({
  roomId: RoomId,
  roomType: RoomType,
  state: RoomState,
  outcome: RoomOutcome.nullable(),
  direction: CallDirection,
  transport: CallTransport,
  /** initByCaller's businessType when the room came from initByCaller, else null. */
  businessType: z.number().int().nonnegative().nullable(),
  chargeType: ChargeType.nullable(),
  caller: RoomMember,
  listener: RoomMember,
  timeLimitSec: z.number().positive().nullable(),
  customQuery: z.string().nullable(),
  createdAt: instant,
  ringingAt: instant.nullable(),
  answeredAt: instant.nullable(),
  talkStartedAt: instant.nullable(),
  endedAt: instant.nullable(),
  keepTimeSec: z.number().int().nonnegative(),
});
/** A room as any observer may see it. */
export type RoomSnapshot = z.infer<typeof RoomSnapshot>;

/** A room as one connected party sees it on the transport: the snapshot plus the party's side. */
export const RoomView = RoomSnapshot.extend({ side: RoomSide });
/** A room as one connected party sees it. */
export type RoomView = z.infer<typeof RoomView>;
