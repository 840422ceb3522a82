-- Headless Neovim (0.7+) drives the kehoach language server as a user's editor would:
--   KEHOACH=/path/to/bin/kehoach.js nvim --headless -u NONE -c "luafile tests/editors/nvim-lsp.lua" PLAN.kh
-- Prints one JSON line per stage on stdout; exits 0 when every stage got its answer, 1 otherwise.
local kehoach = os.getenv('KEHOACH')
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '15000')
local function out(tbl) io.stdout:write(vim.fn.json_encode(tbl) .. '\n') end

-- -u NONE disables filetype detection: map *.kh by hand.
vim.cmd([[autocmd BufRead,BufNewFile *.kh setfiletype kehoach]])
local client_id
_G.__kehoach_attach = function(bufnr)
  local config = { name = 'kehoach', cmd = { 'node', kehoach, 'lsp', '--stdio' }, root_dir = vim.fn.getcwd() }
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = client_id or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end
vim.cmd([[autocmd FileType kehoach lua _G.__kehoach_attach(vim.api.nvim_get_current_buf())]])

vim.cmd('edit ' .. vim.fn.fnameescape(vim.fn.argv(0)))
local bufnr = vim.api.nvim_get_current_buf()

local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { line = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  return list
end
local function has(code, line)
  for _, d in ipairs(codes()) do if d.code == code and (line == nil or d.line == line) then return true end end
  return false
end

local opened = vim.wait(timeout, function() return has('heading-numbering') end, 20)
out({ stage = 'open', ok = opened, diagnostics = codes() })

-- Type the right number over `III.` on the heading that skips: the diagnostic must leave that line
-- (the next heading, `IV.`, then skips in turn).
local ok_edit = false
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local s, e = line:find('^# III%.')
  if s then
    vim.api.nvim_buf_set_text(bufnr, i - 1, 2, i - 1, 6, { 'II.' })
    ok_edit = vim.wait(timeout, function() return not has('heading-numbering', i - 1) end, 20)
    break
  end
end
out({ stage = 'edit', ok = ok_edit, diagnostics = codes() })

for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd((opened and ok_edit) and 'qa!' or 'cq!')
