#!/usr/bin/python3
"""Alembic 1.8 as the reference for Retort's RevisionMap (lib/revision/revision_map.ts).

Usage:
  /usr/bin/python3 scripts/alembic_oracle.py generate OUT_DIR [--seed N] [--graphs N] [--per-graph N]
      generate random revision graphs and scenarios, run them through Alembic under three
      PYTHONHASHSEED values, write OUT_DIR/parity_*.json (the fixtures of
      tests/unit/revision/alembic_parity_test.ts)
  /usr/bin/python3 scripts/alembic_oracle.py run IN.json OUT.json
      run the scenarios of IN.json ({"graphs": [{"name", "revisions", "scenarios"}]}) once, in this
      process, and write the results

Needs python3-alembic (apt-get install python3-alembic). Revisions are added to Alembic's
RevisionMap sorted by revision id, as Retort's ScriptDirectory lists files sorted by file name.

Where Alembic iterates a set of strings, its result depends on PYTHONHASHSEED. Each scenario runs
under four seeds; when the results differ, the scenario is marked "unstable" and keeps every
variant (the parity test accepts any of them).
"""

import json
import os
import random
import subprocess
import sys
import warnings

import alembic
from alembic.runtime.migration import HeadMaintainer, MigrationStep, RevisionStep, StampStep
from alembic.script import revision as rv
from alembic.script.base import ScriptDirectory
from alembic.util import CommandError

warnings.simplefilter("ignore")


class _Module:
    @staticmethod
    def upgrade():
        pass

    @staticmethod
    def downgrade():
        pass


class Rev(rv.Revision):
    """A Revision with the `module` a RevisionStep expects."""

    module = _Module
    doc = ""


# Set when Alembic took an order from a Python set of strings during the current scenario.
HASH_ORDER = {"actions": False, "order": False}

_orig_merge = RevisionStep.merge_branch_idents
_orig_unmerge = RevisionStep._unmerge_to_revisions


def _merge_branch_idents(self, heads):
    # the rows deleted vs updated come from list(set(...)) when other heads are present
    if set(heads).difference(self.from_revisions) and len(self.from_revisions) > 1:
        HASH_ORDER["actions"] = True
    return _orig_merge(self, heads)


def _unmerge_to_revisions(self, heads):
    result = _orig_unmerge(self, heads)
    if set(heads).difference([self.revision.revision]) and len(result) > 1:
        HASH_ORDER["actions"] = True
    return result


RevisionStep.merge_branch_idents = _merge_branch_idents
RevisionStep._unmerge_to_revisions = _unmerge_to_revisions


def build_map(revisions):
    revs = [
        Rev(
            r["id"],
            tuple(r["down"]) or None,
            dependencies=tuple(r.get("deps", [])) or None,
            branch_labels=tuple(r.get("labels", [])) or None,
        )
        for r in sorted(revisions, key=lambda r: r["id"])
    ]
    return rv.RevisionMap(lambda: revs)


class RecordingHeadMaintainer(HeadMaintainer):
    """Alembic's HeadMaintainer logic; the three row primitives record instead of executing SQL."""

    def __init__(self, heads):
        self.heads = set(heads)
        self.rows = list(heads)
        self.actions = []

    def _insert_version(self, version):
        assert version not in self.heads
        self.heads.add(version)
        self.rows.append(version)
        self.actions.append(["insert", version])

    def _delete_version(self, version):
        self.heads.remove(version)
        self.rows.remove(version)
        self.actions.append(["delete", version])

    def _update_version(self, from_, to_):
        assert to_ not in self.heads
        self.heads.remove(from_)
        self.heads.add(to_)
        self.rows[self.rows.index(from_)] = to_
        self.actions.append(["update", from_, to_])


def script_dir(rmap):
    sd = ScriptDirectory.__new__(ScriptDirectory)
    sd.revision_map = rmap
    return sd


def error_info(exc):
    """(expected Retort class, Alembic class chain, message)."""
    chain = [type(exc).__name__]
    root = exc
    while isinstance(root, CommandError) and root.__cause__ is not None:
        root = root.__cause__
        chain.append(type(root).__name__)
    msg = str(exc)
    if isinstance(root, rv.MultipleHeads):
        cls = "MultipleHeadsError"
    elif isinstance(root, rv.ResolutionError):
        cls = "AmbiguousRevisionError" if "Multiple revisions start with" in str(root) else "UnknownRevisionError"
    elif isinstance(root, rv.CycleDetected):
        cls = "CycleDetectedError"
    else:
        # RangeNotAncestorError, plain RevisionError, and Alembic's internal asserts / KeyErrors.
        cls = "RevisionError"
    return {"class": cls, "alembic": "<-".join(chain), "message": msg}


