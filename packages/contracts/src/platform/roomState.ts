import { z } from 'zod';

/**
 * Lifecycle phase of a room (D §10.2, P §13.4; the names are [I]): `created` (checks running), `ringing`
 * (listener alerted, 60 s timer), `connecting` (answered; one side joined, 20 s wait for the other), `talking`
 * (both joined; billed), `ended` (see {@link RoomOutcome}).
 */
export const RoomState = z.enum(['created', 'ringing', 'connecting', 'talking', 'ended'], {
  errorMap: () => ({ message: "state must be one of 'created', 'ringing', 'connecting', 'talking', 'ended'" }),
});
/** Lifecycle phase of a room. */
export type RoomState = z.infer<typeof RoomState>;

/**
 * How an ended room ended (D §10.2 terminal states; Linux status numbers in brackets):
 * `cancelled` caller gave up before connect [4]; `rejected` listener refused [3]; `busy` listener in another
 * call [8]; `timeout` 60 s without answer [9]; `aborted` failure or 20 s caller absence [7];
 * `hungUpByCaller` [5]; `hungUpByListener` [6]; `timeLimit` the call reached its `timeLimit`;
 * `callbackRefused` cloud mode: the developer's server answered non-zero or never answered (D §2.2) [I name].
 */
export const RoomOutcome = z.enum(
  ['cancelled', 'rejected', 'busy', 'timeout', 'aborted', 'hungUpByCaller', 'hungUpByListener', 'timeLimit', 'callbackRefused'],
  {
    errorMap: () => ({
      message:
        "outcome must be one of 'cancelled', 'rejected', 'busy', 'timeout', 'aborted', 'hungUpByCaller', 'hungUpByListener', 'timeLimit', 'callbackRefused'",
    }),
  },
);
/** How an ended room ended. */
export type RoomOutcome = z.infer<typeof RoomOutcome>;

/** Which end of a call a party is on. */
export const RoomSide = z.enum(['caller', 'listener'], {
  errorMap: () => ({ message: "side must be 'caller' or 'listener'" }),
});
/** Which end of a call a party is on. */
export type RoomSide = z.infer<typeof RoomSide>;

/** Who called whom (D §10.1). */
export const CallDirection = z.enum(['deviceToPhone', 'phoneToDevice']);
/** Who called whom. */
export type CallDirection = z.infer<typeof CallDirection>;

/** How the device end is attached (D §0.2, §10.1): Android WMPF, Linux direct, or cloud-to-cloud (RTOS). */
export const CallTransport = z.enum(['wmpf', 'linux', 'cloud']);
/** How the device end is attached. */
export type CallTransport = z.infer<typeof CallTransport>;
