import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

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
}

export default fp(validationPlugin, { name: 'validation' });
