import { Type, type Static } from '@sinclair/typebox';
import { CREDENTIAL_RULES, type LoginInput, type LoginResult } from '../../src/domain/credentials';
import { DISTRICTS } from '../../src/domain/districts';
import { STAFF_ROLES, type Staff } from '../../src/domain/staff';
import { CodeSchema, Nullable, OneOfSchema, type Equals, type Expect } from './common';

export const StaffSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: CodeSchema(STAFF_ROLES),
  district: Nullable(OneOfSchema(DISTRICTS)),
});

export const LoginInputSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: CREDENTIAL_RULES.passwordMax }),
  },
  { additionalProperties: false },
);

export const LoginResultSchema = Type.Object({
  token: Type.String(),
  worker: StaffSchema,
  expiresAt: Type.String(),
});

export type SchemaMatchesDomain = [
  Expect<Equals<Static<typeof StaffSchema>, Staff>>,
  Expect<Equals<Static<typeof LoginInputSchema>, LoginInput>>,
  Expect<Equals<Static<typeof LoginResultSchema>, LoginResult>>,
];
