import { connectPostgres } from "./lib/dialects/postgres/driver.ts";
import type { Dialect } from "./lib/dialects/dialect.ts";
const d = { name: "postgresql" } as unknown as Dialect;
const url = { dialect: "postgresql" as const, host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres", options: {}, raw: "" };
const c = await connectPostgres(url, d);
console.log(await c.query(`select array['a','b c',null,'x"y\\z',''] as t, array[1,2] as i, array[true,false] as b, array[[1,2],[3,4]] as n, array[]::text[] as e, array_agg(attname) as names, array[1::bigint] as i8, '[0:1]={1,2}'::int[] as bounded from pg_attribute where attrelid='pg_class'::regclass and attnum between 1 and 3`));
await c.close();
const times: number[] = [];
for (let i = 0; i < 30; i++) { const t = performance.now(); const x = await connectPostgres(url, d); await x.query("select 1"); await x.close(); times.push(performance.now() - t); }
times.sort((a, b) => a - b); console.log("median", times[15].toFixed(2), "min", times[0].toFixed(2));
