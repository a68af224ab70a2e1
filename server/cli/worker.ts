/**
 * Operator's tool for worker accounts, on the same database the server uses (DATA_DIR / DATABASE_URL):
 *
 *   npm run worker -- add --username U [--password P] --district 新华区 --name 张网格 [--role admin]
 *   npm run worker -- list
 *   npm run worker -- disable --username U        (also ends the account's sessions)
 *   npm run worker -- enable --username U
 *   npm run worker -- reset-password --username U [--password P]   (also ends the account's sessions)
 *
 * Without --password the password is read from standard input (a hidden prompt on a terminal), which keeps it
 * out of the shell's history and the process list.
 *
 * Exits 0 on success, 1 on bad input or a refused change, 2 on a wrong command line.
 */
import {
  normalizeUsername,
  validateDisplayName,
  validatePassword,
  validateUsername,
} from '../../src/domain/credentials';
import { DISTRICTS, type District } from '../../src/domain/districts';
import { STAFF_ROLES, staffRoleName, type StaffRole } from '../../src/domain/staff';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/crypto';
import type { Database } from '../db/tables';
import { readPassword } from './read-password';
import { createStaff, listStaff, setStaffDisabled, setStaffPassword } from '../repositories/staff';
import { InputError, parseCommandLine, runCommand, UsageError, withDatabase } from './run';

const USAGE = `用法 (usage):
  npm run worker -- add --username U [--password P] --district 区县 --name 显示名 [--role worker|admin]
  npm run worker -- list
  npm run worker -- disable --username U
  npm run worker -- enable --username U
  npm run worker -- reset-password --username U [--password P]
不写 --password 时从标准输入读取密码（终端里不回显），不留在命令历史里。
区县 (districts): ${DISTRICTS.join('、')}`;

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`缺少 --${name}`);
  return value;
}

/** --password when given (scripts), else read from standard input. */
async function password(values: Record<string, string | boolean | undefined>): Promise<string> {
  return typeof values.password === 'string' ? values.password : readPassword('密码（不回显）：');
}

function parse(argv: string[]) {
  return parseCommandLine(argv, {
    username: { type: 'string' },
    password: { type: 'string' },
    district: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
}

type Db = Kysely<Database>;

async function main(argv: string[]): Promise<string> {
  const { positionals, values } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help) return USAGE;
  if (!command) throw new UsageError('缺少命令');
  if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
  if (!['add', 'list', 'disable', 'enable', 'reset-password'].includes(command)) {
    throw new UsageError(`未知命令：${command}`);
  }

  // Check everything that needs no database first, so bad input never opens (or creates) one.
  let prepared: (db: Db) => Promise<string>;
  const now = new Date();
  if (command === 'add') {
    const username = normalizeUsername(required(values, 'username'));
    const name = required(values, 'name').trim();
    const role = (values.role ?? 'worker') as StaffRole;
    if (!STAFF_ROLES.some((r) => r.code === role)) {
      throw new InputError(`未知角色：${values.role}（可选 worker、admin）`);
    }
    const district = values.district as District | undefined;
    if (district === undefined && role === 'worker') {
      throw new InputError('社区工作者必须指定 --district 所属区县');
    }
    if (district !== undefined && !DISTRICTS.includes(district)) {
      throw new InputError(`未知区县：${district}。可选：${DISTRICTS.join('、')}`);
    }
    const problem = validateUsername(username) ?? validateDisplayName(name);
    if (problem) throw new InputError(problem);
    const secret = await password(values);
    const weakness = validatePassword(secret, username);
    if (weakness) throw new InputError(weakness);
    prepared = async (db) => {
      const account = {
        username,
        name,
        role,
        district: district ?? null,
        passwordHash: await hashPassword(secret),
      };
      const result = await createStaff(db, { account, now });
      if (result.kind === 'username_taken') throw new InputError(`用户名 ${username} 已被使用`);
      const { staff } = result;
      return `已创建账号 ${staff.username}（${staff.name}，${staffRoleName(staff.role)}，${staff.district ?? '全市'}）`;
    };
  } else if (command === 'list') {
    prepared = async (db) => {
      const accounts = await listStaff(db);
      if (accounts.length === 0) return '还没有工作人员账号';
      return accounts
        .map((a) =>
          [
            a.username,
            a.name,
            a.role,
            a.district ?? '全市',
            a.disabled ? '已停用' : '正常',
            a.createdAt,
          ].join('\t'),
        )
        .join('\n');
    };
  } else if (command === 'disable' || command === 'enable') {
    const username = normalizeUsername(required(values, 'username'));
    prepared = async (db) => {
      const disabled = command === 'disable';
      const result = await setStaffDisabled(db, { username, disabled, now });
      if (result.kind === 'not_found') throw new InputError(`没有这个用户名：${username}`);
      return disabled ? `已停用 ${username}，其登录已全部失效` : `已启用 ${username}`;
    };
  } else {
    const username = normalizeUsername(required(values, 'username'));
    const secret = await password(values);
    const weakness = validatePassword(secret, username);
    if (weakness) throw new InputError(weakness);
    prepared = async (db) => {
      const passwordHash = await hashPassword(secret);
      const result = await setStaffPassword(db, { username, passwordHash, now });
      if (result.kind === 'not_found') throw new InputError(`没有这个用户名：${username}`);
      return `已重置 ${username} 的密码，其登录已全部失效`;
    };
  }
  return withDatabase(prepared);
}

runCommand(() => main(process.argv.slice(2)), USAGE);
