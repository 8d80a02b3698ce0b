import nbformat as nbf
nb = nbf.v4.new_notebook()
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell
nb.cells = [
md("""# 2. Entities and who appears with whom

Tables read (columns and grain: `docs/tables.md`):
- `entities`: one row per resolved entity (name variants merged: "Lavrov", "Sergey Lavrov", "Mr Lovrov" are one);
- `cooccurrence`: entity pairs per window (sentence or document) and scope (corpus, outlet, period, outlet_period), with counts, PMI, NPMI and G². Canonical articles only: a wire story reprinted 50 times counts once (`n_ab_with_copies` has the copies).

**Parameters:** `OUTPUT` (the run's output directory; or the environment variable `PRESSLENS_OUTPUT`) and `ENTITY` (an entity name; empty: the entity in most articles)."""),
code("""import os
OUTPUT = os.environ.get("PRESSLENS_OUTPUT", "../out/sample")
ENTITY = os.environ.get("PRESSLENS_ENTITY", "")""", metadata={"tags": ["parameters"]}),
code("""import math, sys
import matplotlib.pyplot as plt
sys.path.insert(0, os.path.abspath("."))
from presslens_sql import Tables
t = Tables(OUTPUT)"""),
md("## The most covered entities"),
code("""top = t.sql(\"\"\"
    select name, entity_type, documents, mentions, outlets
    from entities order by documents desc, mentions desc limit 20\"\"\")
fig, ax = plt.subplots(figsize=(8, 6))
colors = {"PERSON": "tab:blue", "ORGANIZATION": "tab:orange", "LOCATION": "tab:green", "MISC": "tab:gray"}
ax.barh(top.name[::-1], top.documents[::-1], color=[colors.get(x, "tab:gray") for x in top.entity_type[::-1]])
ax.set_xlabel("canonical articles mentioning the entity"); ax.set_title("Top entities (colour: type)")
ax.legend(handles=[plt.Rectangle((0, 0), 1, 1, color=c, label=k) for k, c in colors.items()], loc="lower right")
plt.tight_layout(); plt.show()
top"""),
md("## The co-occurrence network around one entity\n\nSentence-level pairs over the whole corpus: edge width = sentences mentioning both (`n_ab`), label = NPMI (1: always together, 0: independent)."),
code("""centre = t.sql(f\"\"\"
    select entity_id, name from entities
    where {"lower(name) = lower('" + ENTITY.replace("'", "''") + "')" if ENTITY else "true"}
    order by documents desc limit 1\"\"\").iloc[0]
edges = t.sql(f\"\"\"
    select case when entity_a = '{centre.entity_id}' then name_b else name_a end as neighbour, n_ab, npmi
    from cooccurrence
    where "window" = 'sentence' and scope = 'corpus'
      and '{centre.entity_id}' in (entity_a, entity_b)
    order by n_ab desc, npmi desc limit 12\"\"\")
print(f"{centre['name']}: {len(edges)} neighbours")
fig, ax = plt.subplots(figsize=(8, 8))
ax.scatter([0], [0], s=900, color="tab:red", zorder=3); ax.text(0, 0, centre["name"], ha="center", va="center", fontsize=11, zorder=4)
for i, e in enumerate(edges.itertuples()):
    angle = 2 * math.pi * i / max(1, len(edges))
    x, y = math.cos(angle), math.sin(angle)
    ax.plot([0, x], [0, y], color="tab:gray", linewidth=1 + 4 * e.n_ab / edges.n_ab.max(), zorder=1)
    ax.scatter([x], [y], s=300, color="tab:blue", zorder=3)
    ha = "left" if x > 0.3 else "right" if x < -0.3 else "center"
    ax.text(1.1 * x, 1.1 * y + (0.08 if abs(x) <= 0.3 else 0) * (1 if y > 0 else -1),
            f"{e.neighbour}\\n(n={e.n_ab}, npmi={e.npmi:.2f})", ha=ha, va="center", fontsize=9)
ax.set_xlim(-2.2, 2.2); ax.set_ylim(-1.5, 1.5); ax.axis("off")
ax.set_title(f"Entities mentioned in the same sentence as {centre['name']}")
plt.show()
edges"""),
md("## How a pair's association moves over time\n\nThe same pair's NPMI per period (`scope = 'period'`); the number of sentences behind each point is printed above it."),
code("""if len(edges):
    partner = edges.neighbour.iloc[0]
    series = t.sql(f\"\"\"
        select period_start, n_ab, npmi from cooccurrence
        where "window" = 'sentence' and scope = 'period'
          and '{centre.entity_id}' in (entity_a, entity_b)
          and '{partner.replace("'", "''")}' in (name_a, name_b)
        order by period_start\"\"\")
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.plot(series.period_start, series.npmi, marker="o")
    for r in series.itertuples():
        ax.annotate(str(r.n_ab), (r.period_start, r.npmi), textcoords="offset points", xytext=(0, 6), ha="center")
    ax.set_xlabel("period"); ax.set_ylabel("NPMI (sentence windows)"); ax.set_ylim(-1, 1.05)
    ax.set_title(f"{centre['name']} and {partner}: association per period")
    fig.autofmt_xdate(); plt.tight_layout(); plt.show()
    display(series)"""),
]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, "/tmp/wip/notebooks/02_entities.ipynb")
