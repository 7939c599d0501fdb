import type { TSESLint } from '@typescript-eslint/utils';
import {
  DEFAULT_MAX_ACCESS_TOKEN_MINUTES,
  DEFAULT_MAX_REFRESH_TOKEN_DAYS,
  formatDuration,
  maxLifetime,
  type Limits,
} from '../detectors/jwt.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, visitorsByLanguage } from '../util/languages.js';
import { javascriptVisitors } from './no-insecure-jwt/javascript.js';
import { pythonVisitors } from './no-insecure-jwt/python.js';

export type Options = [{ maxAccessTokenMinutes?: number; maxRefreshTokenDays?: number }];
export type MessageIds =
  | 'noneAlgorithm'
  | 'noneAccepted'
  | 'signatureNotVerified'
  | 'unverifiedDecode'
  | 'missingExpiry'
  | 'expiryDisabled'
  | 'accessTokenLifetime'
  | 'refreshTokenLifetime'
  | 'removeNone'
  | 'verifySignature'
  | 'shortenLifetime'
  | 'addExpiry';
export type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
export type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** A lifetime that the rule could compute, where it is written, and how to write the maximum there. */
export interface Lifetime {
  seconds: number;
  /** The text range to replace to change it. */
  range: [number, number];
  /** The maximum, written as the range's text would be; undefined when no simple rewrite exists. */
  replacement: (maxSeconds: number) => string | undefined;
}

export type Report = (
  range: readonly [number, number],
  messageId: MessageIds,
  data?: Record<string, string>,
  suggest?: Suggestion[],
) => void;

/** Reports a text range once per message (a constant reached from two sites is one finding), in any language. */
export function createReporter(context: Context): Report {
  const reported = new Set<string>();
  const sourceCode = context.sourceCode as unknown as { getLocFromIndex(index: number): { line: number; column: number } };
  return (range, messageId, data = {}, suggest = []) => {
    const key = `${messageId}@${range[0]}:${range[1]}`;
    if (reported.has(key)) return;
    reported.add(key);
    const loc = { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
    context.report({ loc, messageId, data, suggest });
  };
}

/** The data and suggestion of a lifetime over the limit for `kind`; undefined when it is within. */
export function lifetimeFinding(
  lifetime: Lifetime,
  kind: 'access' | 'refresh',
  limits: Limits,
): { messageId: MessageIds; data: Record<string, string>; suggest: Suggestion[] } | undefined {
  const max = maxLifetime(kind, limits);
  if (!(lifetime.seconds > max)) return undefined;
  const data = { lifetime: formatDuration(lifetime.seconds), max: formatDuration(max) };
  const text = lifetime.replacement(max);
  return {
    messageId: kind === 'refresh' ? 'refreshTokenLifetime' : 'accessTokenLifetime',
    data,
    suggest: text === undefined ? [] : [{ messageId: 'shortenLifetime', data, fix: (fixer) => fixer.replaceTextRange(lifetime.range, text) }],
  };
}

/** The range to delete to remove one element of a list, with its separator. */
export function elementRemovalRange(elements: readonly { range: [number, number] }[], index: number): [number, number] {
  const element = elements[index]!;
  const next = elements[index + 1];
  if (next) return [element.range[0], next.range[0]];
  return [elements[index - 1]!.range[1], element.range[1]];
}

export default createRule<Options, MessageIds>({
  name: 'no-insecure-jwt',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.javascript, LANGUAGE_NAMES.python],
    docs: {
      description: 'Disallow unsigned or unverified JWTs, tokens without expiry and over-long token lifetimes',
      recommended: true,
      guide: ['AutonomOS › Authentication Best Practices › JWT Token Security', 'AMAS › 1.1 JWT Token Security'],
      cwe: ['CWE-347', 'CWE-613'],
      howToFix:
        'Sign tokens with a real algorithm and a short expiry (30 minutes for access tokens, 7 days for refresh tokens), and verify them with the key and an explicit list such as `algorithms: [\'HS256\']`, never `none`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          maxAccessTokenMinutes: {
            type: 'integer',
            minimum: 1,
            description: 'The longest access-token lifetime accepted, in minutes; the AutonomOS guide recommends 30.',
          },
          maxRefreshTokenDays: {
            type: 'integer',
            minimum: 1,
            description:
              'The longest lifetime accepted for refresh (and "remember me") tokens, in days; the AMAS guide uses 7.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      noneAlgorithm:
        'The JWT is created with the "none" algorithm, so it carries no signature and anyone can forge one. Sign it with HS256 (or RS256/ES256) and a secret key.',
      noneAccepted:
        '"none" is among the accepted JWT algorithms, so a token with no signature passes verification and anyone can forge one. Accept only the algorithms you sign with, such as HS256.',
      signatureNotVerified:
        "The JWT is decoded with signature verification turned off ({{option}}), so anyone can forge its claims. Verify the signature with the key and an explicit algorithms list.",
      unverifiedDecode:
        "{{call}}() does not check the token's signature, yet the claims it returns are trusted here, so anyone can forge them. Verify the token ({{verify}}) before trusting its claims.",
      missingExpiry:
        'The JWT is signed without an expiry (no "exp" claim{{option}}), so it stays valid forever once issued or stolen. Give it a lifetime of at most {{max}}.',
      expiryDisabled:
        'Token expiry is turned off ({{setting}} = False), so tokens stay valid forever once issued or stolen. Give them a lifetime of at most {{max}}.',
      accessTokenLifetime:
        'This access token lives {{lifetime}}, longer than {{max}}: a stolen token stays usable that long. Issue short-lived access tokens and renew them with a refresh token.',
      refreshTokenLifetime:
        'This refresh token lives {{lifetime}}, longer than {{max}}: a stolen one keeps minting access tokens that long. Expire and rotate refresh tokens within {{max}}.',
      removeNone: 'Remove "none" from the accepted algorithms.',
      verifySignature: 'Turn signature verification back on.',
      shortenLifetime: 'Set the lifetime to {{max}}.',
      addExpiry: 'Add an expiry of {{max}}.',
    },
  },
  defaultOptions: [{ maxAccessTokenMinutes: DEFAULT_MAX_ACCESS_TOKEN_MINUTES, maxRefreshTokenDays: DEFAULT_MAX_REFRESH_TOKEN_DAYS }],
  create(context, [options]) {
    const limits: Limits = {
      maxAccessTokenMinutes: options.maxAccessTokenMinutes ?? DEFAULT_MAX_ACCESS_TOKEN_MINUTES,
      maxRefreshTokenDays: options.maxRefreshTokenDays ?? DEFAULT_MAX_REFRESH_TOKEN_DAYS,
    };
    return visitorsByLanguage(context, {
      javascript: () => javascriptVisitors(context, limits),
      python: () => pythonVisitors(context, limits),
    });
  },
});
