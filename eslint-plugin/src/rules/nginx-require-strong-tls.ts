import type { TSESLint } from '@typescript-eslint/utils';
import type { CipherWeakness, MinimumProtocol, TlsProtocol, WeakCipherFinding } from '../detectors/tls.js';
import {
  GUIDE_CIPHERS,
  PROTOCOL_WEAKNESS,
  WEAKNESS_INFO,
  analyzeCipherString,
  isBelow,
  joinList,
  parseProtocol,
  protocolsFrom,
  removalRange,
} from '../detectors/tls.js';
import type { NginxArgument, NginxConfig, NginxDirective } from '../languages/nginx/nginx-node.js';
import type { SourceLocation } from '../languages/shared/tree.js';
import { parentOf } from '../languages/shared/tree.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';

export type Options = [{ minProtocol?: MinimumProtocol }];
export type MessageIds =
  | 'weakProtocol'
  | 'belowMinimum'
  | 'weakCiphers'
  | 'weakCipherSuite'
  | 'removeCipherSuite'
  | 'excludeWeakCiphers'
  | 'useGuideCiphers';

/**
 * The TLS settings that come in pairs: to clients (`ssl_`, in http, mail and
 * stream), to upstreams (`proxy_ssl_`, `grpc_ssl_`, `uwsgi_ssl_`), to cluster
 * peers (`zone_sync_ssl_`) and njs `ngx.fetch` (`js_fetch_`).
 */
const PREFIXES = ['ssl_', 'proxy_ssl_', 'grpc_ssl_', 'uwsgi_ssl_', 'zone_sync_ssl_', 'js_fetch_'];
const PROTOCOL_DIRECTIVES = new Set(PREFIXES.map((prefix) => `${prefix}protocols`));
const CIPHER_DIRECTIVES = new Set(PREFIXES.map((prefix) => `${prefix}ciphers`));
/** Blocks whose entries are data (map keys, MIME types), not directives. */
const DATA_BLOCKS = new Set(['map', 'geo', 'types', 'split_clients', 'charset_map']);

