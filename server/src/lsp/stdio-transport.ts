import { Transform, Writable, type TransformCallback } from 'node:stream';

/**
 * The language server's stdin and stdout, made safe against a client that
 * misbehaves. Incoming bytes pass through a frame filter: a frame whose
 * header is malformed (no Content-Length, not a number, no end of header in
 * 8 KB) is reported and skipped up to the next `Content-Length`, so that one
 * bad frame never leaves the server deaf; a body larger than the limit is
 * dropped as it arrives, never buffered. Frames are handed on while fewer
 * than 64 requests await their answer and while less than the backlog limit
 * (16 MB) waits in stdout for the client to read; else the filter holds them
 * and reads no more input, so what the server holds stays bounded whatever
 * the client sends and however little it reads.
 */

const HEADER_LIMIT = 8 * 1024;
/** A plan is at most 8 MB and an imported file 64 MB (host/plan-files.ts), which comes in base64: 86 MB. */
export const MESSAGE_LIMIT = 96 * 1024 * 1024;
const BACKLOG_LIMIT = 16 * 1024 * 1024;
/** More than any editor asks at once (semantic tokens, folding, symbols, hints, code actions… of a few documents). */
const IN_FLIGHT_LIMIT = 64;
const CONTENT_LENGTH = Buffer.from('Content-Length');

/** Reports what the transport did, on stderr (the client may not be reading its own channel). */
type Report = (message: string) => void;

/** Whether a frame's body is a request (it has an id and a method), which will be answered. Bodies over 1 MB are judged by their first bytes. */
function isRequest(body: Buffer): boolean {
  if (body.length > 1024 * 1024) {
    const head = body.subarray(0, 256).toString('utf8');
    return /"id"\s*:/.test(head) && /"method"\s*:/.test(head);
  }
  try {
    const message = JSON.parse(body.toString('utf8')) as { id?: unknown; method?: unknown };
    return message.id !== undefined && typeof message.method === 'string';
  } catch {
    return false; // Not JSON: answered by no one (vscode-jsonrpc reports it).
  }
}

/** Whether a body the server writes is a response (vscode-jsonrpc writes `jsonrpc`, `id`, then `result` or `error`). */
const RESPONSE = /^\{"jsonrpc":"2\.0","id":(?:-?\d+|"(?:[^"\\]|\\.)*"|null),"(?:result|error)"/;

class FrameFilter extends Transform {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The length of the body being read, once its header is read; -1 between frames. */
  private bodyLength = -1;
  /** Bytes of an oversized body still to drop. */
  private skipping = 0;
  /** Frames read and not yet handed on, each with whether it is a request. */
  private readonly ready: { frame: Buffer; request: boolean }[] = [];
  /** Requests handed on and not yet answered. */
  private inFlight = 0;
  /** The callback of the input chunk whose frames are not all handed on: no more input is read until it is called. */
  private pendingDone?: TransformCallback;
  private reportedBacklog = false;

  constructor(
    private readonly report: Report,
    private readonly backlog: () => { waiting: number; limit: number },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.frames();
    this.pendingDone = done;
    this.pump();
  }

  /** A response was written: one request fewer awaits its answer. */
  answered(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
  }

  /** Hands on the frames held while the server may take them; reads more input once all are handed on. */
  pump(): void {
    while (this.ready.length) {
      const { waiting, limit } = this.backlog();
      if (waiting > limit) {
        if (!this.reportedBacklog) this.report(`kehoach: the client is not reading; ${waiting} bytes wait to be sent, requests are held until it reads`);
        this.reportedBacklog = true;
        return;
      }
      if (this.reportedBacklog) this.report('kehoach: the client reads again; requests are read');
      this.reportedBacklog = false;
      if (this.inFlight >= IN_FLIGHT_LIMIT) return;
      const { frame, request } = this.ready.shift()!;
      if (request) this.inFlight++;
      this.push(frame);
    }
    const done = this.pendingDone;
    this.pendingDone = undefined;
    done?.();
  }

  private consume(length: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const taken = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return taken;
  }

  private peek(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Cuts the input read so far into frames, held in `ready`. */
  private frames(): void {
    for (;;) {
      if (this.skipping > 0) {
        const dropped = Math.min(this.skipping, this.buffered);
        this.consume(dropped);
        this.skipping -= dropped;
        if (this.skipping > 0) return;
      }
      if (this.bodyLength < 0) {
        // A header: wait for its end, unless it is already longer than any header.
        if (this.buffered === 0) return;
        const bytes = this.peek();
        const end = bytes.indexOf('\r\n\r\n');
        if (end < 0) {
          if (bytes.length > HEADER_LIMIT) this.resync('no end of header in 8 KB');
          return;
        }
        const length = contentLength(bytes.subarray(0, end).toString('latin1'));
        if (length === undefined) {
          this.report(`kehoach: skipped a message with a malformed header: ${JSON.stringify(bytes.subarray(0, Math.min(end, 200)).toString('latin1'))}`);
          this.consume(end + 4);
          this.resync();
          continue;
        }
        this.consume(end + 4);
        if (length > MESSAGE_LIMIT) {
          this.report(`kehoach: skipped a message of ${length} bytes (the limit is ${MESSAGE_LIMIT})`);
          this.skipping = length;
          continue;
        }
        this.bodyLength = length;
      }
      if (this.buffered < this.bodyLength) return;
      const body = this.consume(this.bodyLength);
      this.bodyLength = -1;
      this.ready.push({ frame: Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]), request: isRequest(body) });
    }
  }

  /** Drops bytes up to the next `Content-Length`, where the next frame may start. */
  private resync(why?: string): void {
    if (why) this.report(`kehoach: skipped input: ${why}`);
    const bytes = this.peek();
    const next = bytes.indexOf(CONTENT_LENGTH, 1);
    // Without one, keep what could be the start of one split across reads.
    this.consume(next >= 0 ? next : Math.max(0, bytes.length - CONTENT_LENGTH.length));
  }
}

/** The body length a header gives, or undefined when the header is malformed. */
function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}

export interface GuardedStdio {
  /** The server's input: only well-formed frames, held while the client does not read. */
  input: Transform;
  /** The server's output: to stdout at once, so that what waits for the client is counted there. */
  output: Writable;
  /** Lowers the backlog at which frames are held (never above 16 MB): a client that wants its server to wait sooner. */
  limitBacklog(bytes: number): void;
}

/** The input and output streams to give `createConnection` in place of stdin and stdout. */
export function guardedStdio(options: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream & { writableLength: number }; report?: Report } = {}): GuardedStdio {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const report = options.report ?? ((message: string) => void process.stderr.write(`${message}\n`));
  let limit = BACKLOG_LIMIT;
  const input = new FrameFilter(report, () => ({ waiting: stdout.writableLength, limit }));
  stdout.on('drain', () => input.pump());
  stdin.pipe(input);
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stdout.write(chunk);
      // vscode-jsonrpc writes a message's header and body apart: the body tells a response.
      if (chunk[0] === 0x7b && RESPONSE.test(chunk.subarray(0, 256).toString('utf8'))) input.answered();
      done();
    },
  });
  return { input, output, limitBacklog: (bytes) => void (limit = Math.min(BACKLOG_LIMIT, Math.max(0, bytes))) };
}
