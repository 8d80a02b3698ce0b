#!/usr/bin/env python3
"""Draws the scale benchmark's figure from the CSV ScaleBenchmark writes.

usage: jobs/plot-scale.py target/bench-scale/scale.csv docs/scale.png
Left: milliseconds per article of each stage (the slowest ones) and of the whole run, by archive size; a flat
line is linear growth. Right: seconds of the whole run and of the reference points, by archive size.
"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(source, target):
    wall = defaultdict(dict)  # stage -> articles -> seconds
    with open(source, newline="") as f:
        for row in csv.DictReader(f):
            wall[row["stage"]][int(row["articles"])] = wall[row["stage"]].get(int(row["articles"]), 0.0) + float(
                row["wall_s"])
    sizes = sorted(wall["whole run"])
    largest = sizes[-1]
    stages = [s for s in wall if s != "whole run" and not s.startswith("reference: ")]
    slowest = sorted(stages, key=lambda s: -wall[s].get(largest, 0.0))[:8]

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    for stage in slowest + ["whole run"]:
        xs = [n for n in sizes if n in wall[stage]]
        left.plot(xs, [1000 * wall[stage][n] / n for n in xs], marker="o",
                  linewidth=3 if stage == "whole run" else 1.5, label=stage)
    left.set_xscale("log")
    left.set_xlabel("articles in the archive")
    left.set_ylabel("ms per article (flat = linear growth)")
    left.set_title("Time per article, whole run and its slowest stages")
    left.set_ylim(bottom=0)
    left.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))

    for stage in ["whole run"] + sorted(s for s in wall if s.startswith("reference: ")):
        xs = [n for n in sizes if n in wall[stage]]
        right.plot(xs, [wall[stage][n] for n in xs], marker="o", label=stage.replace("reference: ", ""))
    first = sizes[0]
    right.plot(sizes, [wall["whole run"][first] * n / first for n in sizes], linestyle=":", color="grey",
               label="linear from the smallest run")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("articles in the archive")
    right.set_ylabel("seconds")
    right.set_title("Whole run and reference points")
    right.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(target, dpi=110)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
