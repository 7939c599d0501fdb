import type { TSESLint } from '@typescript-eslint/utils';
import type { ConfigBlock, ConfigEntry } from '../detectors/nginx-config.js';
import { allBlocks, inherited, isHttpServer, enclosing, locationPath, own } from '../detectors/nginx-config.js';
import type { NginxConfig, NginxDirective } from '../languages/nginx/nginx-node.js';
import { createRule } from '../util/create-rule.js';
import { LANGUAGE_NAMES, treeSourceCode } from '../util/languages.js';
import { insert, linesAtStart, linesBefore, nameLoc } from './nginx/edits.js';
import { analyzeNginx } from './nginx/model.js';

export type Options = [{ requireFor?: 'auth' | 'all-proxied' }];
export type MessageIds = 'missingAuthLimit' | 'missingLimit' | 'undeclaredZone' | 'useZone' | 'declareZone';
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const PASS = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass']);
/** Sign-in, token, password and sign-up endpoints: the targets of credential guessing. */
const AUTH_PATH =
  /(?:^|[^a-z0-9])(?:auth|authn|authenticate|authentication|authorize|oauth2?|login|logon|signin|sign-in|sign_in|token|tokens|password|passwords|passwd|register|signup|sign-up|sign_up|session|sessions|otp|mfa|2fa)(?=$|[^a-z0-9])/i;
const AUTH_ZONE = /auth|login|signin|token|password/i;
/** The guide's zones (AMAS › 2.1 Rate Limiting). */
const GUIDE_ZONES = {
  auth: 'limit_req_zone $binary_remote_addr zone=auth:10m rate=5r/s;',
  api: 'limit_req_zone $binary_remote_addr zone=api:10m rate=100r/s;',
};

