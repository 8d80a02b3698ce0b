#!/usr/bin/env python3
"""Where each stage of a scale benchmark run spends its CPU, from a Java Flight Recording.

usage: jobs/profile-stages.py RECORDING.jfr WINDOWS.tsv [STAGE ...]
RECORDING: PROFILE=1 jobs/benchmark-scale writes target/bench-scale/run.jfr; WINDOWS: the benchmark's
target/bench-scale/windows-<size>.tsv (stage, start and end in epoch milliseconds). For each stage (default: the
three longest), prints the execution samples of Spark's task threads in its windows: the top frames (self
time) and the first presslens, CoreNLP or VADER frame on the stack (time inclusive of what it calls).
"""
import collections
import datetime
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")
OURS = ("org.presslens.", "edu.stanford.", "com.vader.")


def samples(recording, day):
    """(epoch ms, thread, frames) of every execution sample, frames innermost first; day: the UTC date of times
    that jfr prints without one."""
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                          check=True, capture_output=True, text=True).stdout
    for event in text.split("jdk.ExecutionSample {")[1:]:
        time = re.search(r"startTime = ([\d:.]+)(?: \((\d{4}-\d\d-\d\d)\))?", event)
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if not time or not thread:
            continue
        stamp = datetime.datetime.fromisoformat((time.group(2) or day) + "T" + time.group(1)).replace(
            tzinfo=datetime.timezone.utc)
        frames = [m.group(1) for m in (FRAME.match(line) for line in event.splitlines()) if m]
        yield stamp.timestamp() * 1000, thread.group(1), frames


def main(recording, windows_file, wanted):
    windows = []
    for line in open(windows_file):
        stage, start, end = line.rstrip("\n").split("\t")
        windows.append((stage, int(start), int(end)))
    totals = collections.Counter()
    for stage, start, end in windows:
        totals[stage] += end - start
    stages = wanted or [s for s, _ in totals.most_common(3)]
    self_time = {s: collections.Counter() for s in stages}
    inclusive = {s: collections.Counter() for s in stages}
    count = collections.Counter()
    day = datetime.datetime.fromtimestamp(windows[0][1] / 1000, datetime.timezone.utc).date().isoformat()
    for stamp, thread, frames in samples(recording, day):
        if not thread.startswith("Executor task launch worker") or not frames:
            continue
        stage = next((s for s, start, end in windows if start <= stamp < end), None)
        if stage not in self_time:
            continue
        count[stage] += 1
        self_time[stage][frames[0]] += 1
        inclusive[stage][next((f for f in frames if f.startswith(OURS)), "(no presslens/CoreNLP/VADER frame)")] += 1
    for stage in stages:
        n = count[stage]
        print(f"== {stage}: {totals[stage] / 1000:.1f} s wall, {n} task-thread samples")
        if not n:
            continue
        print("   top frames (self):")
        for frame, k in self_time[stage].most_common(12):
            print(f"   {100 * k / n:5.1f}%  {frame}")
        print("   first presslens/CoreNLP/VADER frame (inclusive):")
        for frame, k in inclusive[stage].most_common(12):
            print(f"   {100 * k / n:5.1f}%  {frame}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
