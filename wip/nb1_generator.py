import nbformat as nbf
nb = nbf.v4.new_notebook()
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell
nb.cells = [
md("""# 1. Corpus and duplicates overview

What a presslens run read, what it kept and rejected, and how much of the archive is copies.

Tables read (columns and grain: `docs/tables.md`):
- `articles`: one row per accepted article (outlet, published_date, title, text, ...);
- `rejects`: one row per rejected input record, with its file, position and reason;
- `duplicates`: one row per article with its duplicate cluster (`cluster_id`, `cluster_size`, `is_canonical`);
- `originality` and `copy_sources`: per outlet, the share of articles copying another outlet's earlier article, and whom it copies;
- `_run.json`: the run report (read = kept + rejected).

**Parameter:** `OUTPUT`, the run's output directory (any directory a presslens run wrote, local or copied from a cluster). Set it in the next cell or with the environment variable `PRESSLENS_OUTPUT`. Every query is plain DuckDB SQL over views named after the tables: copy it into the DuckDB command line or adapt it to Spark SQL."""),
code("""import os
OUTPUT = os.environ.get("PRESSLENS_OUTPUT", "../out/sample")""", metadata={"tags": ["parameters"]}),
code("""import json, sys
import matplotlib.pyplot as plt
sys.path.insert(0, os.path.abspath("."))
from presslens_sql import Tables

t = Tables(OUTPUT)
run = json.load(open(os.path.join(OUTPUT, "_run.json")))
c = run["counts"]
print(f"run {run['run_id']}: read {c['read']:,} = kept {c['kept']:,} + rejected {c['rejected']:,}  (queries: {t.engine})")
print("tables:", ", ".join(t.names))"""),
md("## Articles per outlet and per month"),
code("""per_outlet = t.sql(\"\"\"
    select coalesce(outlet, '(no outlet)') as outlet, count(*) as articles
    from articles group by 1 order by articles desc limit 20\"\"\")
per_month = t.sql(\"\"\"
    select cast(date_trunc('month', published_date) as date) as month, count(*) as articles
    from articles where published_date is not null group by 1 order by 1\"\"\")
fig, (a, b) = plt.subplots(1, 2, figsize=(13, 4.5))
a.barh(per_outlet.outlet[::-1], per_outlet.articles[::-1])
a.set_xlabel("articles"); a.set_title("Articles per outlet (top 20)")
labels = [m.strftime("%Y-%m") for m in per_month.month]
b.bar(labels, per_month.articles)
step = max(1, len(labels) // 12)
b.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
b.set_xlabel("month of publication"); b.set_ylabel("articles"); b.set_title("Articles per month (dated articles)")
plt.tight_layout(); plt.show()
per_outlet"""),
md("## Rejected records by stage and reason\n\nEvery rejected record is in `rejects` with its file and position; nothing is dropped silently."),
code("""rejects = t.sql(\"\"\"
    select stage, reason, count(*) as records from rejects group by 1, 2 order by records desc\"\"\")
if len(rejects):
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rejects) + 1.5))
    ax.barh((rejects.stage + ": " + rejects.reason)[::-1], rejects.records[::-1])
    ax.set_xlabel("rejected records"); ax.set_title("Rejects by stage and reason"); plt.tight_layout(); plt.show()
rejects"""),
md("## Duplicate clusters\n\nA cluster is one story and its copies (exact, near, cut); framing statistics count it once (its canonical article)."),
code("""sizes = t.sql(\"\"\"
    select cluster_size, count(*) as clusters
    from (select distinct cluster_id, cluster_size from duplicates) group by 1 order by 1\"\"\")
multi = sizes[sizes.cluster_size > 1]
print(f"{int(sizes.clusters.sum()):,} clusters; {int(multi.clusters.sum()):,} with copies holding "
      f"{int((multi.cluster_size * multi.clusters).sum()):,} articles")
if len(multi):
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.bar(multi.cluster_size.astype(str), multi.clusters)
    ax.set_xlabel("articles in the cluster"); ax.set_ylabel("clusters"); ax.set_yscale("log")
    ax.set_title("Sizes of duplicate clusters (clusters with copies)"); plt.tight_layout(); plt.show()"""),
md("## The most copied stories"),
code("""t.sql(\"\"\"
    select d.cluster_size as copies, d.cluster_outlets as outlets, a.outlet as canonical_outlet,
           a.published_date, a.title
    from duplicates d join articles a on a.article_id = d.article_id
    where d.is_canonical and d.cluster_size > 1
    order by d.cluster_size desc, d.cluster_outlets desc limit 15\"\"\")"""),
md("## Who copies whom\n\n`originality`: share of an outlet's articles whose cluster's original (earliest article) is from another outlet, with a Wilson 95% interval. `copy_sources`: the outlets it copies."),
code("""orig = t.sql(\"\"\"
    select outlet, sum(articles) as articles, sum(copies_from_other_outlets) as copies
    from originality group by 1 having sum(articles) >= 1 order by copies desc limit 15\"\"\")
pairs = t.sql(\"\"\"
    select outlet, source_outlet, copies, share from copy_sources order by copies desc limit 15\"\"\")
if len(pairs):
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(pairs) + 1.5))
    ax.barh((pairs.outlet + "  <-  " + pairs.source_outlet)[::-1], pairs.copies[::-1])
    ax.set_xlabel("articles copied (copier <- source)"); ax.set_title("Outlets that copy other outlets")
    plt.tight_layout(); plt.show()
orig"""),
]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, "/tmp/wip/notebooks/01_corpus_and_duplicates.ipynb")
