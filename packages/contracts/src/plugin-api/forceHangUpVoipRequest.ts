import type { z } from 'zod';
import { RoomId } from '../common/identifiers.js';

/**
 * `forceHangUpVoip(roomId?)` argument (P §5.1). Omitted: end whatever call is in progress. Given
 * (plugin ≥ 2.3.2): end the call only if it is that room; otherwise nothing happens (P §12.15).
 */
export const ForceHangUpVoipRequest = RoomId.optional();
/** `forceHangUpVoip` argument. */
export type ForceHangUpVoipRequest = z.infer<typeof ForceHangUpVoipRequest>;
