/*
 * /api/docs: the OpenAPI document as a page a person reads, made on the server from the document itself. Plain HTML
 * and a little CSS: nothing is loaded from anywhere, so it works offline and behind any firewall.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function asObject(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** A schema in one line where it fits: `string`, `integer 1–50`, `"a" | "b"`. */
function shortType(schema: JsonObject): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const range = [schema.minimum, schema.maximum].some((v) => v !== undefined)
    ? ` ${schema.minimum ?? ''}–${schema.maximum ?? ''}`
    : '';
  if (Array.isArray(schema.anyOf))
    return schema.anyOf.map((s) => shortType(asObject(s))).join(' | ');
  return `${typeof schema.type === 'string' ? schema.type : 'object'}${range}`;
}

function schemaBlock(schema: Json | undefined): string {
  if (schema === undefined) return '';
  return `<details><summary>schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function parametersTable(parameters: Json | undefined): string {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = parameters.map((raw) => {
    const p = asObject(raw);
    const name = escapeHtml(String(p.name));
    const type = escapeHtml(shortType(asObject(p.schema)));
    return `<tr><td><code>${name}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? '必填' : ''}</td><td><code>${type}</code></td></tr>`;
  });
  return `<table><tr><th>参数</th><th>位置</th><th></th><th>类型</th></tr>${rows.join('')}</table>`;
}

function contentSchema(holder: JsonObject): Json | undefined {
  const content = asObject(holder.content);
  const first = Object.values(content)[0];
  return first === undefined ? undefined : asObject(first).schema;
}

function operationSection(method: string, path: string, operation: JsonObject): string {
  const body = asObject(operation.requestBody);
  const responses = Object.entries(asObject(operation.responses)).map(([status, raw]) => {
    const response = asObject(raw);
    const description = escapeHtml(String(response.description ?? ''));
    return `<li><strong>${escapeHtml(status)}</strong> ${description}${schemaBlock(contentSchema(response))}</li>`;
  });
  return [
    `<section id="${escapeHtml(`${method}-${path}`)}">`,
    `<h2><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>`,
    operation.summary ? `<p>${escapeHtml(String(operation.summary))}</p>` : '',
    parametersTable(operation.parameters),
    operation.requestBody ? `<h3>请求体</h3>${schemaBlock(contentSchema(body))}` : '',
    `<h3>响应</h3><ul>${responses.join('')}</ul>`,
    '</section>',
  ].join('');
}

const STYLE = `body{font:15px/1.6 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:16px;color:#1f2329}
h1{font-size:22px}h2{font-size:17px;margin:28px 0 8px;border-top:1px solid #e5e6eb;padding-top:16px}
h3{font-size:14px;margin:8px 0 4px}.method{display:inline-block;min-width:56px;color:#1a5fb4}
table{border-collapse:collapse}td,th{border:1px solid #e5e6eb;padding:2px 8px;text-align:left}
pre{background:#f5f6f7;padding:8px;overflow:auto;font-size:12px}code{font-family:ui-monospace,monospace}`;

/** The whole page: every operation of the document, in path order, with its parameters, body and responses. */
export function docsPage(openapi: object): string {
  const document = asObject(openapi as Json);
  const info = asObject(document.info);
  const paths = Object.entries(asObject(document.paths)).sort(([a], [b]) => a.localeCompare(b));
  const sections = paths.flatMap(([path, raw]) => {
    const item = asObject(raw);
    return METHODS.filter((m) => item[m]).map((m) => operationSection(m, path, asObject(item[m])));
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(String(info.title))}</title>
<style>${STYLE}</style></head><body><h1>${escapeHtml(String(info.title))}</h1>
<p>${escapeHtml(String(info.description ?? ''))}</p><p>机器可读的文档：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI ${escapeHtml(String(document.openapi))}）。</p>
${sections.join('\n')}</body></html>`;
}
