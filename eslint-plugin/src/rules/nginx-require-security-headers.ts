import type { ConfigBlock } from '../detectors/nginx-config.js';
import { allBlocks, enclosing, isHttpServer, isHttpsServer, locationPath, own } from '../detectors/nginx-config.js';
import { joinList } from '../detectors/tls.js';
import type { NginxConfig, NginxDirective } from '../languages/nginx/nginx-node.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';
import type { Insertion } from './nginx/edits.js';
import { directiveText, insert, linesAfterDirective, linesAtStart, nameLoc } from './nginx/edits.js';
import type { SecurityHeader } from './nginx/headers.js';
import { GUIDE_HEADERS, SECURITY_HEADERS, effectiveHeaders, inheritMode, redefinesHeaders } from './nginx/headers.js';
import { analyzeNginx } from './nginx/model.js';

export type Options = [{ headers?: SecurityHeader[] }];
export type MessageIds = 'missingHeaders' | 'missingHeadersInLocation' | 'notAlways' | 'addHeaders' | 'addAlways';

export default createRule<Options, MessageIds>({
  name: 'nginx-require-security-headers',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.nginx],
    docs: {
      description: 'Require HTTPS servers to send HSTS, CSP, X-Frame-Options, X-Content-Type-Options and Referrer-Policy',
      recommended: true,
      guide: [
        'AutonomOS › Network Security › TLS/SSL Configuration',
        'AutonomOS › Input Validation › XSS Prevention',
        'AMAS › 4.1 HTTPS/TLS',
        'AMAS › Security Checklist',
      ],
      cwe: ['CWE-693', 'CWE-1021', 'CWE-319'],
      howToFix:
        'Send HSTS, Content-Security-Policy, X-Frame-Options, X-Content-Type-Options and Referrer-Policy with `add_header … always;`, and repeat them (or include a shared snippet) in every block that has its own `add_header`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          headers: {
            type: 'array',
            items: { type: 'string', enum: SECURITY_HEADERS },
            uniqueItems: true,
            description:
              'The headers to require (default: all five). Leave one out only when every response already carries it from the application.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingHeaders:
        'This HTTPS server does not send {{headers}}. Without them browsers may load it over plain HTTP, frame it (clickjacking), sniff MIME types or run injected scripts; add them with `add_header … always;`.',
      missingHeadersInLocation:
        'Responses from {{block}} "{{path}}" do not send {{headers}}: a block with its own add_header inherits none from the levels above. Repeat the security headers here (or include a shared snippet), each with `always`.',
      notAlways:
        'add_header {{header}} has no `always`, so nginx leaves it off error responses (4xx, 5xx), which attackers can frame or sniff too. Add `always`.',
      addHeaders: "Add {{headers}} with the guide's values.",
      addAlways: 'Add `always` to send {{header}} on every response.',
    },
  },
  defaultOptions: [{ headers: SECURITY_HEADERS }],
  create(context, [{ headers: required = SECURITY_HEADERS }]) {
    const sourceCode = treeSourceCode<NginxConfig>(context);
    const text = sourceCode.text;
    const requiredLower = new Set(required.map((header) => header.toLowerCase()));
    const analysis = analyzeNginx(context);
    const reported = new Set<NginxDirective>();

    /** A level answers every request itself: a `return` here, or a TLS handshake rejected. */
    function answersItself(block: ConfigBlock): boolean {
      if (own(block, 'return').length > 0) return true;
      return own(block, 'ssl_reject_handshake').some((entry) => entry.directive.args[0]?.value === 'on');
    }

    function suggestion(block: ConfigBlock, missing: SecurityHeader[]): Insertion {
      const directive = block.directive!;
      const children = directive.block ?? [];
      const lines = missing.map((header) => `add_header ${header} ${GUIDE_HEADERS[header]} always;`);
      // Adding a first add_header here stops this level from inheriting the ones above: repeat them.
      if (own(block, 'add_header').length === 0 && inheritMode(block) === 'on') {
        const repeated = effectiveHeaders(block).addHeaders.map((entry) =>
          directiveText(entry.directive, entry.file === analysis.file ? text : null),
        );
        lines.unshift(...repeated);
      }
      const lastAddHeader = children.filter((child) => child.name === 'add_header').pop();
      const firstBlock = children.findIndex((child) => child.block !== null);
      const anchor: NginxDirective | undefined =
        lastAddHeader ?? (firstBlock === -1 ? children[children.length - 1] : children[firstBlock - 1]);
      return anchor ? linesAfterDirective(text, directive, anchor, lines) : linesAtStart(text, directive, lines);
    }

    function checkLevel(block: ConfigBlock, isServer: boolean): void {
      if (block.file !== analysis.file || !block.directive || reported.has(block.directive)) return;
      if (answersItself(block)) return;
      const { headers, unknown } = effectiveHeaders(block);
      if (unknown) return;
      const missing = required.filter((header) => !headers.has(header.toLowerCase()));
      if (missing.length === 0) return;
      reported.add(block.directive);
      const insertion = suggestion(block, missing);
      const data = {
        headers: joinList(missing),
        block: block.context === 'if' ? 'the if block' : 'location',
        path: locationPath(block),
      };
      context.report({
        loc: nameLoc(block.directive),
        messageId: isServer ? 'missingHeaders' : 'missingHeadersInLocation',
        data,
        suggest: [
          {
            messageId: 'addHeaders',
            data,
            fix: (fixer) => insert(fixer, insertion),
          },
        ],
      });
    }

    /** Locations (any depth) and `if` blocks in them that set their own headers, and so drop the inherited ones. */
    function checkNested(block: ConfigBlock): void {
      for (const child of block.blocks) {
        if (child.context !== 'location' && child.context !== 'if' && child.context !== 'limit_except') continue;
        if (child.context !== 'limit_except' && redefinesHeaders(child)) checkLevel(child, false);
        checkNested(child);
      }
    }

    function checkAlways(directive: NginxDirective): void {
      const [name, value, flag] = directive.args;
      if (!name || !value || value.value === '' || flag || !requiredLower.has(name.value.toLowerCase())) return;
      const end = value.range[1];
      context.report({
        loc: directive.loc,
        messageId: 'notAlways',
        data: { header: name.value },
        suggest: [
          {
            messageId: 'addAlways',
            data: { header: name.value },
            fix: (fixer) => fixer.insertTextAfterRange([end, end], ' always'),
          },
        ],
      });
    }

    return {
      Config() {
        const blocks = [...allBlocks(analysis.top)];
        const servers = blocks.filter(isHttpServer);
        // Headers outside any server apply to HTTPS responses only if there are HTTPS servers (or none is visible).
        const outsideServersMatter = servers.length === 0 || servers.some(isHttpsServer);
        const seen = new Set<NginxDirective>();
        for (const block of blocks) {
          if (isHttpsServer(block) && !answersItself(block)) {
            checkLevel(block, true);
            checkNested(block);
          }
          for (const entry of own(block, 'add_header')) {
            if (entry.file !== analysis.file || seen.has(entry.directive)) continue;
            seen.add(entry.directive);
            const server = block.context === 'server' ? block : enclosing(block, 'server');
            const inHttpServer = server !== null && isHttpServer(server);
            if (inHttpServer ? !isHttpsServer(server) || answersItself(server) : !outsideServersMatter) continue;
            checkAlways(entry.directive);
          }
        }
      },
    };
  },
});
