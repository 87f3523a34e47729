-- A second real LSP client: headless Neovim (Debian's 0.7 and later) speaks to
-- the bundled server over stdio, as a Neovim user's setup does. It opens the
-- fixture, receives diagnostics, applies a quick fix, formats, runs the
-- compose command, and sees a compose-file edit on disk refresh the
-- diagnostics. Run by test/nvim/run.sh, which prints `nvim: N passed, M failed`.
local server = assert(os.getenv('ALLOY_SERVER'), 'ALLOY_SERVER: the path of dist/server.js')
local root = assert(os.getenv('ALLOY_FIXTURE'), 'ALLOY_FIXTURE: a copy of e2e/fixtures/workspace')
local config = root .. '/grafana-alloy/config.alloy'
local compose = root .. '/docker-compose.base.yml'
local TIMEOUT = 15000

local passed, failed = 0, 0
local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    io.stdout:write('ok - ' .. name .. '\n')
  else
    failed = failed + 1
    io.stdout:write('not ok - ' .. name .. ': ' .. tostring(err) .. '\n')
  end
end

-- The raw LSP diagnostics per URI (codes included on every Neovim version).
local published = {}
local client_id = vim.lsp.start_client({
  name = 'alloy-selfmon',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
      published[result.uri] = result.diagnostics
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, cfg)
    end,
  },
})
assert(client_id, 'the server did not start')

vim.cmd('edit ' .. vim.fn.fnameescape(config))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'alloy'
vim.lsp.buf_attach_client(bufnr, client_id)
local uri = vim.uri_from_bufnr(bufnr)
local client = vim.lsp.get_client_by_id(client_id)

local function codes()
  local out = {}
  for _, d in ipairs(published[uri] or {}) do out[d.code] = d end
  return out
end

local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT, predicate, 50) then error('timed out waiting for ' .. what) end
end

check('diagnostics arrive', function()
  wait_for('selfmon/traces-missing and env/missing', function()
    local c = codes()
    return c['selfmon/traces-missing'] ~= nil and c['env/missing'] ~= nil
  end)
end)

check('a quick fix applies and its finding goes away', function()
  local d = assert(codes()['selfmon/traces-missing'], 'no traces finding')
  local params = { textDocument = { uri = uri }, range = d.range, context = { diagnostics = { d }, only = { 'quickfix' } } }
  local response = assert(client.request_sync('textDocument/codeAction', params, TIMEOUT, bufnr), 'no answer to codeAction')
  local chosen
  for _, action in ipairs(response.result or {}) do
    if action.isPreferred and action.edit then chosen = action end
  end
  assert(chosen, 'no preferred quick fix with an edit')
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  assert(text:find('\ntracing {', 1, true), 'the tracing block is not in the buffer')
  wait_for('the traces finding to clear', function() return published[uri] ~= nil and codes()['selfmon/traces-missing'] == nil end)
end)

check('format document rewrites a line as alloy fmt does', function()
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '', 'loki.echo "nvim"   {   }' })
  local params = { textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = false } }
  local response = assert(client.request_sync('textDocument/formatting', params, TIMEOUT, bufnr), 'no answer to formatting')
  assert(response.result and #response.result > 0, 'no formatting edits')
  vim.lsp.util.apply_text_edits(response.result, bufnr, client.offset_encoding or 'utf-16')
  local last = vim.api.nvim_buf_get_lines(bufnr, -2, -1, false)[1]
  assert(last == 'loki.echo "nvim" { }', 'last line is ' .. vim.inspect(last))
end)

check('the compose check runs through workspace/executeCommand', function()
  local params = { command = 'alloySelfMonitoring.composeReport', arguments = { uri } }
  local response = assert(client.request_sync('workspace/executeCommand', params, TIMEOUT, bufnr), 'no answer to executeCommand')
  local result = assert(response.result, 'no result: ' .. vim.inspect(response.err))
  local entry = assert(result.entries[1], 'no configuration in the report')
  assert(entry.env and entry.env.service == 'alloy', 'service is not alloy')
  assert(result.text:find('GRAFANA_CLOUD_LOKI_USER%s+missing'), 'the text does not say GRAFANA_CLOUD_LOKI_USER is missing:\n' .. result.text)
end)

check('a compose-file edit on disk refreshes the diagnostics', function()
  local lines = vim.fn.readfile(compose)
  local out = {}
  for _, line in ipairs(lines) do
    table.insert(out, line)
    if line:find('GRAFANA_CLOUD_LOKI_URL:', 1, true) then table.insert(out, '      GRAFANA_CLOUD_LOKI_USER: ${GRAFANA_CLOUD_LOKI_USER}') end
  end
  vim.fn.writefile(out, compose)
  wait_for('env/missing to clear', function() return codes()['env/missing'] == nil end)
end)

io.stdout:write(string.format('nvim: %d passed, %d failed\n', passed, failed))
vim.lsp.stop_client(client_id)
os.exit(failed == 0 and 0 or 1)
