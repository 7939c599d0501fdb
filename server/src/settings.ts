import type { Connection } from 'vscode-languageserver';

/**
 * Resource-scoped settings (`hardening.*`). Read per document through
 * `workspace/configuration` when the client answers it, else from the last
 * `didChangeConfiguration`; cached per document until a change invalidates them.
 */

export type RunMode = 'onType' | 'onSave';

/** As vscode-eslint's `eslint.rules.customizations`: the last matching entry wins. */
export type SeverityOverride = 'off' | 'info' | 'warn' | 'error' | 'downgrade' | 'upgrade' | 'default';

export interface RuleCustomization {
  /** A glob on the rule id (`hardening/*`, `*sql*`); a leading `!` matches the rules it does not. */
  rule: string;
  severity: SeverityOverride;
}

export interface HardeningSettings {
  /** Lint files with Hardening's rules. */
  enable: boolean;
  /** Lint as you type, or only when a file is opened or saved. */
  run: RunMode;
  rulesCustomizations: RuleCustomization[];
  /** Globs (relative to the workspace folder, or absolute) of files never linted. */
  exclude: string[];
  /** In a trusted workspace, lint with the workspace's `eslint.config.*` when it includes the plugin. */
  useWorkspaceConfig: boolean;
}

export const DEFAULT_SETTINGS: Readonly<HardeningSettings> = Object.freeze({
  enable: true,
  run: 'onType',
  rulesCustomizations: [],
  exclude: [],
  useWorkspaceConfig: true,
});

export const SETTINGS_SECTION = 'hardening';

const SEVERITIES = new Set<SeverityOverride>(['off', 'info', 'warn', 'error', 'downgrade', 'upgrade', 'default']);

/** Unknown or mistyped values fall back to the defaults, one by one; bad list entries are dropped. */
export function normalizeSettings(raw: unknown): HardeningSettings {
  const value = isRecord(raw) ? raw : {};
  const rules = isRecord(value.rules) ? value.rules : {};
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    rulesCustomizations: Array.isArray(rules.customizations)
      ? rules.customizations.filter(isCustomization).map(({ rule, severity }) => ({ rule, severity }))
      : [],
    exclude: Array.isArray(value.exclude)
      ? value.exclude.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '')
      : [],
    useWorkspaceConfig:
      typeof value.useWorkspaceConfig === 'boolean' ? value.useWorkspaceConfig : DEFAULT_SETTINGS.useWorkspaceConfig,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function isCustomization(entry: unknown): entry is RuleCustomization {
  return (
    isRecord(entry) &&
    typeof entry.rule === 'string' &&
    entry.rule !== '' &&
    typeof entry.severity === 'string' &&
    SEVERITIES.has(entry.severity as SeverityOverride)
  );
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
    if (!this.pullSupported && isRecord(pushed)) {
      this.#pushed = normalizeSettings(pushed[SETTINGS_SECTION]);
    }
  }

  forget(uri: string): void {
    this.#cache.delete(uri);
  }
}
