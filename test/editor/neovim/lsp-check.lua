-- Drives the Hardening language server from Neovim's own LSP client (0.7+, headless), for
-- test/editor/neovim.e2e.ts. Run as:
--   nvim --headless --clean -u NONE -i NONE -n -c 'luafile lsp-check.lua' </dev/null
--
-- Inputs (environment):
--   HARDENING_LSP_CMD   JSON argv of the server, e.g. ["node","server/dist/server.js","--stdio"]
--   HARDENING_ROOT      the workspace folder (root_dir); job files are relative to it
--   HARDENING_JOBS      JSON list of jobs, run in order, each on its own buffer:
--                         { file, filetype,
--                           action  = { line, column, rule, pick = "preferred" | "disable" },
--                           replace = "new full text" }
--                       line and column are 1-based, as ESLint and the CLI count.
--   HARDENING_WAIT_MS   how long one wait may take (default 15000)
--
-- Output: one line per event, `TAG {json}` (each with `ms` since the start), for the TypeScript
-- test to parse:
--   INIT    the server initialized: offset encoding, code action kinds, sync kind
--   DIAG    the publishDiagnostics for the opened version (and how many nvim shows)
--   ACTIONS the code actions offered at action.line:action.column (titles, preferred)
--   EDITED  the buffer text after vim.lsp.util.apply_workspace_edit
--   RELINT  the publishDiagnostics for the buffer version after the edit / replace
--   LOG     a window/logMessage from the server
--   ERROR   a step that failed (the run goes on with the next job)
--   EXIT    the server's exit after vim.lsp.stop_client (shutdown + exit)
--   DONE    the end
-- Exit status: 0 all jobs ran, 1 a job's step failed, 4 the run stopped outside the jobs (the
-- server did not start, a Lua error).
-- Every step is in pcall and the script always ends with qall!/cquit: an uncaught
-- error would leave headless nvim running until the caller's `timeout`.

local started = vim.loop.hrtime()

local function out(tag, value)
  value.ms = math.floor((vim.loop.hrtime() - started) / 1e6) -- since the script started
  io.stdout:write(tag .. ' ' .. vim.fn.json_encode(value) .. '\n')
  io.stdout:flush()
end

local wait_ms = tonumber(vim.env.HARDENING_WAIT_MS or '') or 15000
local publishes = {} -- every publishDiagnostics result, in arrival order
local exited = nil -- { code, signal } once the server process is gone
local failed = false
local timeouts = 0 -- waits that ran out: after two, the server is stuck and the other jobs are skipped

local function fail(message)
  error(message, 0)
end

-- The buffer as the client sends it in didOpen / full sync (0.7's buf_get_full_text).
local function buffer_text(buf)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, true), '\n')
  if vim.bo[buf].eol then
    text = text .. '\n'
  end
  return text
end

-- Waits for a publish for `uri` after index `after`, of `version` when given.
local function wait_publish(uri, after, version, what)
  local found = nil
  vim.wait(wait_ms, function()
    for i = after + 1, #publishes do
      local p = publishes[i]
      if p.uri == uri and (version == nil or p.version == version) then
        found = p
        return true
      end
    end
    return exited ~= nil
  end, 10)
  if found then
    return found
  end
  if exited then
    fail(string.format('the server exited (code %s, signal %s) while waiting for %s', exited.code, exited.signal, what))
  end
  timeouts = timeouts + 1
  local seen = {}
  for i = after + 1, #publishes do
    if publishes[i].uri == uri then
      table.insert(seen, tostring(publishes[i].version))
    end
  end
  fail(string.format('no publishDiagnostics for %s (version %s) within %d ms; versions seen: [%s]',
    what, tostring(version), wait_ms, table.concat(seen, ', ')))
end

local function has_diagnostic(action, line0, col0, rule)
  for _, d in ipairs(action.diagnostics or {}) do
    if d.code == rule and d.range.start.line == line0 and d.range.start.character == col0 then
      return true
    end
  end
  return false
end

