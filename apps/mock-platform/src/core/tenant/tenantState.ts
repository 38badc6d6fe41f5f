import type { PlatformClock } from '../clock/platformClock.js';
import type { PlatformConfig } from '../config.js';
import type { IdSource } from '../ids/idSource.js';
import type { Journal } from '../journal/journal.js';
import { CredentialSweeper } from '../services/credentialSweeper.js';
import type { AccessTokenRecord, AppState, DeviceState, FaultRecord, SnTicketRecord } from './entities.js';

/**
 * The data of one namespace (one isolated platform inside a process): its clock, ids, journal, apps and the
 * indexes services share. Services hold a reference to it; nothing in it reaches another namespace.
 */
export class TenantState {
  /** Apps by appId. */
  readonly apps = new Map<string, AppState>();
  /** Every access token ever issued in this namespace, by token (expired and superseded ones give precise errcodes). */
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  /** snTickets by ticket. */
  readonly snTickets = new Map<string, SnTicketRecord>();
  /** Which app owns a device SN (SNs are unique per namespace: one device belongs to one mini program, D §0.1). */
  readonly deviceOwner = new Map<string, string>();
  /** WMPF pushTokens → SN. */
  readonly pushTokens = new Map<string, { appId: string; sn: string }>();
  /** deviceTokens (voipToken) → SN. */
  readonly deviceTokens = new Map<string, { appId: string; sn: string }>();
  /** WMPF device ids added with `runtime/adddevice` → the appId whose token added them (D §3.1). */
  readonly runtimeDevices = new Map<string, string>();
  /** Injected faults by faultId, in creation order (FaultBook). */
  readonly faults = new Map<string, FaultRecord>();
  /** Forgets expired and superseded credentials on the platform clock (the services call it when they issue). */
  readonly credentials: CredentialSweeper = new CredentialSweeper(this);

  constructor(
    readonly namespace: string,
    readonly clock: PlatformClock,
    readonly ids: IdSource,
    readonly journal: Journal,
    readonly config: PlatformConfig,
  ) {}

  /** Current platform time in ms. */
  now(): number {
    return this.clock.now();
  }

  /** Current platform time in whole Unix seconds (WeChat's `expire_time`, `CreateTime`). */
  nowSec(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** The app, or undefined. */
  app(appId: string): AppState | undefined {
    return this.apps.get(appId);
  }

  /** The device with this SN and the app it belongs to, or undefined. */
  device(sn: string): { app: AppState; device: DeviceState } | undefined {
    const appId = this.deviceOwner.get(sn);
    const app = appId === undefined ? undefined : this.apps.get(appId);
    const device = app?.devices.get(sn);
    return app && device ? { app, device } : undefined;
  }

  /** Adds a device to an app and to the SN index. */
  addDevice(app: AppState, device: DeviceState): void {
    app.devices.set(device.sn, device);
    this.deviceOwner.set(device.sn, app.appId);
  }
}
