import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
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

  // Before any route's own checks: a body of a kind the route does not take, then NUL characters.
  app.addHook('preValidation', async (request) => {
    refuseUnexpectedMultipart(request);
    refuseUnexpectedFormBody(request);
    // PostgreSQL refuses a NUL character in text, SQLite keeps it: refuse it for both, before any route.
    const parts = { body: request.body, query: request.query, params: request.params };
    const field = Object.values(parts)
      .map((value) => fieldWithNul(value, ''))
      .find((found) => found !== null);
    if (field !== undefined) {
      throw validationError([{ field: field || 'body', message: '内容中含有不可见的控制字符' }]);
    }
  });
}

/** The path of the first text holding a NUL character, e.g. "photos.1"; null when there is none. */
function fieldWithNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = fieldWithNul(key, path) ?? fieldWithNul(inner, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

export default fp(validationPlugin, { name: 'validation' });
