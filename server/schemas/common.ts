import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '../../src/domain/errors';

/** The one error envelope, for every 4xx/5xx response schema; its codes are those of src/domain/errors.ts. */
export const ErrorSchema = Type.Object({
  code: Type.Unsafe<ErrorCode>({ type: 'string', enum: Object.keys(ERROR_MESSAGES) }),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

/** Response schemas for the given error statuses: every one of them is the envelope. */
export function errorResponses<const S extends number>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorSchema])) as Record<
    S,
    typeof ErrorSchema
  >;
}

/** A string schema that accepts exactly the codes of one of the `as const` lists in src/domain. */
export function CodeSchema<const T extends readonly { code: string }[]>(list: T) {
  return Type.Unsafe<T[number]['code']>({ type: 'string', enum: list.map((item) => item.code) });
}

/** A string schema that accepts exactly the values of an `as const` list. */
export function OneOfSchema<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** `?limit=` of a cursor-paged list. */
export const PageLimitSchema = Type.Integer({ minimum: 1, maximum: 50, default: 20 });

/** One page of a cursor-paged list: `Page<T>` of src/domain/commitment.ts. */
export const PageSchema = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String()),
    total: Type.Integer(),
  });

/** Fails `tsc` when a schema and the domain type it serves drift apart: `Expect<Equals<A, B>>`. */
export type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;

export type SchemaMatchesDomain = Expect<Equals<Static<typeof ErrorSchema>, ErrorBody>>;
