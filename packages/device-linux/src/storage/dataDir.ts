import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File in `data_dir` that identifies this physical device (the SDK's device key: cert / rpmb_key). */
export const DEVICE_KEY_FILE = 'wxvoip-device-key.json';

/** File in `data_dir` that holds the registration, the binding (appId, modelId, SN) written by `wx_device_register`. */
export const REGISTRATION_FILE = 'wxvoip-registration.json';

/** The binding a registration burns into the device for good (D §1.4). */
export interface StoredRegistration {
  readonly appId: string;
  readonly modelId: string;
  readonly sn: string;
  /** Platform time (ms) of the registration. */
  readonly registeredAt: number;
}

/**
 * The device's persistent data directory (`wx_init_config_t.data_dir`, D §1.3): a device key created on first
 * `wx_init` (the platform tells physical devices apart by it) and the registration file. Wiping the directory
 * makes a new physical device as far as the platform knows: it cannot register the SN its old key registered
 * (`WXERROR_PERMISSION_DENIED`), as the documentation warns ("losing it cannot be recovered").
 */
export class DataDir {
  constructor(
    /** The directory. */
    readonly path: string,
  ) {}

  /** Creates the directory if needed and returns the device key, creating it on first use. Throws on a file-system error. */
  deviceKey(): string {
    mkdirSync(this.path, { recursive: true });
    const file = join(this.path, DEVICE_KEY_FILE);
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { hardwareId?: unknown };
      if (typeof stored.hardwareId === 'string' && stored.hardwareId.length > 0) return stored.hardwareId;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
    }
    const hardwareId = `hw-${randomUUID()}`;
    this.write(file, { hardwareId });
    return hardwareId;
  }

  /** The stored registration, or `undefined` when there is none or it is unreadable. */
  registration(): StoredRegistration | undefined {
    try {
      const stored = JSON.parse(readFileSync(join(this.path, REGISTRATION_FILE), 'utf8')) as Partial<StoredRegistration>;
      if (typeof stored.appId === 'string' && typeof stored.modelId === 'string' && typeof stored.sn === 'string' && typeof stored.registeredAt === 'number') {
        return { appId: stored.appId, modelId: stored.modelId, sn: stored.sn, registeredAt: stored.registeredAt };
      }
      return undefined;
    } catch {
      return undefined;
    }
  }

  /** Persists a registration (write to a temporary file, then rename). Throws on a file-system error. */
  saveRegistration(registration: StoredRegistration): void {
    this.write(join(this.path, REGISTRATION_FILE), registration);
  }

  private write(file: string, value: object): void {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    renameSync(temporary, file);
  }
}