export default createRule<Options, MessageIds>({
  name: 'nginx-require-strong-tls',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.nginx],
    docs: {
      description: 'Require nginx to allow only TLS 1.2+ and strong cipher suites',
      recommended: true,
      guide: ['AutonomOS › Network Security › TLS/SSL Configuration', 'AMAS › 4.1 HTTPS/TLS'],
      cwe: ['CWE-326', 'CWE-327'],
      howToFix:
        'Set `ssl_protocols TLSv1.2 TLSv1.3;` and list only strong ECDHE AEAD suites in `ssl_ciphers`, such as `ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384`.',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minProtocol: {
            type: 'string',
            enum: ['TLSv1.2', 'TLSv1.3'],
            description:
              'The lowest protocol to allow. "TLSv1.2" (the default) follows the guides; "TLSv1.3" also reports TLSv1.2.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      weakProtocol: '{{directive}} enables {{protocol}}, which {{weakness}}. Allow only {{allowed}}.',
      belowMinimum:
        '{{directive}} enables {{protocol}}, below the minimum of {{minimum}} this project requires. Allow only {{allowed}}.',
      weakCiphers:
        '{{directive}} enables {{suites}} cipher suites through "{{element}}". Exclude them with "{{exclusions}}" or list only strong suites.',
      weakCipherSuite:
        '{{directive}} enables the {{suites}} cipher suite "{{element}}". Remove it and allow only strong suites.',
      removeCipherSuite: 'Remove "{{element}}" from the cipher list.',
      excludeWeakCiphers: 'Append "{{exclusions}}" to the cipher list.',
      useGuideCiphers: `Replace the cipher list with the guide's "${GUIDE_CIPHERS}".`,
    },
  },
  defaultOptions: [{ minProtocol: 'TLSv1.2' }],
  create(context, [{ minProtocol = 'TLSv1.2' }]) {
    const sourceCode = treeSourceCode<NginxConfig>(context);
    const text = sourceCode.text;
    const allowed = protocolsFrom(minProtocol);

    function isDataEntry(directive: NginxDirective): boolean {
      for (let node = parentOf<NginxDirective>(directive); node?.type === 'Directive'; node = parentOf(node)) {
        if (DATA_BLOCKS.has(node.name)) return true;
      }
      return false;
    }

    /** The quote an argument was written with, or '' if bare. */
    function quoteOf(argument: NginxArgument): string {
      return argument.quoted ? text[argument.range[0]]! : '';
    }

    /** Where the argument's value starts in the file, when value offsets map one-to-one onto the source. */
    function valueStart(argument: NginxArgument): number | null {
      const raw = text.slice(argument.range[0], argument.range[1]);
      if (!argument.quoted) return raw === argument.value ? argument.range[0] : null;
      return raw.slice(1, 1 + argument.value.length) === argument.value ? argument.range[0] + 1 : null;
    }

    function locOf(start: number, end: number): SourceLocation {
      return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) };
    }

    function hasCommentBetween(start: number, end: number): boolean {
      return sourceCode.comments.some((comment) => comment.range[0] >= start && comment.range[1] <= end);
    }

    function protocolsOf(directive: NginxDirective): TlsProtocol[] | null {
      const protocols = directive.args.map((argument) => parseProtocol(argument.value));
      return protocols.length > 0 && protocols.every((p): p is TlsProtocol => p !== null) ? protocols : null;
    }

    function checkProtocols(directive: NginxDirective): void {
      const { args } = directive;
      if (args.length === 0 || args.some((argument) => argument.value.includes('$'))) return;
      const start = args[0]!.range[0];
      const end = args[args.length - 1]!.range[1];
      const quote = quoteOf(args[0]!);
      const replacement = allowed.map((protocol) => `${quote}${protocol}${quote}`).join(' ');
      const fixable = protocolsOf(directive) !== null && !hasCommentBetween(start, end);
      for (const argument of args) {
        const protocol = parseProtocol(argument.value);
        if (!protocol || !isBelow(protocol, minProtocol)) continue;
        const fix = fixable ? (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange([start, end], replacement) : null;
        if (protocol === 'TLSv1.2') {
          context.report({
            loc: argument.loc,
            messageId: 'belowMinimum',
            data: { directive: directive.name, protocol, minimum: minProtocol, allowed: joinList(allowed) },
            fix,
          });
        } else {
          context.report({
            loc: argument.loc,
            messageId: 'weakProtocol',
            data: {
              directive: directive.name,
              protocol,
              weakness: PROTOCOL_WEAKNESS[protocol as keyof typeof PROTOCOL_WEAKNESS],
              allowed: joinList(allowed),
            },
            fix,
          });
        }
      }
    }

    /** The directives of one name in a block and below it. */
    function* descendants(directives: readonly NginxDirective[], name: string): Generator<NginxDirective> {
      for (const directive of directives) {
        if (directive.name === name) yield directive;
        if (directive.block) yield* descendants(directive.block, name);
      }
    }

    /**
     * Cipher lists only matter below TLS 1.3 (TLS 1.3 suites are configured
     * apart): skip them where the protocols in effect, here and in every block
     * that inherits this list, are TLSv1.3 only.
     */
    function onlyTls13(directive: NginxDirective): boolean {
      const twin = directive.name.replace(/ciphers$/, 'protocols');
      const isTls13Only = (candidate: NginxDirective): boolean =>
        protocolsOf(candidate)?.every((protocol) => protocol === 'TLSv1.3') ?? false;
      const siblings = (node: NginxDirective): readonly NginxDirective[] => {
        const parent = parentOf<NginxDirective | NginxConfig>(node);
        return parent?.type === 'Directive' ? (parent.block ?? []) : (parent?.children ?? []);
      };
      let inEffect: NginxDirective | undefined;
      for (let node: NginxDirective | undefined = directive; node?.type === 'Directive'; node = parentOf(node)) {
        inEffect = siblings(node).find((candidate) => candidate.name === twin);
        if (inEffect) break;
      }
      if (!inEffect || !isTls13Only(inEffect)) return false;
      return [...descendants(siblings(directive), twin)].every(isTls13Only);
    }

    function describe(weaknesses: CipherWeakness[]): string {
      return weaknesses.length <= 2
        ? joinList(weaknesses.map((weakness) => WEAKNESS_INFO[weakness].description))
        : `weak ${joinList(weaknesses)}`;
    }

    /** Whether a rewritten cipher list no longer enables these suites and still enables some. */
    function removes(value: string, suites: string[]): boolean {
      const { enabled } = analyzeCipherString(value);
      return enabled.length > 0 && !suites.some((suite) => enabled.includes(suite));
    }

    function cipherReport(directive: NginxDirective, argument: NginxArgument, finding: WeakCipherFinding): void {
      const { value } = argument;
      const start = valueStart(argument);
      const quote = quoteOf(argument);
      const exclusions = finding.exclude.map((weakness) => WEAKNESS_INFO[weakness].exclusion).join(':');
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const [removeStart, removeEnd] = removalRange(value, finding.element);
      const appended = `${/[:;, ]$/.test(value) ? '' : ':'}${exclusions}`;
      const withoutElement = value.slice(0, removeStart) + value.slice(removeEnd);
      if (finding.namesSuite && start !== null && removes(withoutElement, finding.suites)) {
        suggest.push({
          messageId: 'removeCipherSuite',
          data: { element: finding.element.text },
          fix: (fixer) => fixer.removeRange([start + removeStart, start + removeEnd]),
        });
      } else if (removes(value + appended, finding.suites)) {
        const raw = text.slice(argument.range[0], argument.range[1]);
        const insertAt = quote && raw.length > 1 && raw.endsWith(quote) ? argument.range[1] - 1 : argument.range[1];
        suggest.push({
          messageId: 'excludeWeakCiphers',
          data: { exclusions },
          fix: (fixer) => fixer.insertTextAfterRange([insertAt, insertAt], appended),
        });
      }
      suggest.push({
        messageId: 'useGuideCiphers',
        fix: (fixer) => fixer.replaceTextRange(argument.range, `${quote}${GUIDE_CIPHERS}${quote}`),
      });
      const loc = start === null ? argument.loc : locOf(start + finding.element.start, start + finding.element.end);
      const data = { directive: directive.name, element: finding.element.text };
      if (finding.namesSuite) {
        const suites = describe(finding.weaknesses);
        context.report({ loc, messageId: 'weakCipherSuite', data: { ...data, suites }, suggest });
      } else {
        const suites = describe(finding.exclude);
        context.report({ loc, messageId: 'weakCiphers', data: { ...data, suites, exclusions }, suggest });
      }
    }

    function checkCiphers(directive: NginxDirective): void {
      if (directive.args.length !== 1) return;
      const argument = directive.args[0]!;
      if (argument.value.includes('$') || onlyTls13(directive)) return;
      for (const finding of analyzeCipherString(argument.value).findings) cipherReport(directive, argument, finding);
    }

    return {
      Directive(directive: NginxDirective) {
        if (directive.block !== null) return;
        const isProtocols = PROTOCOL_DIRECTIVES.has(directive.name);
        if (!isProtocols && !CIPHER_DIRECTIVES.has(directive.name)) return;
        if (isDataEntry(directive)) return;
        if (isProtocols) checkProtocols(directive);
        else checkCiphers(directive);
      },
    };
  },
});
