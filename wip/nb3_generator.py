import nbformat as nbf
nb = nbf.v4.new_notebook()
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell
nb.cells = [
md("""# 3. How outlets frame the news

Compares chosen outlets on the framing tables (columns, grain and formulas: `docs/tables.md`, `docs/framing.md`). All are computed by the Spark job on canonical articles (a duplicate cluster once); this notebook only reads and plots them, with the intervals the job computed:
- `attention`: share of an outlet's articles mentioning an entity or topic, Wilson 95% interval;
- `distinctive_words`: words and bigrams an outlet over-uses against all others (log-odds with an informative prior, z, BH-adjusted p);
- `frames`: share of articles invoking each Policy Frames Codebook frame;
- `tone_by_outlet`: mean VADER tone with its standard error;
- `label_choices`: which label of a family (regime / government / ...) each outlet uses.

**Parameters:** `OUTPUT` (the run's output directory; or `PRESSLENS_OUTPUT`), `OUTLETS` (comma-separated; empty: the four outlets with most canonical articles) and `PERIOD` (a `period_start` date; empty: the period with most articles)."""),
code("""import os
OUTPUT = os.environ.get("PRESSLENS_OUTPUT", "../out/sample")
OUTLETS = os.environ.get("PRESSLENS_OUTLETS", "")
PERIOD = os.environ.get("PRESSLENS_PERIOD", "")""", metadata={"tags": ["parameters"]}),
code("""import sys
import matplotlib.pyplot as plt
import numpy as np
sys.path.insert(0, os.path.abspath("."))
from presslens_sql import Tables
t = Tables(OUTPUT)

def err(d):
    \"\"\"Error bars from an interval (clipped at 0 against rounding: a share of 1 has high = 0.99999...).\"\"\"
    return [(d.share - d.share_low).clip(lower=0), (d.share_high - d.share).clip(lower=0)]

def quoted(values):
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)

outlets = [o.strip() for o in OUTLETS.split(",") if o.strip()] or list(t.sql(\"\"\"
    select outlet from article_framing where outlet is not null
    group by outlet order by count(*) desc limit 4\"\"\").outlet)
period = PERIOD or str(t.sql(\"\"\"
    select period_start from article_framing where period_start is not null
    group by 1 order by count(*) desc limit 1\"\"\").period_start.iloc[0])
IN = quoted(outlets)
print("outlets:", outlets, "| period:", period)"""),
md("## Attention to the most covered subjects, with 95% intervals"),
code("""att = t.sql(f\"\"\"
    with subjects as (
        select subject_id from attention where period_start = '{period}'
        group by subject_id order by max(all_matching_articles) desc limit 6)
    select subject_name, outlet, matching_articles, total_articles, share, share_low, share_high
    from attention where period_start = '{period}' and outlet in ({IN})
      and subject_id in (select subject_id from subjects)
    order by subject_name, outlet\"\"\")
if len(att):
    subjects = list(dict.fromkeys(att.subject_name))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(outlets)
    for i, o in enumerate(outlets):
        d = att[att.outlet == o].set_index("subject_name").reindex(subjects)
        x = np.arange(len(subjects)) + i * width
        ax.bar(x, d.share, width, label=o)
        ax.errorbar(x, d.share, yerr=err(d), fmt="none", color="black", capsize=3)
    ax.set_xticks(np.arange(len(subjects)) + 0.4 - width / 2, subjects, rotation=20, ha="right")
    ax.set_ylabel("share of the outlet's articles"); ax.set_title(f"Attention in the period from {period} (95% Wilson intervals)")
    ax.legend(); plt.tight_layout(); plt.show()
att"""),
md("## Distinctive words of each outlet (against all other outlets)"),
code("""words = t.sql(f\"\"\"
    select outlet, term, z, p_adjusted, count from (
        select *, row_number() over (partition by outlet order by z desc) as r
        from distinctive_words where subset_entity_id is null and other is null and outlet in ({IN}))
    where r <= 10 order by outlet, z desc\"\"\")
shown = [o for o in outlets if o in set(words.outlet)]
if shown:
    fig, axes = plt.subplots(1, len(shown), figsize=(4 * len(shown), 4.5), squeeze=False)
    for ax, o in zip(axes[0], shown):
        d = words[words.outlet == o]
        ax.barh(d.term[::-1], d.z[::-1]); ax.set_title(o); ax.set_xlabel("z (log-odds / sd)")
    plt.tight_layout(); plt.show()
words"""),
md("## Frames invoked, by outlet"),
code("""fr = t.sql(f\"\"\"
    select frame_name, outlet, share, share_low, share_high, invoking_articles, articles
    from frames where period_start = '{period}' and outlet in ({IN}) order by frame_name, outlet\"\"\")
frames = list(dict.fromkeys(fr.frame_name))
fig, ax = plt.subplots(figsize=(8, 7))
height = 0.8 / len(outlets)
for i, o in enumerate(outlets):
    d = fr[fr.outlet == o].set_index("frame_name").reindex(frames)
    y = np.arange(len(frames)) + i * height
    ax.barh(y, d.share, height, label=o, xerr=err(d), capsize=2)
ax.set_yticks(np.arange(len(frames)) + 0.4 - height / 2, frames); ax.invert_yaxis()
ax.set_xlabel("share of articles invoking the frame"); ax.set_title(f"Policy frames, period from {period} (95% intervals)")
ax.legend(); plt.tight_layout(); plt.show()"""),
md("## Tone"),
code("""tone = t.sql(f\"\"\"
    select outlet, n, mean, std_error from tone_by_outlet
    where period_start = '{period}' and outlet in ({IN}) order by mean\"\"\")
fig, ax = plt.subplots(figsize=(7, 0.5 * len(tone) + 1.5))
ax.errorbar(tone["mean"], tone.outlet, xerr=1.96 * tone.std_error.fillna(0), fmt="o", capsize=4)
ax.axvline(0, color="gray", linewidth=0.8)
ax.set_xlabel("mean VADER compound of articles (± 1.96 standard errors)"); ax.set_title(f"Tone, period from {period}")
plt.tight_layout(); plt.show()
tone"""),
md("## Label choices\n\nShare of each label within its family (all periods), with 95% intervals; `count_outside_quotes` is the outlet's own voice."),
code("""labels = t.sql(f\"\"\"
    select family, label, outlet, count, count_outside_quotes, family_count, share, share_low, share_high, z
    from label_choices where outlet in ({IN}) and family_count > 0 order by family, label, outlet\"\"\")
families = list(dict.fromkeys(labels.family))
if families:
    fig, axes = plt.subplots(1, len(families), figsize=(5 * len(families), 4.5), squeeze=False)
    for ax, f in zip(axes[0], families):
        d = labels[labels.family == f]
        names = list(dict.fromkeys(d.label)); w = 0.8 / len(outlets)
        for i, o in enumerate(outlets):
            e = d[d.outlet == o].set_index("label").reindex(names)
            x = np.arange(len(names)) + i * w
            ax.bar(x, e.share, w, label=o, yerr=err(e), capsize=2)
        ax.set_xticks(np.arange(len(names)) + 0.4 - w / 2, names, rotation=30, ha="right")
        ax.set_ylabel("share of the family's uses"); ax.set_title(f)
    axes[0][0].legend(); plt.tight_layout(); plt.show()
labels"""),
]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, "/tmp/wip/notebooks/03_framing.ipynb")
