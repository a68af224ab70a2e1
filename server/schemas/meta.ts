import { Type } from '@sinclair/typebox';

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export const MetaSchema = Type.Object({
  commitmentCategories: Type.Array(Named),
  commitmentStatuses: Type.Array(Type.Composite([Named, Type.Object({ meaning: Type.String() })])),
  ticketCategories: Type.Array(
    Type.Composite([Named, Type.Object({ hint: Type.String(), dueDays: Type.Integer() })]),
  ),
  districts: Type.Array(Type.String()),
  /** True when the database holds generated sample data (`npm run seed`), not real requests. */
  sample: Type.Boolean(),
});
