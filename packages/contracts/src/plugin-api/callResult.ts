import { z } from 'zod';
import { RoomId } from '../common/identifiers.js';

/**
 * What `callDevice` resolves with (P §4): the room id only. There is no `isSuccess`: every failure is
 * thrown as a `VoipError`.
 */
export const CallDeviceResult = z.object({ roomId: RoomId });
/** What `callDevice` resolves with. */
export type CallDeviceResult = z.infer<typeof CallDeviceResult>;

/** What `callWMPF` resolves with (P §4): the room id only; failures are thrown. */
export const CallWmpfResult = z.object({ roomId: RoomId });
/** What `callWMPF` resolves with. */
export type CallWmpfResult = z.infer<typeof CallWmpfResult>;
