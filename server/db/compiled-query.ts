import type { Compilable, CompiledQuery } from 'kysely';

/**
 * A query for a hot path, built and compiled by Kysely once per set of argument keys; each run
 * only binds the values. Building and compiling costs more than SQLite takes to run a small query,
 * and intake runs several per delivery. The SQL comes from the database's own dialect, so one
 * definition still serves SQLite and PostgreSQL: build from the Kysely instance the runs will use
 * (its transactions share its dialect).
 *
 *   const seen = compiledQuery((key: { id: string }) => db.selectFrom('messages').select('id').where('id', '=', key.id));
 *   const { rows } = await trx.executeQuery(seen({ id }));
 *
 * `build` sees markers in place of the argument's values, so it may route them into the query but
 * must not compute with them. Undefined values are left out, as Kysely leaves out such columns.
 */
export function compiledQuery<Args extends object, Row>(
  build: (args: Args) => Compilable<Row>,
): (args: Args) => CompiledQuery<Row> {
  const byKeys = new Map<string, { compiled: CompiledQuery<Row>; slots: (string | undefined)[] }>();
  return (args) => {
    const keys = Object.keys(args).filter((key) => args[key as keyof Args] !== undefined);
    const shape = keys.join('\u0000');
    let entry = byKeys.get(shape);
    if (!entry) {
      // Kysely passes a value it does not know as a parameter, untouched: each marker object marks its slot.
      const markers = new Map<unknown, string>(keys.map((key) => [{ placeholder: key }, key]));
      const compiled = build(Object.fromEntries([...markers].map(([marker, key]) => [key, marker])) as Args).compile();
      const slots = compiled.parameters.map((parameter) => markers.get(parameter));
      entry = { compiled, slots };
      byKeys.set(shape, entry);
    }
    const { compiled, slots } = entry;
    const values = args as Record<string, unknown>;
    return {
      ...compiled,
      parameters: slots.map((slot, i) => (slot === undefined ? compiled.parameters[i] : values[slot])),
    };
  };
}