def run_steps(heads, steps):
    hm = RecordingHeadMaintainer(heads)
    out_steps = []
    for step in steps:
        before = len(hm.actions)
        hm.update_to_step(step)
        if isinstance(step, RevisionStep):
            out_steps.append([step.revision.revision, "up" if step.is_upgrade else "down", hm.actions[before:]])
        else:
            out_steps.append(hm.actions[before:])
    return out_steps, sorted(hm.heads)


def run_scenario(rmap, sc):
    HASH_ORDER["actions"] = False
    res = _run_scenario(rmap, sc)
    if HASH_ORDER["actions"]:
        res["hashOrder"] = "actions"
    return res


def _run_scenario(rmap, sc):
    sd = script_dir(rmap)
    op = sc["op"]
    cur = tuple(sc.get("current", []))
    try:
        if op == "heads":
            return {"heads": list(rmap.heads), "realHeads": list(rmap._real_heads), "bases": list(rmap.bases),
                    "realBases": list(rmap._real_bases)}
        if op == "upgrade":
            steps = sd._upgrade_revs(sc["target"], cur)
            out, rows = run_steps(cur, steps)
            return {"steps": out, "rows": rows}
        if op == "downgrade":
            steps = sd._downgrade_revs(sc["target"], cur)
            out, rows = run_steps(cur, steps)
            return {"steps": out, "rows": rows}
        if op == "stamp":
            heads = () if sc.get("purge") else cur
            steps = sd._stamp_revs(tuple(sc["targets"]), heads)
            out, rows = run_steps(heads, steps)
            actions = [["delete", h] for h in cur] if sc.get("purge") else []
            for a in out:
                actions.extend(a)
            return {"actions": actions, "rows": rows}
        if op == "history":
            rng = sc.get("range")
            base = head = None
            if rng is not None:
                base, head = rng.strip().split(":")
            revs = list(sd.walk_revisions(base=base or "base", head=head or "heads"))
            return {"revisions": [r.revision for r in revs]}
        if op == "resolve":
            with sd._catch_revision_errors():
                revs = rmap.get_revisions(sc["target"])
            return {"revisions": [r.revision for r in revs if r is not None]}
        raise ValueError("unknown op %s" % op)
    except Exception as e:  # noqa: BLE001 - every Alembic failure is a result here
        return {"error": error_info(e)}


def run_file(graphs):
    out = []
    for g in graphs:
        try:
            rmap = build_map(g["revisions"])
            rmap._revision_map
        except Exception as e:  # noqa: BLE001
            info = error_info(e)
            if isinstance(e, KeyError):
                info["class"] = "MissingRevisionError"
            out.append({"name": g["name"], "build_error": info, "results": []})
            continue
        # tuple(set(...)) of normalised dependencies: their order (and so plan order) follows string hashes
        multi_deps = any(len(r._normalized_resolved_dependencies) > 1 for r in rmap._revision_map.values() if r)
        out.append({"name": g["name"], "results": [run_scenario(rmap, sc) for sc in g["scenarios"]],
                    "hashOrderDeps": multi_deps})
    return out


# ------------------------------------------------------------------ generation

HEX = "0123456789abcdef"
# Scenarios kept per graph (a random sample), to keep the committed fixtures near 2 MB.
PER_GRAPH = 25


def gen_graph(rnd, name):
    n = rnd.randint(3, 40)
    style = rnd.choice(["hex", "hex", "short", "prefix"])
    ids = set()

    def new_id():
        while True:
            if style == "hex":
                s = "".join(rnd.choice(HEX) for _ in range(12))
            elif style == "short":
                s = "".join(rnd.choice("abcdef0123") for _ in range(4))
            else:
                s = rnd.choice(["ae10", "ae1b", "b0b0", "c3c3"]) + "".join(rnd.choice(HEX) for _ in range(rnd.randint(0, 3)))
            if s not in ids and not s.isdigit():
                ids.add(s)
                return s

    p_base = rnd.choice([0.0, 0.05, 0.15])
    p_branch = rnd.choice([0.1, 0.25, 0.4])
    p_merge = rnd.choice([0.0, 0.1, 0.25])
    p_dep = rnd.choice([0.0, 0.0, 0.1, 0.2])
    p_label = rnd.choice([0.0, 0.1, 0.2])
    order = []  # generation order: parents always earlier
    down = {}
    heads = []
    for i in range(n):
        rid = new_id()
        if i == 0 or rnd.random() < p_base:
            parents = []
        elif len(heads) >= 2 and rnd.random() < p_merge:
            parents = rnd.sample(heads, rnd.choice([2, 2, 3]) if len(heads) >= 3 else 2)
        elif rnd.random() < p_branch:
            parents = [rnd.choice(order)]
        else:
            parents = [rnd.choice(heads) if heads else rnd.choice(order)]
        down[rid] = parents
        heads = [h for h in heads if h not in parents] + [rid]
        order.append(rid)
    labels = {}
    used = set(ids)
    for rid in order:
        if rnd.random() < p_label:
            lab = rnd.choice(["feature", "lib", "core", "extra", "bugfix"]) + str(len(labels))
            if lab not in used:
                used.add(lab)
                labels[rid] = [lab]
    deps = {}
    anc_cache = {}

    def ancestors(r):
        if r not in anc_cache:
            s = set()
            for p in down[r]:
                s.add(p)
                s |= ancestors(p)
            anc_cache[r] = s
        return anc_cache[r]

    for idx, rid in enumerate(order):
        if idx > 0 and rnd.random() < p_dep:
            cands = [o for o in order[:idx] if o not in ancestors(rid)]
            if cands:
                chosen = rnd.sample(cands, min(len(cands), rnd.choice([1, 1, 2])))
                # sometimes name the dependency by its branch label
                deps[rid] = [labels[c][0] if c in labels and rnd.random() < 0.5 else c for c in chosen]
    revisions = [
        {"id": r, "down": down[r], "labels": labels.get(r, []), "deps": deps.get(r, [])} for r in sorted(order)
    ]
    return {"name": name, "revisions": revisions}


