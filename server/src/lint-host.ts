import { Linter, type SourceCode } from 'eslint';
import { parse, resolve } from 'node:path';
import { recommendedConfigProvider, type ConfigProvider } from './config-provider.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { isInside } from './paths.js';

/**
 * ESLint's `Linter`, in-process, with the plugin's config: the editor-independent
 * core of the language server. Scripts (the benchmark) import it from
 * `server/out/lint-host.js`; it knows nothing of LSP.
 */

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Why a text was not linted. */
export type SkipKind = 'binary' | 'too-large' | 'no-config';

/** A crash inside ESLint (a rule that throws) caught during one lint; already logged. */
export interface LintFailure {
  /** The rule ESLint names in the error, when it names one. */
  ruleId?: string;
  message: string;
}

export interface LintOutcome {
  /** The absolute path the text was linted as. */
  filePath: string;
  /** The Linter's `cwd`: config globs are matched relative to it. */
  cwd: string;
  /** ESLint's messages, in its order; empty when skipped. Offsets in `fix`/`suggestions` index the text without a BOM. */
  messages: Linter.LintMessage[];
  /** Why nothing was linted, in words (for a log line or a diagnostic). */
  skipped?: string;
  skipKind?: SkipKind;
  /** Rules that threw. Their findings are missing; the other rules' are in `messages`. */
  failures: LintFailure[];
  /** Wall-clock time of the whole call, in milliseconds. */
  durationMs: number;
  /** The SourceCode ESLint built, when the file parsed (for callers that need the AST, e.g. JSX context). */
  sourceCode?: SourceCode;
  /** The config the file was linted with (rule docs are looked up in it). */
  config?: Linter.Config[];
}

export interface LintHostOptions {
  /**
   * The Linter's cwd, unless a lint's override names one (the server passes the
   * workspace folder that holds the file). A file outside it is linted with the root
   * of its file system as cwd, so that globs such as `**\/sites-available/**` still
   * see the whole path (ESLint answers "No matching configuration" for a file outside cwd).
   */
  cwd?: string;
  logger?: Logger;
  configProvider?: ConfigProvider;
  /** Larger texts are not linted (as-you-type budget). Default 2 MiB. */
  maxFileBytes?: number;
  /** A lint slower than this logs a warning. Default 500 ms. */
  timeBudgetMs?: number;
}

/** A config other than the provider's (the workspace's own), with the folder its globs are relative to. */
export interface ConfigOverride {
  config: Linter.Config[];
  cwd?: string;
}

export interface LintHost {
  lint(text: string, filePath: string, override?: ConfigOverride): LintOutcome;
  /** The text after ESLint's fixes (all passes), or undefined when nothing changed or it could not lint. */
  fix(text: string, filePath: string, options?: FixOptions): string | undefined;
  readonly configProvider: ConfigProvider;
}

export { DEFAULT_MAX_FILE_BYTES };
export const DEFAULT_TIME_BUDGET_MS = 500;
/** After this many rules have thrown on one text, give up on it. */
const MAX_FAILED_RULES = 3;

/** Scripts get warnings and errors on stderr; the server passes its connection. */
const stderrLogger: Logger = {
  info: () => {},
  warn: (message) => process.stderr.write(`${message}\n`),
  error: (message) => process.stderr.write(`${message}\n`),
};

