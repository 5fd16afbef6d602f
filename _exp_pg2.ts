import { connectPostgres } from "./lib/dialects/postgres/driver.ts";
import type { Dialect } from "./lib/dialects/dialect.ts";
const d = { name: "postgresql" } as unknown as Dialect;
const url = (o: Record<string,string> = {}, db = "postgres") => ({ dialect: "postgresql" as const, host: "127.0.0.1", port: 5432, user: "postgres", database: db, options: o, raw: "" });
for (const o of [{}, {sslmode: "prefer"}]) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const c = await connectPostgres(url(o), d);
    await c.query("select 1");
    await c.close();
    times.push(performance.now() - t);
  }
  times.sort((a,b)=>a-b);
  console.log(JSON.stringify(o), "median", times[10].toFixed(2), "min", times[0].toFixed(2), "first", times);
}
const c = await connectPostgres(url(), d);
console.log(await c.query("select ? ::int as a, '?' as q, $$?$$ as r, ?::bigint as b, ?::bytea as by, ?::timestamptz as ts, count(*) from pg_class", [1, 5n, new Uint8Array([1,2]), new Date(0)]));
await c.executeScript("create temp table t(a int); insert into t values (1),(2); -- ? comment\n insert into t values (3);");
console.log(await c.execute("update t set a = a + ?", [1]));
try { await c.query("select * from nope where x = ?", [1]); } catch (e) { console.log((e as Error).message); }
try { await c.executeScript("select 1; select * from nope;"); } catch (e) { console.log((e as Error).message); }
try { await c.executeScript("create table x(a int); insert into x values ('a')"); } catch (e) { console.log((e as Error).message); }
await c.executeScript("-- only comment");
await c.close(); await c.close();
try { await c.query("select 1"); } catch (e) { console.log((e as Error).message); }
