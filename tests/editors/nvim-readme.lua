-- Sources the README's Neovim snippet as written (README in $KEHOACH_README),
-- opens the plan given on the command line and waits for the server's
-- diagnostics. Prints one JSON line; exits non-zero when none came.
local readme = table.concat(vim.fn.readfile(os.getenv('KEHOACH_README')), '\n')
local snippet = readme:match('Neovim 0%.7.-```lua\n(.-)```')
assert(snippet, 'no Neovim snippet in the README')
assert(loadstring(snippet))()
vim.cmd('edit ' .. vim.fn.fnameescape(vim.fn.argv(0)))
local bufnr = vim.api.nvim_get_current_buf()
local ok = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local codes = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(codes, d.code or '?') end
local root
for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do root = c.config.root_dir end
io.stdout:write(vim.fn.json_encode({ filetype = vim.bo.filetype, root = root, codes = codes }) .. '\n')
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd(ok and 'qa!' or 'cq!')
