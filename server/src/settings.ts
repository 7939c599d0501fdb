import type { Connection } from 'vscode-languageserver';

/**
 * Resource-scoped settings (`hardening.*`). Read per document through
 * `workspace/configuration` when the client answers it, else from the last
 * `didChangeConfiguration`; cached per document until a change invalidates them.
 */

export interface HardeningSettings {
  /** Lint files with Hardening's rules. */
  enable: boolean;
}

export const DEFAULT_SETTINGS: Readonly<HardeningSettings> = Object.freeze({ enable: true });

export const SETTINGS_SECTION = 'hardening';

/** Unknown or mistyped values fall back to the defaults, one by one. */
export function normalizeSettings(raw: unknown): HardeningSettings {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable };
}

export class SettingsStore {
  readonly #cache = new Map<string, Promise<HardeningSettings>>();
  /** For clients without `workspace/configuration`: what they pushed last. */
  #pushed: HardeningSettings = { ...DEFAULT_SETTINGS };

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    private readonly onError: (message: string) => void,
  ) {}

  get(uri: string): Promise<HardeningSettings> {
    if (!this.pullSupported) return Promise.resolve(this.#pushed);
    let settings = this.#cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, (error: unknown) => {
          this.onError(`Could not read the ${SETTINGS_SECTION} settings for ${uri}: ${String(error)}`);
          this.#cache.delete(uri);
          return { ...DEFAULT_SETTINGS };
        });
      this.#cache.set(uri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: drop every cached value; keep pushed ones. */
  changed(pushed: unknown): void {
    this.#cache.clear();
    if (!this.pullSupported && pushed && typeof pushed === 'object') {
      this.#pushed = normalizeSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }

  forget(uri: string): void {
    this.#cache.delete(uri);
  }
}
