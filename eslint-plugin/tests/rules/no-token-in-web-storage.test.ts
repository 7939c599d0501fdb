import rule from '../../src/rules/no-token-in-web-storage.js';
import { javascriptTester } from '../rule-testers.js';

const local = { storage: 'localStorage' };
const session = { storage: 'sessionStorage' };

javascriptTester().run('no-token-in-web-storage', rule, {
  valid: [
    // Preferences and other non-secrets.
    "localStorage.setItem('theme', 'dark');",
    "localStorage.setItem('locale', navigator.language);",
    "window.localStorage.setItem('lang', lang);",
    "localStorage.setItem('sidebarCollapsed', String(collapsed));",
    "sessionStorage.setItem('returnUrl', location.href);",
    "localStorage.setItem('user', JSON.stringify({ id: user.id, name: user.name }));",
    // Token-ish words that are not tokens.
    "localStorage.setItem('tokenizer', 'bpe');",
    "localStorage.setItem('tokenCount', String(tokens.length));",
    "localStorage.setItem('lastTokenRefresh', Date.now().toString());",
    // Expiry and type of a token are not secrets.
    "localStorage.setItem('token_expiry', String(expiresAt));",
    "localStorage.setItem('tokenExpiresAt', token.expiresAt);",
    "localStorage.setItem('tokenType', 'Bearer');",
    // CSRF tokens are not credentials: any script on the page can read them anyway.
    "localStorage.setItem('csrfTokenName', 'X-CSRF-Token');",
    "sessionStorage.setItem('XSRF-TOKEN', xsrfToken);",
    "localStorage.setItem('csrf', csrfToken);",
    // Pagination, design-system and push tokens.
    "localStorage.setItem('nextPageToken', page.nextPageToken);",
    "localStorage.setItem('designTokens', JSON.stringify(tokens));",
    "localStorage.setItem('pushToken', fcmToken);",
    "localStorage.setItem('nextToken', res.nextToken);",
    "localStorage.setItem('editorState', JSON.stringify(editor.tokens));",
    // OAuth state, nonce and PKCE verifier belong in sessionStorage.
    "sessionStorage.setItem('oauth_state', state);\nsessionStorage.setItem('pkce_code_verifier', verifier);",
    // Flags and UI preferences named after auth.
    "localStorage.setItem('isAuthenticated', 'true');",
    "localStorage.setItem('hasSession', '1');",
    "localStorage.setItem('showPassword', String(visible));",
    // Sessions that are not auth sessions.
    "localStorage.setItem('chatSession', JSON.stringify(session));",
    "localStorage.setItem('checkoutSessionId', checkout.id);",
    // A value that cannot be a credential, or an object without one.
    "localStorage.setItem('token', '');",
    'localStorage.token = null;',
    "localStorage.setItem('auth', JSON.stringify({ isLoggedIn: true, name: user.name }));",
    "localStorage.setItem('session', Date.now());",
    // Reading and removing.
    "const token = localStorage.getItem('token');",
    "localStorage.removeItem('token');\nsessionStorage.removeItem('accessToken');\nlocalStorage.clear();",
    'const token = localStorage.token;\ndelete sessionStorage.token;',
    // Other objects' setItem.
    "map.setItem('token', token);",
    "cache.setItem('accessToken', accessToken);",
    "this.storage.setItem('token', token);",
    // A local `localStorage` that is not the browser's: server-side, file-backed.
    "const localStorage = new LocalStorage('./scratch');\nlocalStorage.setItem('token', token);",
    "import { localStorage } from './memory-storage';\nlocalStorage.setItem('token', token);",
    'function setup(window) {\n  window.localStorage.setItem("token", token);\n}',
    // Generic helpers: nothing says the value is a token.
    'function save(key, value) {\n  localStorage.setItem(key, value);\n  localStorage[key] = value;\n}',
    "const key = 'theme';\nlocalStorage.setItem(key, value);",
    'localStorage.setItem(`draft-${id}`, text);',
    {
      code: "localStorage.setItem('auth-redirect-token', redirectToken);",
      options: [{ allowKeys: ['^auth-redirect-'] }],
    },
    {
      code: "const App = () => <button onClick={() => localStorage.setItem('theme', 'dark')}>Dark</button>;",
      filename: 'app.tsx',
    },
  ],
  invalid: [
    {
      code: "localStorage.setItem('token', token);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 37 }],
    },
    {
      code: "const data = await login();\nlocalStorage.setItem('access_token', data.access_token);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 2, column: 1, endLine: 2, endColumn: 56 }],
    },
    {
      code: "sessionStorage.setItem('refreshToken', response.data.refresh_token);",
      errors: [{ messageId: 'tokenInStorage', data: session, line: 1, column: 1, endLine: 1, endColumn: 68 }],
    },
    {
      code: "window.localStorage.setItem('id_token', idToken);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 49 }],
    },
    {
      code: "globalThis.sessionStorage.setItem('jwt', jwt);",
      errors: [{ messageId: 'tokenInStorage', data: session, line: 1, column: 1, endLine: 1, endColumn: 46 }],
    },
    {
      code: "self.localStorage.setItem('AUTH_TOKEN', res.token);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 51 }],
    },
    {
      code: "window['localStorage'].setItem('user-token', value);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 52 }],
    },
    {
      // Property and index assignment.
      code: "localStorage.token = data.token;\nlocalStorage['accessToken'] = accessToken;",
      errors: [
        { messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 32 },
        { messageId: 'tokenInStorage', data: local, line: 2, column: 1, endLine: 2, endColumn: 42 },
      ],
    },
    {
      code: 'window.sessionStorage.refreshToken = data.refresh_token;',
      errors: [{ messageId: 'tokenInStorage', data: session, line: 1, column: 1, endLine: 1, endColumn: 56 }],
    },
    {
      // A local alias of the storage, and a key held in a constant.
      code: "const storage = window.localStorage;\nconst TOKEN_KEY = 'token';\nstorage.setItem(TOKEN_KEY, value);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 3, column: 1, endLine: 3, endColumn: 34 }],
    },
    {
      // Either storage, picked at run time.
      code: "const storage = remember ? localStorage : sessionStorage;\nstorage.setItem('session', JSON.stringify(session));",
      errors: [
        {
          messageId: 'tokenInStorage',
          data: { storage: 'localStorage or sessionStorage' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 52,
        },
      ],
    },
    {
      code: "const { sessionStorage: store } = window;\nstore.setItem('sid', sid);",
      errors: [{ messageId: 'tokenInStorage', data: session, line: 2, column: 1, endLine: 2, endColumn: 26 }],
    },
    {
      // The key's constant is imported: its name says what it holds.
      code: "import { STORAGE_KEYS } from './keys';\nlocalStorage.setItem(STORAGE_KEYS.ACCESS_TOKEN, value);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 2, column: 1, endLine: 2, endColumn: 55 }],
    },
    {
      code: "const KEYS = { session: 'app.jwt' } as const;\nlocalStorage.setItem(KEYS.session, value);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 2, column: 1, endLine: 2, endColumn: 42 }],
    },
    {
      code: "enum StorageKey {\n  Auth = 'auth',\n}\nlocalStorage.setItem(StorageKey.Auth, value);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 4, column: 1, endLine: 4, endColumn: 45 }],
    },
    {
      // A template key with a static prefix.
      code: 'localStorage.setItem(`token_${userId}`, value);',
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 47 }],
    },
    {
      // An unknown key and a token value.
      code: 'function persist(key: string, accessToken: string) {\n  localStorage.setItem(key, accessToken);\n}',
      errors: [{ messageId: 'tokenInStorage', data: local, line: 2, column: 3, endLine: 2, endColumn: 41 }],
    },
    {
      // A known, innocent key, and a value that is plainly a token: a JWT.
      code: "localStorage.setItem('user', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl');",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 82 }],
    },
    {
      code: "localStorage.setItem('user', JSON.stringify({ ...user, accessToken: res.accessToken }));",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 88 }],
    },
    {
      code: "localStorage.setItem('user', data.tokens.access);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 49 }],
    },
    {
      code: "localStorage.setItem('auth', JSON.stringify({ token, user }));",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 62 }],
    },
    {
      code: "localStorage.setItem(AUTH_HEADER, 'Bearer ' + session.accessToken);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 67 }],
    },
    {
      code: "localStorage.setItem('bearer', `Bearer ${token}`);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 50 }],
    },
    {
      code: "localStorage.setItem('credentials', JSON.stringify(creds));\nlocalStorage.setItem('password', password);",
      errors: [
        { messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 59 },
        { messageId: 'tokenInStorage', data: local, line: 2, column: 1, endLine: 2, endColumn: 43 },
      ],
    },
    {
      // Object.assign: the report is on the token's property.
      code: "Object.assign(localStorage, { token: res.token, theme: 'dark' });",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 31, endLine: 1, endColumn: 47 }],
    },
    {
      code: "window.localStorage?.setItem('jwt', await getToken());",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 54 }],
    },
    {
      code: "(window as any).localStorage.setItem('apiKey', apiKey);",
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 55 }],
    },
    {
      code: "const Save = () => (\n  <button onClick={() => localStorage.setItem('authToken', authToken)}>Save</button>\n);",
      filename: 'app.tsx',
      errors: [{ messageId: 'tokenInStorage', data: local, line: 2, column: 26, endLine: 2, endColumn: 70 }],
    },
    {
      code: "localStorage.setItem('authTicket', ticket);",
      options: [{ extraTokenNames: ['ticket'] }],
      errors: [{ messageId: 'tokenInStorage', data: local, line: 1, column: 1, endLine: 1, endColumn: 43 }],
    },
  ],
});
