import rule from '../../src/rules/no-token-in-url.js';
import { javascriptTester, languageTester } from '../rule-testers.js';

javascriptTester().run('no-token-in-url', rule, {
  valid: [
    // Tokens in headers and request bodies.
    'fetch(`${API}/me`, { headers: { Authorization: `Bearer ${token}` } });',
    "axios.get(url, { headers: { 'X-API-Key': apiKey } });",
    "axios.post(`${API}/oauth/token`, { grant_type: 'refresh_token', refresh_token: refreshToken });",
    "fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }) });",
    "const body = new URLSearchParams();\nbody.append('refresh_token', refreshToken);\nawait fetch(TOKEN_URL, { method: 'POST', body });",
    // OAuth's code and state belong in the URL.
    'const url = `${AUTH_URL}/authorize?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`;',
    'const callback = `${APP_URL}/callback?code=${code}&state=${state}`;',
    // Pagination cursors, token types, other words that start with "token".
    'const next = `${API}/items?pageToken=${nextPageToken}&limit=20`;',
    'const next = `${API}/changes?page_token=${cursor.pageToken}`;',
    'const next = `${API}/items?continuationToken=${continuationToken}`;',
    'const next = `${API}/items?nextToken=${nextToken}`;',
    'const url = `${API}/tokens?token_type=${tokenType}&tokenize=true`;',
    "url.searchParams.set('page_token', pageToken);",
    'axios.get(url, { params: { page: 2, pageToken } });',
    // One-time tokens of e-mailed links, which only work in the link.
    'const link = `${APP_URL}/reset-password?token=${resetToken}`;',
    'const link = `${APP_URL}/verify-email?token=${token}`;',
    'const link = `${APP_URL}/invite?token=${invitationToken}`;',
    'const link = `${APP_URL}/login?token=${magicLinkToken}`;',
    // CSRF tokens, fragments (never sent to the server), signed URLs.
    'const url = `${API}/form?csrf_token=${csrfToken}`;',
    'const url = `${APP_URL}/#access_token=${token}`;',
    'const signed = `https://${bucket}.s3.amazonaws.com/${key}?X-Amz-Security-Token=${sessionToken}&X-Amz-Signature=${signature}`;',
    'const signed = `${CDN}/file.pdf?expires=${expires}&signature=${signature}`;',
    // key= that is not an API key; browser keys that map services require in the URL.
    'const url = `${API}/search?key=${cacheKey}`;',
    'const url = `${API}/objects?key=${key}`;',
    'const script = `https://maps.googleapis.com/maps/api/js?key=${GOOGLE_MAPS_KEY}&callback=initMap`;',
    'const tiles = `https://api.mapbox.com/styles/v1/mapbox/streets-v12/tiles/{z}/{x}/{y}?access_token=${MAPBOX_TOKEN}`;',
    'export const mapsUrl = () => `https://maps.example.com/js?key=${MAPS_API_KEY}`;',
    'const widget = `${CDN}/widget.js?apiKey=${PUBLIC_WIDGET_KEY}`;',
    // Constants that are no credentials: placeholders, flags, demo keys.
    "const url = `${API}/data?token=${'abc'}`;",
    'const url = `${API}/data?auth=${1}`;',
    "const url = 'https://api.example.com/data?api_key=DEMO_KEY';",
    "const url = 'https://api.example.com/data?token=your-token-here';",
    "const demo = `${API}/data?api_key=${'<your-api-key>'}`;",
    // Strings that are no URLs: log lines, cookies, SQL.
    'const message = `login ok, token=${token}`;',
    "logger.info('refreshing token=' + tokenId);",
    'const header = `token=${token}; Path=/; HttpOnly; Secure`;',
    'const query = `SELECT * FROM sessions WHERE token = ${token}`;',
    'const url = `${API}/users?id=${userId}&session_state=${sessionState}`;',
    'const prefix = `${base}?token=`;',
    // Route parameters and query strings without credentials.
    "router.push({ name: 'profile', params: { token } });",
    'const params = new URLSearchParams({ q: query, page });\nfetch(`${API}/search?${params}`);',
  ],
  invalid: [
    {
      // Template literals.
      code: 'const res = await fetch(`${API_URL}/me?access_token=${accessToken}`);',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 40, endLine: 1, endColumn: 66 },
      ],
    },
    {
      code: 'const url = `https://graph.facebook.com/v19.0/me?fields=id,name&access_token=${user.facebookToken}`;',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 65, endLine: 1, endColumn: 98 },
      ],
    },
    {
      code: 'export const avatar = (jwt) => `${CDN}/avatar.png?jwt=${jwt}`;',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 51, endLine: 1, endColumn: 60 },
      ],
    },
    {
      code: 'const url = `${API}/export?auth=${await getIdToken()}`;',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 28, endLine: 1, endColumn: 53 },
      ],
    },
    {
      code: 'const url = `${API}/files?session_id=${req.cookies.sid}`;',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 27, endLine: 1, endColumn: 55 },
      ],
    },
    {
      // Concatenation.
      code: "const url = API_URL + '/users?api_key=' + process.env.API_KEY;",
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 31, endLine: 1, endColumn: 62 },
      ],
    },
    {
      code: "const url = baseUrl + '&token=' + encodeURIComponent(token);",
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 25, endLine: 1, endColumn: 60 },
      ],
    },
    {
      code: "const url = BASE + '/login?user=' + username + '&password=' + password;",
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 50, endLine: 1, endColumn: 71 },
      ],
    },
    {
      // A bare key= with a key-like value.
      code: 'const url = `${API}/geocode?address=${address}&key=${process.env.GEOCODING_API_KEY}`;',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 48, endLine: 1, endColumn: 83 },
      ],
    },
    {
      // A real key as a constant.
      code: "const url = 'https://api.example.com/v1/data?apikey=9f8e7d6c5b4a3f2e1d0c9b8a';",
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 46, endLine: 1, endColumn: 77 },
      ],
    },
    {
      // A redirect carrying a JWT.
      code: 'res.redirect(`${FRONTEND_URL}/callback?token=${jwt}`);',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 40, endLine: 1, endColumn: 51 },
      ],
    },
    {
      // WebSockets cannot set headers: the message says what to do instead.
      code: 'const socket = new WebSocket(`${WS_URL}?token=${accessToken}`);',
      errors: [
        { messageId: 'tokenInWebSocketUrl', line: 1, column: 41, endLine: 1, endColumn: 60 },
      ],
    },
    {
      code: 'const socket = new WebSocket(`wss://chat.example.com/ws?access_token=${token}`);',
      errors: [
        { messageId: 'tokenInWebSocketUrl', line: 1, column: 57, endLine: 1, endColumn: 77 },
      ],
    },
    {
      code: 'const socket = io(SERVER_URL, { query: { token } });',
      errors: [
        { messageId: 'tokenInWebSocketUrl', line: 1, column: 42, endLine: 1, endColumn: 47 },
      ],
    },
    {
      // URL and URLSearchParams.
      code: "const url = new URL('/download', API);\nurl.searchParams.set('access_token', token);",
      errors: [
        { messageId: 'tokenInUrl', line: 2, column: 1, endLine: 2, endColumn: 44 },
      ],
    },
    {
      code: "const params = new URLSearchParams();\nparams.append('api_key', apiKey);\nconst url = `${API}/v1?${params.toString()}`;",
      errors: [
        { messageId: 'keyInUrl', line: 2, column: 1, endLine: 2, endColumn: 33 },
      ],
    },
    {
      code: 'fetch(`${API}/events?${new URLSearchParams({ token: sessionToken })}`);',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 46, endLine: 1, endColumn: 65 },
      ],
    },
    {
      code: "import qs from 'qs';\nconst url = `${API}/stream?${qs.stringify({ access_token: token, format: 'json' })}`;",
      errors: [
        { messageId: 'tokenInUrl', line: 2, column: 45, endLine: 2, endColumn: 64 },
      ],
    },
    {
      // Query options of HTTP clients.
      code: 'const { data } = await axios.get(`${API}/me`, { params: { access_token: accessToken } });',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 59, endLine: 1, endColumn: 84 },
      ],
    },
    {
      code: 'const api = axios.create({ baseURL: API, params: { api_key: process.env.TMDB_API_KEY } });',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 52, endLine: 1, endColumn: 85 },
      ],
    },
    {
      code: "const data = await $fetch('/api/report', { query: { token: authToken } });",
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 53, endLine: 1, endColumn: 69 },
      ],
    },
    {
      code: "const data = await ky.get('stats', { searchParams: { apiKey } }).json();",
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 54, endLine: 1, endColumn: 60 },
      ],
    },
    {
      // The option adds parameter names to ignore.
      code: 'const url = `${API}/x?auth=${authToken}&token=${authToken}`;',
      options: [{ ignoreParams: ['auth'] }],
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 41, endLine: 1, endColumn: 58 },
      ],
    },
  ],
});