export default createRule<Options, MessageIds>({
  name: 'nginx-require-rate-limit',
  meta: {
    type: 'problem',
    languages: [LANGUAGE_NAMES.nginx],
    docs: {
      description: 'Require nginx to rate-limit proxied sign-in and token endpoints with limit_req',
      recommended: true,
      guide: ['AMAS › 2.1 Rate Limiting', 'AMAS › 4.3 DDoS Protection', 'AMAS › 1.2 Password Policy', 'AMAS › Security Checklist', 'AutonomOS › Rate Limiting'],
      cwe: ['CWE-307', 'CWE-770'],
      howToFix:
        'Declare a zone in the `http` block (`limit_req_zone $binary_remote_addr zone=auth:10m rate=5r/s;`) and apply it in the location, before `proxy_pass`, with `limit_req zone=auth burst=10 nodelay;`.',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          requireFor: {
            type: 'string',
            enum: ['auth', 'all-proxied'],
            description:
              '"auth" (default) reports proxied locations whose path names a sign-in, token, password or sign-up endpoint; "all-proxied" reports every proxied location.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingAuthLimit:
        'Location "{{path}}" passes sign-in or token requests to {{pass}} with no limit_req in effect, so a client can guess passwords or tokens as fast as the backend answers. Add `limit_req zone=<zone> burst=<n>;` with a zone declared by limit_req_zone.',
      missingLimit:
        'Location "{{path}}" passes requests to {{pass}} with no limit_req in effect, so one client can exhaust the backend. Add `limit_req zone=<zone> burst=<n>;` with a zone declared by limit_req_zone.',
      undeclaredZone:
        'limit_req uses zone "{{zone}}", which no limit_req_zone in this configuration declares, so nginx refuses to start. Declare it in the http block (`limit_req_zone $binary_remote_addr zone={{zone}}:10m rate=5r/s;`).',
      useZone: 'Limit this location with zone "{{zone}}" (`limit_req zone={{zone}} burst=10 nodelay;`).',
      declareZone: 'Declare zone "{{zone}}" in the http block as the guide does and limit this location with it.',
    },
  },
  defaultOptions: [{ requireFor: 'auth' }],
  create(context, [{ requireFor = 'auth' }]) {
    const text = treeSourceCode<NginxConfig>(context).text;
    const analysis = analyzeNginx(context);

    function httpOf(block: ConfigBlock): ConfigBlock | null {
      return block.context === 'http' ? block : enclosing(block, 'http');
    }

    /** The whole http level is visible: a real `http {}` block whose includes were all read. */
    function isComplete(http: ConfigBlock): boolean {
      return http.directive !== null && http.unresolved.length === 0 && http.unmatchedGlobs.length === 0;
    }

    function zonesOf(http: ConfigBlock | null): string[] {
      if (!http) return [];
      return own(http, 'limit_req_zone').flatMap((entry) => {
        const zone = entry.directive.args.map((argument) => /^zone=([^:]+):/.exec(argument.value)?.[1]).find(Boolean);
        return zone ? [zone] : [];
      });
    }

    /** The `*_pass` directive handling a location's requests, directly or in an `if` in it. */
    function passOf(location: ConfigBlock): ConfigEntry | undefined {
      const levels = [location, ...location.blocks.filter((block) => block.context === 'if')];
      const passes = levels.flatMap((block) => own(block, PASS));
      return passes.find((entry) => entry.directive.args.length > 0);
    }

    function suggestions(location: ConfigBlock, pass: ConfigEntry, isAuth: boolean): Suggestion[] {
      const directive = location.directive!;
      const insertLimit = (zone: string) => {
        const direct = (directive.block ?? []).includes(pass.directive);
        const line = `limit_req zone=${zone} burst=10 nodelay;`;
        return direct ? linesBefore(text, pass.directive, [line]) : linesAtStart(text, directive, [line]);
      };
      const http = httpOf(location);
      const zones = zonesOf(http);
      if (zones.length > 0) {
        const zone = isAuth
          ? (zones.find((name) => AUTH_ZONE.test(name)) ?? zones[0]!)
          : (zones.find((name) => /api/i.test(name)) ?? zones.find((name) => !AUTH_ZONE.test(name)) ?? zones[0]!);
        const insertion = insertLimit(zone);
        return [{ messageId: 'useZone', data: { zone }, fix: (fixer) => insert(fixer, insertion) }];
      }
      if (!http?.directive || http.file !== analysis.file || !isComplete(http)) return [];
      const zone = isAuth ? 'auth' : 'api';
      const declaration = linesAtStart(text, http.directive, [GUIDE_ZONES[zone]]);
      const insertion = insertLimit(zone);
      return [
        {
          messageId: 'declareZone',
          data: { zone },
          fix: (fixer) => [insert(fixer, declaration), insert(fixer, insertion)],
        },
      ];
    }

    function checkLocation(location: ConfigBlock): void {
      const pass = passOf(location);
      if (!pass || own(location, 'return').length > 0 || own(location, 'internal').length > 0) return;
      const server = enclosing(location, 'server');
      if (!server || !isHttpServer(server)) return;
      const path = locationPath(location);
      const isAuth = AUTH_PATH.test(path);
      if (!isAuth && requireFor === 'auth') return;
      const limits = inherited(location, 'limit_req');
      if (limits.unknown || limits.entries.length > 0) return;
      context.report({
        loc: nameLoc(location.directive!),
        messageId: isAuth ? 'missingAuthLimit' : 'missingLimit',
        data: { path, pass: `${pass.directive.name} ${pass.directive.args[0]!.value}` },
        suggest: suggestions(location, pass, isAuth),
      });
    }

    function checkZone(block: ConfigBlock, directive: NginxDirective): void {
      const http = httpOf(block);
      if (!http || !isComplete(http)) return;
      const argument = directive.args.find((candidate) => candidate.value.startsWith('zone='));
      const zone = argument?.value.slice('zone='.length);
      if (!argument || !zone || zone.includes('$') || zonesOf(http).includes(zone)) return;
      context.report({ loc: argument.loc, messageId: 'undeclaredZone', data: { zone } });
    }

    return {
      Config() {
        const seen = new Set<NginxDirective>();
        for (const block of allBlocks(analysis.top)) {
          if (block.context === 'location' && block.file === analysis.file && !seen.has(block.directive!)) {
            seen.add(block.directive!);
            checkLocation(block);
          }
          for (const entry of own(block, 'limit_req')) {
            if (entry.file !== analysis.file || seen.has(entry.directive)) continue;
            seen.add(entry.directive);
            checkZone(block, entry.directive);
          }
        }
      },
    };
  },
});