-- What `vim.lsp.buf.code_action()` does in 0.7: the cursor's line diagnostics as
-- context, a zero-width range at the cursor; then pick one action and apply its edit.
local function run_action(client, buf, job, uri)
  local a = job.action
  local line0, col0 = a.line - 1, a.column - 1
  vim.api.nvim_win_set_cursor(0, { a.line, col0 })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, wait_ms)
  if not responses then
    fail('textDocument/codeAction: ' .. tostring(err))
  end
  local response = responses[client.id] or {}
  if response.error then
    fail('textDocument/codeAction: ' .. vim.fn.json_encode(response.error))
  end
  local actions = response.result or {}
  local titles, preferred = {}, {}
  for _, action in ipairs(actions) do
    table.insert(titles, action.title)
    if action.isPreferred then
      table.insert(preferred, action.title)
    end
  end
  out('ACTIONS', { file = job.file, line = a.line, column = a.column, titles = titles, preferred = preferred })

  local chosen = nil
  for _, action in ipairs(actions) do
    local wanted
    if a.pick == 'preferred' then
      wanted = action.isPreferred == true and has_diagnostic(action, line0, col0, a.rule)
    else
      wanted = action.title == 'Disable ' .. a.rule .. ' for this line'
    end
    if wanted and action.edit then
      chosen = action
      break
    end
  end
  if not chosen then
    fail(string.format('no %s code action with an edit for %s at %d:%d', a.pick, a.rule, a.line, a.column))
  end

  local mark = #publishes
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  local version = vim.lsp.util.buf_versions[buf]
  out('EDITED', { file = job.file, title = chosen.title, version = version, text = buffer_text(buf) })
  local relint = wait_publish(uri, mark, version, job.file .. ' after "' .. chosen.title .. '"')
  out('RELINT', { file = job.file, cause = 'action', version = relint.version, diagnostics = relint.diagnostics })
end

-- Replaces the whole buffer, as typing the rest of a half-typed file would end up.
local function run_replace(buf, job, uri)
  local text = job.replace:gsub('\n$', '')
  local mark = #publishes
  vim.api.nvim_buf_set_lines(buf, 0, -1, true, vim.split(text, '\n', { plain = true }))
  local version = vim.lsp.util.buf_versions[buf]
  local relint = wait_publish(uri, mark, version, job.file .. ' after the replace')
  out('RELINT', { file = job.file, cause = 'replace', version = relint.version, diagnostics = relint.diagnostics })
end

local function run_job(client, job)
  local path = vim.env.HARDENING_ROOT .. '/' .. job.file
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = job.filetype
  local uri = vim.uri_from_bufnr(buf)
  local mark = #publishes
  if not vim.lsp.buf_attach_client(buf, client.id) then
    fail('vim.lsp.buf_attach_client refused ' .. job.file)
  end
  local first = wait_publish(uri, mark, 0, job.file .. ' after didOpen')
  out('DIAG', {
    file = job.file,
    uri = uri,
    version = first.version,
    diagnostics = first.diagnostics,
    shown = #vim.diagnostic.get(buf),
  })
  if job.action then
    run_action(client, buf, job, uri)
  end
  if job.replace then
    run_replace(buf, job, uri)
  end
end

local function main()
  vim.o.hidden = true -- keep edited buffers (and their documents) open while the next file opens
  local client_id = vim.lsp.start_client({
    name = 'hardening',
    cmd = vim.fn.json_decode(vim.env.HARDENING_LSP_CMD),
    root_dir = vim.env.HARDENING_ROOT,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        table.insert(publishes, result)
      end,
      ['window/logMessage'] = function(_, result)
        out('LOG', result)
      end,
    },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  if not client_id then
    fail('vim.lsp.start_client returned nil')
  end
  vim.wait(wait_ms, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return (c ~= nil and c.initialized == true) or exited ~= nil
  end, 10)
  local client = vim.lsp.get_client_by_id(client_id)
  if exited then
    fail(string.format('the server exited (code %s, signal %s) before initializing', exited.code, exited.signal))
  elseif not (client and client.initialized) then
    fail(string.format('the server did not initialize within %d ms', wait_ms))
  end
  local code_actions = client.server_capabilities.codeActionProvider
  out('INIT', {
    offset_encoding = client.offset_encoding,
    codeActionKinds = type(code_actions) == 'table' and code_actions.codeActionKinds or {},
    textDocumentSync = client.server_capabilities.textDocumentSync or vim.NIL,
  })

  for _, job in ipairs(vim.fn.json_decode(vim.env.HARDENING_JOBS)) do
    local ok, message = true, nil
    if exited or timeouts >= 2 then
      ok, message = false, 'skipped: ' .. (exited and 'the server exited' or 'two waits for the server timed out')
    else
      ok, message = pcall(run_job, client, job)
    end
    if not ok then
      failed = true
      out('ERROR', { file = job.file, message = tostring(message) })
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(wait_ms, function()
    return exited ~= nil
  end, 10)
  out('EXIT', exited or { timeout = wait_ms })
end

local ok, message = pcall(main)
if not ok then
  out('ERROR', { message = tostring(message) })
end
out('DONE', { ok = ok and not failed })
vim.cmd(not ok and 'cquit 4' or failed and 'cquit 1' or 'qall!')
