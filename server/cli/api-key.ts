/**
 * Operator's tool for the keys of systems that use Open311 (the city's 12345 system), on the server's database:
 *
 *   npm run -s api-key -- add --name 12345热线 [--allow 10.12.0.0/16 --allow 2001:db8::/32 …]
 *   npm run -s api-key -- list
 *   npm run -s api-key -- revoke --id ID        (one key)
 *   npm run -s api-key -- revoke --name NAME    (every live key of that system)
 *
 * `add` prints the new key, and only the key, on stdout: the database keeps only its hash, so it is shown once. A
 * system on an `--allow` block may read requests without presenting its key. A revoked key is refused from the
 * next request on. Exits 0 on success, 1 on bad input or a refused change, 2 on a wrong command line.
 */
import type { Kysely } from 'kysely';
import { hasControlCharacter } from '../../src/domain/handover';
import { normalizeCidr } from '../auth/allow-list';
import type { Database } from '../db/tables';
import { createApiKey, listApiKeys, revokeApiKeys } from '../repositories/api-keys';
import { InputError, parseCommandLine, runCommand, UsageError, withDatabase } from './run';

const USAGE = `用法 (usage):
  npm run -s api-key -- add --name 系统名称 [--allow CIDR …]
  npm run -s api-key -- list
  npm run -s api-key -- revoke --id ID
  npm run -s api-key -- revoke --name 系统名称
add 只在标准输出打印新密钥（只显示这一次）；--allow 可写多次，来自这些地址的系统不带密钥也能查询诉求。`;

const NAME_MAX = 50;

/** The system's name, as requests it files will say 来源: name. */
function systemName(value: string | undefined): string {
  const name = (value ?? '').trim();
  if (!name) throw new UsageError('缺少 --name');
  if (name.length > NAME_MAX || hasControlCharacter(name)) {
    throw new InputError(`系统名称最多 ${NAME_MAX} 个字，且不能含控制字符`);
  }
  return name;
}

/** Every block given, whether as `--allow A --allow B`, `--allow A,B` or `--allow A B`. */
function allowList(given: string[]): string[] {
  return given
    .flatMap((value) => value.split(','))
    .filter((value) => value.trim() !== '')
    .map((value) => {
      const cidr = normalizeCidr(value);
      if (!cidr) throw new InputError(`不是有效的地址或网段：${value}（例如 10.12.0.0/16）`);
      return cidr;
    });
}

async function main(argv: string[]): Promise<string> {
  const { positionals, values } = parseCommandLine(argv, {
    name: { type: 'string' },
    id: { type: 'string' },
    allow: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  const [command, ...rest] = positionals;
  if (values.help) return USAGE;
  if (!command) throw new UsageError('缺少命令');
  // `--allow A B`: the blocks after the first are positionals.
  const extraBlocks = command === 'add' && values.allow ? rest : [];
  if (rest.length > extraBlocks.length) throw new UsageError(`多余的参数：${rest.join(' ')}`);

  let prepared: (db: Kysely<Database>) => Promise<string>;
  const now = new Date();
  if (command === 'add') {
    const name = systemName(values.name);
    const allow = allowList([...(values.allow ?? []), ...extraBlocks]);
    prepared = async (db) => (await createApiKey(db, { name, allow, now })).key;
  } else if (command === 'list') {
    prepared = async (db) => {
      const keys = await listApiKeys(db);
      if (keys.length === 0) return '还没有密钥';
      return keys
        .map((k) =>
          [
            k.id,
            k.name,
            k.allow.join(',') || '-',
            k.createdAt,
            k.revokedAt ? `已吊销 ${k.revokedAt}` : '有效',
          ].join('\t'),
        )
        .join('\n');
    };
  } else if (command === 'revoke') {
    if ((values.id === undefined) === (values.name === undefined)) {
      throw new UsageError('revoke 需要 --id 或 --name（二选一）');
    }
    const target = values.id !== undefined ? { id: values.id } : { name: systemName(values.name) };
    prepared = async (db) => {
      const result = await revokeApiKeys(db, { ...target, now });
      if (result.kind === 'not_found') throw new InputError('没有这个有效的密钥');
      return result.revoked.map((k) => `已吊销 ${k.id}（${k.name}）`).join('\n');
    };
  } else {
    throw new UsageError(`未知命令：${command}`);
  }
  return withDatabase(prepared);
}

runCommand(() => main(process.argv.slice(2)), USAGE);
