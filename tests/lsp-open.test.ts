/**
 * The first diagnostics of an opened plan are published at once, not after the
 * pause that typing waits for: TextDocuments fires a change with every
 * opening, which must not put them off. The pause is set to an hour here, so
 * that diagnostics arrive only if the opening does not wait for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type LspServer } from './helpers/lsp-client';
import { LAI_CHAU_HEADER } from './helpers/plans';

let server: LspServer;
const published: { uri: string; version?: number; diagnostics: unknown[] }[] = [];
const waiting: (() => void)[] = [];

beforeAll(async () => {
  server = await startServer('bundle', {
    initializationOptions: { diagnosticsDebounceMs: 3_600_000 },
    handlers: (c) =>
      c.onNotification('textDocument/publishDiagnostics', (p) => {
        published.push(p);
        for (const wake of waiting.splice(0)) wake();
      }),
  });
});

afterAll(() => server.stop());

/** Resolves when diagnostics of `uri` have been published. */
async function diagnosticsOf(uri: string) {
  while (!published.some((p) => p.uri === uri)) await new Promise<void>((resolve) => waiting.push(resolve));
  return published.find((p) => p.uri === uri)!;
}

describe('opening a plan', () => {
  it('publishes its diagnostics without waiting for the pause of typing', async () => {
    const uri = 'file:///tmp/mo-ra.kh';
    await server.open(uri, `${LAI_CHAU_HEADER}# I. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao chất lượng.\n`);
    const first = await diagnosticsOf(uri);
    expect(first.version).toBe(1);
    expect(first.diagnostics.length).toBeGreaterThan(0);
  });
});
