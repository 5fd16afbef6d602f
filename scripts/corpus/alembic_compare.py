"""Real Alembic 1.8.1 (Debian's python3-alembic) beside Retort, for scripts/corpus/alembic_compare.ts.

Benchmark helper only; never needed by `npm test`. Three sub-commands, each printing JSON on stdout:

  compare SOURCE_URL TARGET_URL
      Alembic's autogenerate comparison: `compare_metadata` between the database at TARGET_URL and the
      MetaData reflected from the database at SOURCE_URL (what `alembic revision --autogenerate` would
      write if the models were exactly the source). Prints a list of one-line descriptions.

  offline URL BASE_SQL_FILE OP_FILE
      A tiny Alembic environment in a temporary folder, with two revisions: the first runs the
      statements of BASE_SQL_FILE (one per `;\\n`), the second runs the Python body in OP_FILE (`op` and
      `sa` in scope). Prints {"sql": <output of `alembic upgrade head --sql`>} or {"error": ...}.

  online URL BASE_SQL_FILE OP_FILE
      The same two revisions run by `alembic upgrade head` on the database at URL. Prints {"sql": ""}
      or {"error": ...}.

URLs are Retort's (postgres://, mysql://, sqlite:///); they are turned into SQLAlchemy's here.
"""

import contextlib
import io
import json
import os
import sys
import tempfile
import warnings

warnings.filterwarnings("ignore")


def sa_url(url):
    if url.startswith("postgres://") or url.startswith("postgresql://"):
        return "postgresql+psycopg2://" + url.split("://", 1)[1]
    if url.startswith("mysql://"):
        return "mysql+pymysql://" + url.split("://", 1)[1]
    return url


def text(value):
    """A reflected or model default as SQL text (DefaultClause -> TextClause -> its string)."""
    value = getattr(value, "arg", value)
    return getattr(value, "text", None) or str(value)


def describe(diff):
    """One line per Alembic diff tuple (or per element of a grouped column modification)."""
    if isinstance(diff, list):
        return [describe(d)[0] for d in diff]
    kind = diff[0]
    if kind in ("add_table", "remove_table"):
        return ["%s %s" % (kind, diff[1].name)]
    if kind in ("add_column", "remove_column"):
        return ["%s %s.%s" % (kind, diff[2], diff[3].name)]
    if kind in ("add_index", "remove_index"):
        ix = diff[1]
        return ["%s %s.%s" % (kind, ix.table.name if ix.table is not None else "?", ix.name)]
    if kind in ("add_constraint", "remove_constraint", "add_fk", "remove_fk"):
        c = diff[1]
        return ["%s %s.%s" % (kind, c.table.name if c.table is not None else "?", c.name)]
    if kind.startswith("modify_"):
        _, _schema, table, column, _info, old, new = diff
        if kind == "modify_default":
            old, new = text(old), text(new)
        return ["%s %s.%s: %s -> %s" % (kind, table, column, old, new)]
    return ["%s %r" % (kind, diff[1:])]


def compare(source, target):
    from sqlalchemy import MetaData, create_engine
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    meta = MetaData()
    src = create_engine(sa_url(source))
    meta.reflect(bind=src)
    src.dispose()
    dst = create_engine(sa_url(target))
    out = []
    diffs = None
    for server_default in (True, False):
        try:
            with dst.connect() as conn:
                opts = {"compare_type": True, "compare_server_default": server_default}
                diffs = compare_metadata(MigrationContext.configure(conn, opts=opts), meta)
            break
        except Exception as e:  # Alembic failing is a finding: say so, then compare without defaults
            out.append("alembic-error compare_server_default=%s: %s: %s"
                       % (server_default, type(e).__name__, str(e).split("\n")[0][:200]))
    dst.dispose()
    for d in diffs or []:
        out.extend(describe(d))
    # The version table of either tool is bookkeeping, never schema.
    return [d for d in out if "alembic_version" not in d and "retort_revision_log" not in d]


ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine
url = context.config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
'''


def upgrade(url, base_file, op_file, sql):
    from alembic import command
    from alembic.config import Config

    with open(base_file) as f:
        base = [s.strip() for s in f.read().split(";\n") if s.strip()]
    with open(op_file) as f:
        body = f.read()
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "versions"))
        with open(os.path.join(d, "env.py"), "w") as f:
            f.write(ENV_PY)
        with open(os.path.join(d, "script.py.mako"), "w") as f:
            f.write("")
        head = "import sqlalchemy as sa\nfrom alembic import op\n"
        with open(os.path.join(d, "versions", "a1_base.py"), "w") as f:
            f.write(head + "revision = 'a1'\ndown_revision = None\n\ndef upgrade():\n")
            for s in base:
                f.write("    op.execute(%r)\n" % s)
            f.write("\ndef downgrade():\n    pass\n")
        with open(os.path.join(d, "versions", "a2_op.py"), "w") as f:
            f.write(head + "revision = 'a2'\ndown_revision = 'a1'\n\ndef upgrade():\n")
            for line in body.strip().split("\n"):
                f.write("    " + line + "\n")
            f.write("\ndef downgrade():\n    pass\n")
        cfg = Config()
        cfg.set_main_option("script_location", d)
        cfg.set_main_option("sqlalchemy.url", sa_url(url))
        buf = io.StringIO()
        cfg.stdout = buf
        try:
            with contextlib.redirect_stdout(buf):
                command.upgrade(cfg, "head", sql=sql)
        except Exception as e:  # Alembic refusing an operation is a result, not a crash
            return {"error": "%s: %s" % (type(e).__name__, str(e).split("\n")[0])}
        return {"sql": buf.getvalue()}


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "compare":
        print(json.dumps(compare(sys.argv[2], sys.argv[3])))
    elif cmd in ("offline", "online"):
        print(json.dumps(upgrade(sys.argv[2], sys.argv[3], sys.argv[4], cmd == "offline")))
    else:
        sys.exit("Cannot run: unknown sub-command %r (compare, offline)" % cmd)
