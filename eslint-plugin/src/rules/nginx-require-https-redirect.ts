import type { ConfigBlock } from '../detectors/nginx-config.js';
import { allBlocks, isHttpServer, isHttpsServer } from '../detectors/nginx-config.js';
import type { NginxConfig } from '../languages/nginx/nginx-node.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';
import type { Insertion } from './nginx/edits.js';
import { indentAt, innerIndent, insert, linesAfter, linesAfterDirective, linesAtStart, nameLoc } from './nginx/edits.js';
import { analyzeNginx } from './nginx/model.js';
import {
  isCatchAllLocation,
  isLocation,
  isValidationLocation,
  listensOnPlain80,
  locationsOf,
  servesContent,
  servesPlainContent,
} from './nginx/redirect.js';

export type Options = [{ requireHttpsServer?: boolean }];
export type MessageIds = 'noHttpsRedirect' | 'addRedirect' | 'addRedirectLocation';

const REDIRECT = 'return 301 https://$host$request_uri;';

export default createRule<Options, MessageIds>({
  name: 'nginx-require-https-redirect',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.nginx],
    docs: {
      description: 'Require nginx servers on port 80 to redirect to HTTPS instead of serving content',
      recommended: true,
      guide: ['AMAS › 4.2 Firewall Rules', 'AMAS › 4.1 HTTPS/TLS', 'AutonomOS › Network Security › TLS/SSL Configuration'],
      cwe: ['CWE-319'],
      howToFix:
        'Make the port-80 server only redirect, with `return 301 https://$host$request_uri;`; if certificates are renewed over HTTP, keep `/.well-known/acme-challenge/` and put the redirect in `location /`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          requireHttpsServer: {
            type: 'boolean',
            description:
              'Report a port-80 server only when the configuration also has an HTTPS server (default true). Set to false to report every port-80 server that serves content, also where TLS is never terminated by this nginx.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      noHttpsRedirect:
        'This server serves content over plain HTTP on port 80 instead of redirecting to HTTPS, so pages, cookies and credentials cross the network unencrypted and can be altered. Redirect with `return 301 https://$host$request_uri;`.',
      addRedirect: 'Redirect every request to HTTPS (`return 301 https://$host$request_uri;`).',
      addRedirectLocation: 'Redirect every request but certificate validation to HTTPS in `location /`.',
    },
  },
  defaultOptions: [{ requireHttpsServer: true }],
  create(context, [{ requireHttpsServer = true }]) {
    const text = treeSourceCode<NginxConfig>(context).text;
    const analysis = analyzeNginx(context);

    /**
     * Without a certificate-validation location, a server-level `return`
     * (placed after `listen`/`server_name`) redirects everything. With one, a
     * server-level `return` would break renewals, so the redirect goes into
     * `location /` (added when missing) if that is all that serves content.
     */
    function suggestion(server: ConfigBlock): { messageId: MessageIds; insertion: Insertion } | null {
      const directive = server.directive!;
      const locations = locationsOf(server);
      if (!locations.some(isValidationLocation)) {
        const anchor = (directive.block ?? []).filter((child) => /^(?:listen|server_name)$/.test(child.name)).pop();
        const insertion = anchor
          ? linesAfterDirective(text, directive, anchor, [REDIRECT])
          : linesAtStart(text, directive, [REDIRECT]);
        return { messageId: 'addRedirect', insertion };
      }
      const serving = locations.filter(servesContent);
      const topLevel = server.blocks.filter((block) => block.context === 'location');
      const root = topLevel.find((block) => isLocation(block, '/'));
      if (root?.file === analysis.file && serving.length === 1 && serving[0] === root) {
        return { messageId: 'addRedirectLocation', insertion: linesAtStart(text, root.directive!, [REDIRECT]) };
      }
      const last = topLevel[topLevel.length - 1];
      if (serving.length === 0 && !topLevel.some(isCatchAllLocation) && last?.file === analysis.file) {
        const indent = indentAt(text, last.directive!.range[0]) ?? innerIndent(text, directive);
        const lines = ['location / {', `${indent.includes('\t') ? '\t' : '    '}${REDIRECT}`, '}'];
        return { messageId: 'addRedirectLocation', insertion: linesAfter(text, last.directive!.range[1], indent, lines) };
      }
      return null;
    }

    return {
      Config() {
        const servers = [...allBlocks(analysis.top)].filter(isHttpServer);
        if (requireHttpsServer && !servers.some(isHttpsServer)) return;
        const reported = new Set<ConfigBlock['directive']>();
        for (const server of servers) {
          if (server.file !== analysis.file || reported.has(server.directive)) continue;
          if (!listensOnPlain80(server) || !servesPlainContent(server)) continue;
          reported.add(server.directive);
          const fix = suggestion(server);
          context.report({
            loc: nameLoc(server.directive!),
            messageId: 'noHttpsRedirect',
            suggest: fix && [
              {
                messageId: fix.messageId,
                fix: (fixer) => insert(fixer, fix.insertion),
              },
            ],
          });
        }
      },
    };
  },
});