export function createLintHost(options: LintHostOptions = {}): LintHost {
  const logger = options.logger ?? stderrLogger;
  const configProvider = options.configProvider ?? recommendedConfigProvider;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const linters = new Map<string, Linter>();

  function cwdFor(filePath: string): string {
    if (options.cwd !== undefined) {
      const folder = resolve(options.cwd);
      if (isInside(filePath, folder)) return folder;
    }
    return parse(filePath).root;
  }

  function linterFor(cwd: string): Linter {
    let linter = linters.get(cwd);
    if (!linter) {
      linter = new Linter({ configType: 'flat', cwd });
      linters.set(cwd, linter);
    }
    return linter;
  }

  function lint(text: string, filePath: string, override?: ConfigOverride): LintOutcome {
    const started = performance.now();
    const absolute = resolve(filePath);
    const cwd = override?.cwd ?? cwdFor(absolute);
    const outcome: LintOutcome = { filePath: absolute, cwd, messages: [], failures: [], durationMs: 0 };
    const finish = (): LintOutcome => {
      outcome.durationMs = performance.now() - started;
      if (outcome.durationMs > timeBudgetMs) {
        logger.warn(
          `Linting ${absolute} took ${Math.round(outcome.durationMs)} ms, over the ${timeBudgetMs} ms budget (${text.length} characters).`,
        );
      }
      return outcome;
    };

    const skip = contentSkip(text, maxFileBytes);
    if (skip) {
      outcome.skipKind = skip.kind;
      outcome.skipped = skip.reason;
      return finish();
    }

    const config = override?.config ?? configProvider.configFor(absolute);
    const linter = linterFor(cwd);
    const failed = new Set<string>();
    for (;;) {
      try {
        const ruleFilter = failed.size > 0 ? ({ ruleId }: { ruleId: string }) => !failed.has(ruleId) : undefined;
        outcome.messages = linter.verify(text, config, { filename: absolute, ...(ruleFilter ? { ruleFilter } : {}) });
        break;
      } catch (error) {
        const failure = describeFailure(error);
        outcome.failures.push(failure);
        logger.error(
          `${failure.ruleId ? `Rule ${failure.ruleId}` : 'ESLint'} threw while linting ${absolute}: ${failure.message}` +
            (error instanceof Error && error.stack ? `\n${error.stack}` : ''),
        );
        outcome.messages = [];
        // Run again without the rule that threw: the other rules' findings are sound.
        if (!failure.ruleId || failed.has(failure.ruleId) || failed.size >= MAX_FAILED_RULES) break;
        failed.add(failure.ruleId);
      }
    }

    if (isNoMatchingConfig(outcome.messages)) {
      outcome.messages = [];
      outcome.skipKind = 'no-config';
      outcome.skipped = `No configuration matches ${absolute} (cwd ${cwd}).`;
      return finish();
    }
    outcome.config = config;
    if (!outcome.messages.some((message) => message.fatal)) {
      // Only when this call parsed the text: after a parse error the Linter still holds the previous SourceCode.
      const sourceCode = linter.getSourceCode() as SourceCode | null;
      if (sourceCode && sourceCode.text === stripBom(text)) outcome.sourceCode = sourceCode;
    }
    return finish();
  }

  function fix(text: string, filePath: string, fixOptions: FixOptions = {}): string | undefined {
    const absolute = resolve(filePath);
    if (contentSkip(text, maxFileBytes)) return undefined;
    const cwd = fixOptions.override?.cwd ?? cwdFor(absolute);
    const config = fixOptions.override?.config ?? configProvider.configFor(absolute);
    const only = fixOptions.ruleId;
    try {
      // ESLint takes a predicate for `fix` (its typings say boolean only).
      const fix = (only ? (message: Linter.LintMessage) => message.ruleId === only : true) as boolean;
      const report = linterFor(cwd).verifyAndFix(text, config, { filename: absolute, fix });
      return report.fixed ? report.output : undefined;
    } catch (error) {
      const failure = describeFailure(error);
      logger.error(`Fixing ${absolute} failed${failure.ruleId ? ` in rule ${failure.ruleId}` : ''}: ${failure.message}`);
      return undefined;
    }
  }

  return { lint, fix, configProvider };
}

export interface FixOptions {
  override?: ConfigOverride | undefined;
  /** Apply only this rule's fixes. */
  ruleId?: string | undefined;
}

function contentSkip(text: string, maxFileBytes: number): { kind: SkipKind; reason: string } | undefined {
  // A UTF-8 byte count is at least the UTF-16 length: the cheap test first.
  const bytes = text.length > maxFileBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > maxFileBytes) {
    return {
      kind: 'too-large',
      reason: `Hardening did not lint this file: it is ${formatBytes(bytes)}, over the ${formatBytes(maxFileBytes)} limit for linting as you type. Run \`npm run scan\` (the ESLint CLI) to check it.`,
    };
  }
  if (text.includes('\u0000')) {
    return { kind: 'binary', reason: 'Hardening did not lint this file: it contains NUL bytes, so it looks binary.' };
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** ESLint lints the text without a byte order mark; so do offsets into it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}


/** ESLint's answer for a file no config block matches (or that its config ignores). */
function isNoMatchingConfig(messages: Linter.LintMessage[]): boolean {
  return (
    messages.length === 1 &&
    messages[0]!.ruleId === null &&
    messages[0]!.line === 0 &&
    messages[0]!.message.startsWith('No matching configuration found')
  );
}

/** ESLint names the rule in `ruleId` (traversal) or in the message (`create()`). */
function describeFailure(error: unknown): LintFailure {
  const message = error instanceof Error ? error.message : String(error);
  const attached = (error as { ruleId?: unknown } | null)?.ruleId;
  const ruleId =
    typeof attached === 'string'
      ? attached
      : (/\nRule: "([^"]+)"/.exec(message)?.[1] ?? /^Error while loading rule '([^']+)'/.exec(message)?.[1]);
  return ruleId ? { ruleId, message } : { message };
}