def gen_scenarios(rnd, g):
    revs = g["revisions"]
    ids = [r["id"] for r in revs]
    labels = [lab for r in revs for lab in r["labels"]]
    rmap = build_map(revs)
    scen = [{"op": "heads"}]

    def pick_id():
        r = rnd.choice(ids)
        return r if rnd.random() < 0.7 or len(r) <= 4 else r[: rnd.randint(4, len(r) - 1)]

    def state_after(cur, target):
        res = run_scenario(rmap, {"op": "upgrade", "current": cur, "target": target})
        return None if "error" in res else res["rows"]

    states = [[]]
    for _ in range(4):
        st = state_after([], rnd.choice(ids))
        if st is not None and rnd.random() < 0.5:
            st2 = state_after(st, rnd.choice(ids))
            if st2 is not None:
                st = st2
        if st is not None and st not in states:
            states.append(st)
    full = state_after([], "heads")
    if full is not None and full not in states:
        states.append(full)
    for st in states:
        rnd.shuffle(st)

    up_targets = ["heads", "head", "+1", "+2", "+3", "base"]
    down_targets = ["base", "-1", "-2", "-3"]
    for lab in labels:
        up_targets += [lab, lab + "@head", lab + "@heads", lab + "@+1"]
        down_targets += [lab + "@base", lab + "@-1"]
    for st in states:
        for t in rnd.sample(up_targets, min(4, len(up_targets))) + [pick_id(), pick_id(), rnd.choice(ids) + "+1"]:
            scen.append({"op": "upgrade", "current": st, "target": t})
        if st:
            for t in rnd.sample(down_targets, min(3, len(down_targets))) + [pick_id(), rnd.choice(ids) + "-1"]:
                scen.append({"op": "downgrade", "current": st, "target": t})
        stamp_targets = [[rnd.choice(ids)], ["base"], ["heads"], rnd.sample(ids, min(2, len(ids)))]
        t = rnd.choice(stamp_targets)
        scen.append({"op": "stamp", "current": st, "targets": t, "purge": rnd.random() < 0.2})
    for rng in [None, "base:heads", pick_id() + ":", ":" + pick_id(), pick_id() + ":" + pick_id(), "-2:",
                "base:" + rnd.choice(ids)]:
        scen.append({"op": "history"} if rng is None else {"op": "history", "range": rng})
    for t in ["head", "heads", "base", pick_id(), rnd.choice(ids)[:3], rnd.choice(ids)[:4]] + labels[:2] + [
        lab + "@head" for lab in labels[:1]
    ]:
        scen.append({"op": "resolve", "target": t})
    if len(scen) > PER_GRAPH:
        keep = sorted(rnd.sample(range(1, len(scen)), PER_GRAPH - 1))
        scen = [scen[0]] + [scen[i] for i in keep]
    g["scenarios"] = scen


def invalid_graphs():
    def r(i, down=(), labels=(), deps=()):
        return {"id": i, "down": list(down), "labels": list(labels), "deps": list(deps)}

    return [
        {"name": "invalid_cycle", "revisions": [r("aaaa"), r("bbbb", ["dddd"]), r("cccc", ["bbbb"]), r("dddd", ["cccc"])],
         "scenarios": []},
        {"name": "invalid_full_cycle", "revisions": [r("aaaa", ["bbbb"]), r("bbbb", ["aaaa"])], "scenarios": []},
        {"name": "invalid_dep_cycle",
         "revisions": [r("aaaa"), r("bbbb", ["aaaa"], deps=["cccc"]), r("cccc", ["aaaa"], deps=["bbbb"])],
         "scenarios": []},
        {"name": "invalid_missing_down", "revisions": [r("aaaa"), r("bbbb", ["zzzz"])], "scenarios": []},
        {"name": "invalid_missing_dep", "revisions": [r("aaaa"), r("bbbb", ["aaaa"], deps=["zzzz"])], "scenarios": []},
        {"name": "invalid_label_twice", "revisions": [r("aaaa", labels=["x1"]), r("bbbb", ["aaaa"], labels=["x1"])],
         "scenarios": []},
        {"name": "invalid_label_is_id", "revisions": [r("aaaa"), r("bbbb", ["aaaa"], labels=["aaaa"])],
         "scenarios": []},
    ]


