import postgres from "postgres";
for (const extra of [{}, { fetch_types: false }, {prepare: true}]) {
  const tot: number[][] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const sql = postgres({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres", max: 1, prepare: false, onnotice: () => {}, ...extra });
    await sql.unsafe("select 1");
    const t1 = performance.now();
    await sql.unsafe("select 1");
    const t2 = performance.now();
    await sql.end({ timeout: 5 });
    const t3 = performance.now();
    tot.push([t1 - t0, t2 - t1, t3 - t2]);
  }
  const med = (k: number) => tot.map((r) => r[k]).sort((a, b) => a - b)[15].toFixed(2);
  console.log(JSON.stringify(extra), "connect+select", med(0), "select", med(1), "end", med(2));
}
