#!/usr/bin/python3
"""Alembic 1.8 as the reference for relative walks with several version rows (issue 14, item 2).

Usage:
  /usr/bin/python3 scripts/alembic_walk_compare.py generate OUT_DIR [--seed N] [--graphs N] [--max-cases N]
      generate revision graphs (linear, forks, merges, several bases, branch labels, depends_on),
      version-table states (real multi-head states and tampered ones holding an ancestor row), every
      row order of each state (up to 3 rows; a few orders beyond), and relative targets (-1, -2,
      label@-1, rev-1, rev+1, +1, heads, ...); run them through Alembic under four PYTHONHASHSEED
      values and write OUT_DIR/walk_*.json, the fixtures of tests/unit/revision/alembic_walk_test.ts
      (committed: --seed 14 --graphs 30 --max-cases 200; `deno run -A scripts/alembic_walk_check.ts
      DIR` compares Retort with any such folder)

Needs python3-alembic 1.8.1 (Debian: apt-get install python3-alembic); `npm test` does not.

Alembic reads the version rows in the order the database returns them and, for `downgrade -N`
without a branch, walks from the first row (`_parse_downgrade_target`: `symbol = current_revisions[0]`),
so each state is run in each of its row orders. A case whose result differs between hash seeds keeps
the other variants in "unstable": there Alembic's result is an accident of Python's set order.
"""

import itertools
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import alembic  # noqa: E402
import alembic_oracle as oracle  # noqa: E402

CHUNK = 60
# Cases kept per graph (0: all); the committed fixtures use 200 to stay near 2 MB.
MAX_CASES = 0
RELATIVE = re.compile(r"^(?:.+?@)?\w*[+-]\d+$")


def r(i, down=(), labels=(), deps=()):
    return {"id": i, "down": list(down), "labels": list(labels), "deps": list(deps)}


def fixed_graphs():
    """Small graphs where each shape the issue names is certain to appear."""
    return [
        {"name": "linear", "revisions": [r("a1a1"), r("b2b2", ["a1a1"]), r("c3c3", ["b2b2"]), r("d4d4", ["c3c3"])]},
        {"name": "fork", "revisions": [r("a1a1"), r("b2b2", ["a1a1"]), r("c3c3", ["a1a1"]), r("d4d4", ["b2b2"]),
                                       r("e5e5", ["c3c3"])]},
        {"name": "fork_labels",
         "revisions": [r("a1a1"), r("b2b2", ["a1a1"], labels=["audit"]), r("c3c3", ["a1a1"], labels=["billing"]),
                       r("d4d4", ["b2b2"]), r("e5e5", ["c3c3"])]},
        {"name": "merge", "revisions": [r("a1a1"), r("b2b2", ["a1a1"]), r("c3c3", ["a1a1"]),
                                        r("d4d4", ["b2b2", "c3c3"]), r("e5e5", ["d4d4"])]},
        {"name": "merge_head", "revisions": [r("a1a1"), r("b2b2", ["a1a1"]), r("c3c3", ["a1a1"]),
                                             r("d4d4", ["b2b2", "c3c3"]), r("f6f6", ["a1a1"])]},
        {"name": "two_bases", "revisions": [r("a1a1", labels=["core"]), r("b2b2", ["a1a1"]), r("c3c3", labels=["lib"]),
                                            r("d4d4", ["c3c3"]), r("e5e5", ["d4d4"])]},
        {"name": "depends_on", "revisions": [r("a1a1", labels=["core"]), r("b2b2", ["a1a1"]), r("c3c3", labels=["lib"]),
                                             r("d4d4", ["c3c3"], deps=["b2b2"]), r("e5e5", ["b2b2"])]},
        {"name": "depends_on_label",
         "revisions": [r("a1a1", labels=["core"]), r("b2b2", ["a1a1"]), r("c3c3", labels=["lib"]),
                       r("d4d4", ["c3c3"], deps=["core"]), r("e5e5", ["d4d4"]), r("f6f6", ["b2b2"])]},
    ]


def ancestors_by_down(revs, rid):
    down = {x["id"]: x["down"] for x in revs}
    out, todo = set(), list(down[rid])
    while todo:
        x = todo.pop()
        if x not in out:
            out.add(x)
            todo.extend(down[x])
    return out


def gen_states(rnd, g, rmap):
    ids = [x["id"] for x in g["revisions"]]

    def up(cur, target):
        res = oracle.run_scenario(rmap, {"op": "upgrade", "current": cur, "target": target})
        return None if "error" in res else res["rows"]

    states = []

    def add(st):
        if st and sorted(st) not in [sorted(s) for s in states]:
            states.append(sorted(st))

    add(up([], "heads"))
    for _ in range(6):
        st = up([], rnd.choice(ids))
        if st is not None and rnd.random() < 0.7:
            st2 = up(st, rnd.choice(ids))
            if st2 is not None:
                st = st2
        if st is not None:
            add(st)
    multi = [s for s in states if len(s) > 1]
    single = [s for s in states if len(s) == 1]
    states = multi[:5] + single[:2]
    # Tampered: a row plus a revision it descends from (what a hand edit or a bad stamp leaves).
    tampered = []
    for st in states[:4]:
        row = rnd.choice(st)
        anc = sorted(ancestors_by_down(g["revisions"], row) - set(st))
        if anc:
            tampered.append(sorted(st + [rnd.choice(anc)]))
    return states + tampered


def orders(rnd, st):
    if len(st) <= 3:
        return [list(p) for p in itertools.permutations(st)]
    out = [list(st)]
    for _ in range(3):
        o = list(st)
        rnd.shuffle(o)
        if o not in out:
            out.append(o)
    return out


