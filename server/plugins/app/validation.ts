import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { FieldError } from '../../../src/domain/errors';
import { hasLoneSurrogate } from '../../../src/domain/text';
import { validationError } from '../../errors';
import { refuseUnexpectedFormBody } from '../external/formbody';
import { refuseUnexpectedMultipart } from '../external/multipart';

const common = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
} as const;

/**
 * Two validators, chosen by the part of the request. Query strings, params and headers arrive as text and are
 * coerced to the schema's types (`?limit=20` → 20). JSON bodies must carry the right types as sent: coercion would
 * read `"anonymous": "false"` as false and `"content": 12345678901` as text.
 */
async function validationPlugin(app: FastifyInstance) {
  const coercing = new Ajv({ ...common, coerceTypes: true });
  const strict = new Ajv({ ...common, coerceTypes: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );

  // Before any route's own checks: a body of a kind the route does not take (multipart, a form), then NUL characters.
  app.addHook('preValidation', async (request) => {
    refuseUnexpectedMultipart(request);
    refuseUnexpectedFormBody(request);
    // What no database stores as sent, and bodies nested deeper than any the API takes.
    for (const part of [request.body, request.query, request.params]) {
      const problem = unstorable(part);
      if (problem) throw validationError([problem]);
    }
  });
}

/** Deeper than any body the API takes (a request with its location is three levels deep). */
export const MAX_NESTING = 32;

/** What is wrong with a text that no database stores as sent, or null. */
function unstorableText(text: string): string | null {
  // PostgreSQL refuses a NUL character in text, SQLite keeps it: refused for both.
  if (text.includes('\u0000')) return '内容中含有不可见的控制字符';
  // SQLite stores half an emoji as bytes that read back as three other characters; PostgreSQL refuses it.
  if (hasLoneSurrogate(text)) return '含有无法识别的字符，请删除后重新输入';
  return null;
}

/**
 * The first text of a parsed body (or query, or params) that no database stores as sent, keys included, or a
 * nesting deeper than MAX_NESTING: where (e.g. "photos.1", or "body") and why; null when there is none. A loop over
 * a stack, not a recursion, so that a body 30,000 levels deep is refused rather than a crash.
 */
function unstorable(part: unknown): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: part, path: '', depth: 0 },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path, depth } = next;
    const field = path || 'body';
    if (typeof value === 'string') {
      const message = unstorableText(value);
      if (message) return { field, message };
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_NESTING) return { field, message: '内容的层级太深' };
      // Reversed onto the stack, so that fields are looked at in the order they came.
      for (const [key, inner] of Object.entries(value).reverse()) {
        const message = unstorableText(key);
        if (message) return { field, message };
        stack.push({ value: inner, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return null;
}

export default fp(validationPlugin, { name: 'validation' });
