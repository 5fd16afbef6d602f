import { connectMysql } from "./lib/dialects/mysql/driver.ts";
import type { Dialect } from "./lib/dialects/dialect.ts";
const d = { name: "mysql" } as unknown as Dialect;
const url = { dialect: "mysql" as const, host: "127.0.0.1", port: 3306, user: "root", database: "test", options: {}, raw: "" };
const c = await connectMysql(url, d);
console.log(await c.query("select ? as a, '?' as q, `?` , ? as b, ? as `by`, ? as ts, count(*) as n, now() as now, cast(1.5 as decimal(4,2)) as `dec` from (select 1 as `?`) x -- ?\n", [1, 5n, new Uint8Array([1,2]), new Date(0)]));
await c.executeScript("create temporary table t(a int); insert into t values (1),(2); # ? comment\n insert into t values (3);");
console.log(await c.execute("update t set a = a + ?", [1]));
try { await c.query("select * from nope where x = ?", [1]); } catch (e) { console.log((e as Error).message); }
try { await c.executeScript("select 1; select * from nope;"); } catch (e) { console.log((e as Error).message); }
await c.executeScript("-- only comment");
const c2 = await connectMysql(url, d);
console.log(await c.lock("x", 100), await c2.lock("x", 250, () => console.log("wait")));
let t = performance.now(); console.log(await c2.lock("x", 250), performance.now() - t);
await c.close(); await c.close();
t = performance.now(); console.log(await c2.lock("x", 5000), performance.now() - t);
try { await c.query("select 1"); } catch (e) { console.log((e as Error).message); }
await c2.close();
const times: number[] = [];
for (let i = 0; i < 30; i++) { const t = performance.now(); const x = await connectMysql(url, d); await x.query("select 1"); await x.close(); times.push(performance.now() - t); }
times.sort((a, b) => a - b); console.log("median", times[15].toFixed(2), "min", times[0].toFixed(2));
