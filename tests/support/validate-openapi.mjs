// Validates an OpenAPI document read from standard input against the specification's own JSON schema
// (@seriousme/openapi-schema-validator ships as an ES module, so the jest suites run it in a process of its own).
// Prints { valid, errors } as JSON.
import process from 'node:process';
import { Validator } from '@seriousme/openapi-schema-validator';

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (text += chunk));
process.stdin.on('end', async () => {
  const result = await new Validator().validate(JSON.parse(text));
  process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? [] }));
});