def compact_actions(actions):
    return " ".join("+" + a[1] if a[0] == "insert" else "-" + a[1] if a[0] == "delete" else a[1] + ">" + a[2]
                    for a in actions)


def compact(res):
    """Shrinks a result for the fixture: a step is "ID:u|d ACTIONS", actions "+ins -del from>to"."""
    res = dict(res)
    if "steps" in res:
        res["steps"] = [("%s:%s %s" % (s[0], s[1][0], compact_actions(s[2]))).strip() for s in res["steps"]]
    if "actions" in res:
        res["actions"] = compact_actions(res["actions"])
    return res


def generate(out_dir, seed, count):
    rnd = random.Random(seed)
    graphs = []
    for i in range(count):
        g = gen_graph(rnd, "g%04d" % i)
        gen_scenarios(rnd, g)
        graphs.append(g)
    graphs += invalid_graphs()
    tmp_in = os.path.join(out_dir, ".oracle_in.json")
    with open(tmp_in, "w") as f:
        json.dump({"graphs": graphs}, f)
    variants = []
    for hs in ("0", "1", "2", "3"):
        tmp_out = os.path.join(out_dir, ".oracle_out_%s.json" % hs)
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run([sys.executable, __file__, "run", tmp_in, tmp_out], check=True, env=env)
        with open(tmp_out) as f:
            variants.append(json.load(f))
        os.remove(tmp_out)
    os.remove(tmp_in)
    n_sc = n_unstable = 0
    for gi, g in enumerate(graphs):
        runs = [v[gi] for v in variants]
        if "build_error" in runs[0]:
            g["buildError"] = runs[0]["build_error"]
        if runs[0].get("hashOrderDeps"):
            g["hashOrderDeps"] = True
        for si, sc in enumerate(g["scenarios"]):
            n_sc += 1
            results = []
            for run in runs:
                res = run["results"][si]
                if res.pop("hashOrder", None):
                    sc["hashOrder"] = "actions"
                if res not in results:
                    results.append(res)
            sc["expect"] = results[0]
            if len(results) > 1:
                n_unstable += 1
                sc["unstable"] = results
    meta = {
        "alembic": alembic.__version__,
        "order": "revisions are added to Alembic's RevisionMap sorted by revision id",
        "generator": "scripts/alembic_oracle.py generate DIR --seed %d --graphs %d --per-graph %d" % (seed, count, PER_GRAPH),
        "unstable": "every distinct result under PYTHONHASHSEED 0..3 (Alembic iterates sets of strings)",
        "hashOrder": "scenario where Alembic chose which merge row to update (vs delete / insert) in set order",
        "hashOrderDeps": "graph with a revision whose normalised dependencies (2+) Alembic orders by set order",
    }
    for g in graphs:
        for sc in g["scenarios"]:
            sc["expect"] = compact(sc["expect"])
            if "unstable" in sc:
                sc["unstable"] = [compact(r) for r in sc["unstable"]]
    chunk = 100
    for part in range((len(graphs) + chunk - 1) // chunk):
        with open(os.path.join(out_dir, "parity_%02d.json" % part), "w") as f:
            json.dump({"meta": meta, "graphs": graphs[part * chunk:(part + 1) * chunk]}, f, separators=(",", ":"))
            f.write("\n")
    print("%d graphs, %d scenarios, %d unstable" % (len(graphs), n_sc, n_unstable))


def main(argv):
    if len(argv) >= 2 and argv[1] == "run":
        with open(argv[2]) as f:
            graphs = json.load(f)["graphs"]
        with open(argv[3], "w") as f:
            json.dump(run_file(graphs), f)
        return 0
    if len(argv) >= 3 and argv[1] == "generate":
        seed, count = 1, 300
        if "--seed" in argv:
            seed = int(argv[argv.index("--seed") + 1])
        if "--graphs" in argv:
            count = int(argv[argv.index("--graphs") + 1])
        if "--per-graph" in argv:
            global PER_GRAPH
            PER_GRAPH = int(argv[argv.index("--per-graph") + 1])
        os.makedirs(argv[2], exist_ok=True)
        generate(argv[2], seed, count)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
