import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import {
  EXPORT,
  IMPORT,
  MAX_SENT_FILE_BYTES,
  NEW_PLAN,
  PLAN_STATUS,
  PREVIEW,
  REGISTRY_ENTRY,
  REVIEW,
  type ExportParams,
  type ImportParams,
  type NewPlanParams,
  type PlanStatusParams,
  type PreviewParams,
  type RegistryEntryParams,
  type ReviewParams,
} from './protocol';

/**
 * The parameters of kehoach's own requests, checked against their types in
 * `protocol.ts` before a handler sees them: a client (or anything writing to
 * the server's stdin) may send any JSON. A wrong parameter is answered with
 * InvalidParams and a message in Vietnamese and English, never reaches the
 * handler and never throws in it.
 */

/** The longest string a parameter may be (a URI, an agency's name): far beyond any real one. */
const MAX_STRING = 10_000;

type Check = (value: unknown) => boolean;

const string: Check = (v) => typeof v === 'string' && v.length <= MAX_STRING;
const nonEmpty: Check = (v) => string(v) && (v as string).trim().length > 0;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string);
const isoDate: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** A nonce goes into the preview's policy and its script tag: base64 characters only. */
const nonce: Check = (v) => typeof v === 'string' && /^[A-Za-z0-9+/=_-]{1,200}$/.test(v);
/** A file's bytes in base64, as the client sends them: at most MAX_SENT_FILE_BYTES. */
const base64: Check = (v) => typeof v === 'string' && v.length <= Math.ceil(MAX_SENT_FILE_BYTES / 3) * 4;
const optional = (check: Check): Check & { optional: true } => Object.assign((v: unknown) => v === undefined || check(v), { optional: true as const });
const object =
  (fields: Record<string, Check>): Check =>
  (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(fields).every(([k, check]) => check((v as Record<string, unknown>)[k]));

/** What each field must be, said to the client. */
const EXPECTS: Record<string, string> = {
  uri: 'a URI string',
  format: 'html, docx or pdf',
  implements: 'a non-empty string',
  issuer: 'a non-empty string',
  system: 'state, party or mass',
  date: 'a date YYYY-MM-DD',
  shell: '{ nonce, cspSource }',
  content: 'the file’s bytes in base64',
  suggest: 'true or false',
};

/** The fields of each request's parameters, as protocol.ts types them. */
const SHAPES = {
  [REGISTRY_ENTRY]: { uri: string } satisfies Record<keyof RegistryEntryParams, Check>,
  [PLAN_STATUS]: { uri: string } satisfies Record<keyof PlanStatusParams, Check>,
  [NEW_PLAN]: { implements: nonEmpty, issuer: nonEmpty, system: optional(oneOf('state', 'party', 'mass')), date: optional(isoDate) } satisfies Record<keyof NewPlanParams, Check>,
  [IMPORT]: { uri: string, content: optional(base64) } satisfies Record<keyof ImportParams, Check>,
  [PREVIEW]: { uri: string, shell: optional(object({ nonce, cspSource: string })) } satisfies Record<keyof PreviewParams, Check>,
  [EXPORT]: { uri: string, format: oneOf('html', 'docx', 'pdf') } satisfies Record<keyof ExportParams, Check>,
  [REVIEW]: { uri: string, suggest: optional((v) => typeof v === 'boolean'), content: optional(base64) } satisfies Record<keyof ReviewParams, Check>,
};

export type CheckedMethod = keyof typeof SHAPES;

/**
 * The parameters when they have the shape of `method`'s, else the error to
 * answer with (InvalidParams, naming the fields that are wrong).
 */
export function checkParams<P>(method: CheckedMethod, params: unknown): P | ResponseError<void> {
  const shape: Record<string, Check> = SHAPES[method];
  const given = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : undefined;
  const wrong = given
    ? Object.entries(shape)
        .filter(([field, check]) => !check(given[field]))
        .map(([field]) => field)
    : Object.keys(shape).filter((field) => !('optional' in shape[field]));
  if (!given || wrong.length) {
    const fields = wrong.length ? wrong : Object.keys(shape);
    const expected = fields.map((f) => `${f} (${EXPECTS[f]})`).join(', ');
    return new ResponseError(ErrorCodes.InvalidParams, `Tham số không hợp lệ của ${method}: ${fields.join(', ')} / Invalid parameters of ${method}: ${expected}`);
  }
  return given as P;
}