languageTester('python').run('no-token-in-url', rule as never, {
  valid: [
    // Tokens in headers and request bodies.
    'r = requests.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})\n',
    'r = requests.get(url, headers={"X-API-Key": api_key})\n',
    'r = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": refresh_token})\n',
    'r = httpx.post(f"{API}/login", json={"username": username, "password": password})\n',
    'r = requests.post(TOKEN_URL, data=urlencode({"refresh_token": refresh_token}))\n',
    'params = {"token": token}\nr = requests.post(url, data=params)\n',
    // OAuth's code and state; pagination cursors.
    'url = f"{AUTH_URL}/authorize?response_type=code&client_id={client_id}&redirect_uri={quote(redirect_uri)}&state={state}"\n',
    'r = service.files().list(pageToken=page_token).execute()\nurl = f"{API}/items?page_token={next_page_token}&limit=50"\n',
    'url = f"{API}/items?next_token={next_token}"\n',
    // One-time tokens of e-mailed links (the FastAPI template's reset link among them).
    'link = f"{settings.FRONTEND_HOST}/reset-password?token={token}"\n',
    'link = f"{FRONTEND}/verify?token={email_verification_token}"\n',
    'link = f"{FRONTEND}/accept?token={invitation_token}"\n',
    // CSRF tokens, fragments, signed URLs, map keys, other keys.
    'url = f"{API}/form?csrf_token={csrf_token}"\n',
    'url = f"{APP}/#access_token={token}"\n',
    'url = f"https://{bucket}.s3.amazonaws.com/{key}?X-Amz-Security-Token={session_token}&X-Amz-Signature={signature}"\n',
    'url = f"https://maps.googleapis.com/maps/api/staticmap?center={center}&key={MAPS_API_KEY}"\n',
    'url = f"{API}/objects?key={object_key}"\n',
    // Constants that are no credentials.
    'url = f"{API}/data?api_key=DEMO_KEY"\n',
    'url = "https://api.example.com/data?token=changeme"\n',
    'url = f"{API}/data?auth={1}&limit={limit}"\n',
    'TOKEN_PARAM = "?token="\n',
    // Strings that are no URLs.
    'logger.info(f"refreshed token={token_id}")\n',
    'cookie = f"token={token}; Path=/; HttpOnly; Secure"\n',
    'cursor.execute(f"SELECT * FROM sessions WHERE token = {token}")\n',
    // Query strings without credentials.
    'r = requests.get(url, params={"q": query, "page": page})\n',
    'q = urlencode({"q": query})\nurl = f"{API}/search?{q}"\n',
  ],
  invalid: [
    {
      // f-strings.
      code: 'r = requests.get(f"{API_URL}/me?access_token={access_token}")\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 33, endLine: 1, endColumn: 60 },
      ],
    },
    {
      code: 'url = f"https://api.example.com/v2/data?format=json&apikey={settings.WEATHER_API_KEY}"\n',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 53, endLine: 1, endColumn: 86 },
      ],
    },
    {
      code: 'return redirect(f"/callback?token={jwt}")\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 29, endLine: 1, endColumn: 40 },
      ],
    },
    {
      code: 'url = f"{API}/report?auth={get_id_token()}"\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 22, endLine: 1, endColumn: 43 },
      ],
    },
    {
      code: 'url = f"{API}/login?username={username}&password={password}"\n',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 41, endLine: 1, endColumn: 60 },
      ],
    },
    {
      // A bare key= with a key-like value.
      code: 'url = f"{API}/geocode?address={address}&key={os.getenv(\'GOOGLE_API_KEY\')}"\n',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 41, endLine: 1, endColumn: 74 },
      ],
    },
    {
      // Concatenation, format() and %.
      code: 'url = BASE_URL + "/users?api_key=" + API_KEY\n',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 26, endLine: 1, endColumn: 45 },
      ],
    },
    {
      code: 'url = "{}/data?access_token={}".format(BASE_URL, access_token)\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 16, endLine: 1, endColumn: 31 },
      ],
    },
    {
      code: 'url = "{base}/data?token={token}".format(base=BASE_URL, token=token)\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 20, endLine: 1, endColumn: 33 },
      ],
    },
    {
      code: 'url = "%s/data?access_token=%s" % (BASE_URL, access_token)\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 16, endLine: 1, endColumn: 31 },
      ],
    },
    {
      // A real key as a constant.
      code: 'URL = "https://api.example.com/v1/data?apikey=9f8e7d6c5b4a3f2e1d0c9b8a"\n',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 40, endLine: 1, endColumn: 71 },
      ],
    },
    {
      // WebSockets.
      code: 'async with websockets.connect(f"{WS_URL}?token={token}") as ws:\n    pass\n',
      errors: [
        { messageId: 'tokenInWebSocketUrl', line: 1, column: 42, endLine: 1, endColumn: 55 },
      ],
    },
    {
      code: 'ws = create_connection(f"wss://stream.example.com/ws?access_token={token}")\n',
      errors: [
        { messageId: 'tokenInWebSocketUrl', line: 1, column: 54, endLine: 1, endColumn: 74 },
      ],
    },
    {
      // Query dicts of HTTP clients, and urlencode() in a URL.
      code: 'r = requests.get(url, params={"api_key": os.environ["API_KEY"], "q": q})\n',
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 31, endLine: 1, endColumn: 63 },
      ],
    },
    {
      code: 'async with session.get(url, params={"access_token": token}) as resp:\n    pass\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 37, endLine: 1, endColumn: 58 },
      ],
    },
    {
      code: 'url = f"{API}/stream?{urlencode({\'token\': session_token})}"\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 34, endLine: 1, endColumn: 56 },
      ],
    },
    {
      code: 'query = urlencode({"access_token": token, "fields": "id"})\nurl = API + "/me?" + query\n',
      errors: [
        { messageId: 'tokenInUrl', line: 1, column: 20, endLine: 1, endColumn: 41 },
      ],
    },
    {
      code: 'a = f"https://tiles.example.com/v1?key={TILES_API_KEY}"\nb = f"https://api.example.com/v1?key={TILES_API_KEY}"\n',
      options: [{ allowedHosts: ['tiles.example.com'] }],
      errors: [
        { messageId: 'keyInUrl', line: 2, column: 34, endLine: 2, endColumn: 53 },
      ],
    },
  ],
});