def gen_targets(rnd, g, st):
    ids = [x["id"] for x in g["revisions"]]
    labels = [lab for x in g["revisions"] for lab in x["labels"]]
    down = ["-1", "-2", "-3", "+1", "base", "heads", "head"]
    down += [row + "-1" for row in st] + [row + "-2" for row in st[:2]]
    down += [rnd.choice(ids) + "-1", rnd.choice(ids) + "+1"]
    for lab in rnd.sample(labels, min(3, len(labels))):
        down += [lab + "@-1", lab + "@-2", lab + "@base"]
    up = ["+1", "+2", "heads", "head"] + [rnd.choice(st) + "+1"]
    for lab in rnd.sample(labels, min(2, len(labels))):
        up += [lab + "@+1", lab + "@head"]
    return [("downgrade", t) for t in down] + [("upgrade", t) for t in up]


def generate(out_dir, seed, count):
    rnd = random.Random(seed)
    graphs = fixed_graphs()
    for i in range(count):
        graphs.append(oracle.gen_graph(rnd, "w%04d" % i))
    for g in graphs:
        for x in g["revisions"]:
            x.setdefault("labels", [])
            x.setdefault("deps", [])
        rmap = oracle.build_map(g["revisions"])
        cases = []
        for st in gen_states(rnd, g, rmap):
            targets = gen_targets(rnd, g, st)
            for rows in orders(rnd, st):
                for op, t in targets:
                    cases.append({"op": op, "current": rows, "target": t})
        if MAX_CASES and len(cases) > MAX_CASES:
            # keep mostly the cases the issue is about: several rows and a relative target
            rel = [c for c in cases if len(c["current"]) > 1 and RELATIVE.match(c["target"])]
            other = [c for c in cases if c not in rel]
            keep = rnd.sample(rel, min(len(rel), MAX_CASES * 3 // 4))
            keep += rnd.sample(other, min(len(other), MAX_CASES - len(keep)))
            cases = [c for c in cases if any(c is k for k in keep)]
        g["scenarios"] = cases
    graphs = [g for g in graphs if g["scenarios"]]
    tmp_in = os.path.join(out_dir, ".walk_in.json")
    with open(tmp_in, "w") as f:
        json.dump({"graphs": graphs}, f)
    variants = []
    for hs in ("0", "1", "2", "3"):
        tmp_out = os.path.join(out_dir, ".walk_out_%s.json" % hs)
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run([sys.executable, oracle.__file__, "run", tmp_in, tmp_out], check=True, env=env)
        with open(tmp_out) as f:
            variants.append(json.load(f))
        os.remove(tmp_out)
    os.remove(tmp_in)
    n_cases = n_unstable = 0
    out_graphs = []
    for gi, g in enumerate(graphs):
        runs = [v[gi] for v in variants]
        if "build_error" in runs[0]:
            continue
        cases = []
        for si, sc in enumerate(g["scenarios"]):
            results = []
            hash_actions = False
            for run in runs:
                res = dict(run["results"][si])
                if res.pop("hashOrder", None):
                    hash_actions = True
                res = oracle.compact(res)
                if "error" in res:
                    res = {"error": {"class": res["error"]["class"], "message": res["error"]["message"]}}
                if res not in results:
                    results.append(res)
            case = {"op": sc["op"], "rows": sc["current"], "target": sc["target"], "expect": results[0]}
            if len(results) > 1:
                case["unstable"] = results[1:]
                n_unstable += 1
            if hash_actions:
                case["hashOrder"] = "actions"
            cases.append(case)
            n_cases += 1
        out_graphs.append({"name": g["name"], "revisions": g["revisions"], "cases": cases,
                           **({"hashOrderDeps": True} if runs[0].get("hashOrderDeps") else {})})
    meta = {
        "alembic": alembic.__version__,
        "generator": "scripts/alembic_walk_compare.py generate DIR --seed %d --graphs %d --max-cases %d" % (
            seed, count, MAX_CASES),
        "rows": "the version rows in the order the database returns them (Alembic walks -N from the first)",
        "unstable": "the other results under PYTHONHASHSEED 0..3 (Alembic iterates sets of strings)",
        "hashOrder": "Alembic chose which row of a merge to update (vs delete / insert) in set order",
        "steps": "ID:u|d then the version row changes: +insert -delete from>to",
    }
    for name in os.listdir(out_dir):
        if name.startswith("walk_") and name.endswith(".json"):
            os.remove(os.path.join(out_dir, name))
    for part in range((len(out_graphs) + CHUNK - 1) // CHUNK):
        with open(os.path.join(out_dir, "walk_%02d.json" % part), "w") as f:
            json.dump({"meta": meta, "graphs": out_graphs[part * CHUNK:(part + 1) * CHUNK]}, f,
                      separators=(",", ":"))
            f.write("\n")
    print("%d graphs, %d cases, %d unstable" % (len(out_graphs), n_cases, n_unstable))


def main(argv):
    if len(argv) >= 3 and argv[1] == "generate":
        seed, count = 14, 120
        if "--seed" in argv:
            seed = int(argv[argv.index("--seed") + 1])
        if "--graphs" in argv:
            count = int(argv[argv.index("--graphs") + 1])
        if "--max-cases" in argv:
            global MAX_CASES
            MAX_CASES = int(argv[argv.index("--max-cases") + 1])
        os.makedirs(argv[2], exist_ok=True)
        generate(argv[2], seed, count)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
