"""Benchmark for ``heard code`` on synthetic CHAT corpora (written to a temp dir, never committed).

Synthetic files repeat real-looking records (main tier + dependent tiers) taken from the shared
CHILDES samples in ../shared/data/chat when present, else from a small built-in set, under a
normal CHAT header. Measures, in one run:

* single-process throughput (read + detect + code, utterances/s), against a baseline that only
  reads and detects (same files, same run);
* the 70,000-utterance corpus (70 files) with ``heard code --jobs 2`` end to end, wall time;
* peak RSS of a single-process run at two corpus sizes (should stay flat).

Usage: .venv/bin/python bench/transcripts.py [--files 70] [--per-file 1000]
Writes bench/results/transcripts.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "chat"
HEADER = """@UTF8
@Begin
@Languages:\teng
@Participants:\tCHI Sam Target_Child , MOT Mother , FAT Father , INV Investigator
@ID:\teng|Synth|CHI|{age}|male|||Target_Child|||
@ID:\teng|Synth|MOT|||||Mother|||
@ID:\teng|Synth|FAT|||||Father|||
@ID:\teng|Synth|INV|||||Investigator|||
@Situation:\tplaying at home
"""
FALLBACK = ["*MOT:\tlook at the ball .", "*CHI:\tball !", "*MOT:\twhere is the dog ?", "*CHI:\tthere .",
            "*CHI:\t0 [=! crying] .", "*MOT:\toh you fell .", "*MOT:\tI'm here .", "*FAT:\tcome here .",
            "*CHI:\tno !", "*MOT:\tyou want the cup .", "*INV:\tnice tower .", "*CHI:\tmy cup ."]
SPEAKERS = {"CHI", "MOT", "FAT", "INV"}


def records() -> list[str]:
    """Real-looking records (main tier with its dependent tiers) from the shared samples."""
    from heard.transcripts import chat

    out: list[str] = []
    for path in sorted(SHARED.rglob("*.cha")) if SHARED.is_dir() else []:
        for r in chat.scan(path.read_text(encoding="utf-8")).records:
            speaker = r.speaker if r.speaker in SPEAKERS else "MOT"
            out.append("\n".join([f"*{speaker}:\t{r.main}", *(f"%{k}:\t{v}" for k, v in r.tiers)]))
    return out or FALLBACK


def make_corpus(folder: Path, files: int, per_file: int, seed: int = 7) -> int:
    """Write ``files`` CHAT files of ``per_file`` utterances each; returns the utterance count."""
    pool = records()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        start = rng.randrange(len(pool))
        body = [pool[(start + k) % len(pool)] for k in range(per_file)]  # runs of real turns, in order
        age = f"{1 + i % 4};{i % 12:02d}.00"
        (folder / f"s{i:04d}.cha").write_text(HEADER.format(age=age) + "\n".join(body) + "\n@End\n",
                                              encoding="utf-8")
    return files * per_file


def baseline(folder: Path) -> dict:
    """Read + detect only (no engine), single process."""
    from heard.transcripts.config import Options
    from heard.transcripts.episodes import find_episodes
    from heard.transcripts.readers import read_transcript

    t0, n, episodes = time.perf_counter(), 0, 0
    for path in sorted(folder.glob("*.cha")):
        t = read_transcript(path)
        n += len(t.turns)
        episodes += len(find_episodes(t, Options()))
    seconds = time.perf_counter() - t0
    return {"utterances": n, "episodes": episodes, "seconds": round(seconds, 3),
            "utterances_per_second": round(n / seconds)}


def single_process(folder: Path, out: Path) -> dict:
    """Read + detect + code, one process, engine loaded beforehand (warm-up excluded)."""
    import heard
    from heard.transcripts.run import code_paths

    heard.load()
    code_paths([next(folder.glob("*.cha"))], fmt="json", out_dir=out / "warmup")
    run = code_paths([folder], fmt="json", out_dir=out / "single", jobs=1)
    coded = sum(p.sentences for p in run.aggregate.groups["corpus"].values())
    return {"utterances": run.utterances, "episodes": run.episodes, "caregiver_sentences_coded": coded,
            "seconds": round(run.seconds, 3), "utterances_per_second": round(run.utterances / run.seconds)}


def cli_run(folder: Path, out: Path, jobs: int) -> dict:
    """``heard code FOLDER --format json --out OUT --jobs N`` as a user runs it: wall time incl. start-up."""
    cmd = [str(ROOT / ".venv" / "bin" / "heard"), "code", str(folder), "--format", "json", "--out", str(out),
           "--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    summary = json.loads((out / "summary.json").read_text())
    return {"command": " ".join(cmd[1:]), "exit_code": proc.returncode, "wall_seconds": round(wall, 2),
            "utterances": summary["utterances"], "episodes": summary["episodes"],
            "utterances_per_second": round(summary["utterances"] / wall)}


PEAK = """
import resource, sys
from heard.transcripts.run import code_paths
run = code_paths([sys.argv[1]], fmt="json", out_dir=sys.argv[2], jobs=1)
print(run.utterances, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss(folder: Path, out: Path) -> dict:
    """Peak RSS (MB) of a fresh single-process run over ``folder``."""
    proc = subprocess.run([sys.executable, "-c", PEAK, str(folder), str(out)], capture_output=True, text=True,
                          check=True)
    utterances, kb = proc.stdout.split()
    return {"files": len(list(folder.glob("*.cha"))), "utterances": int(utterances),
            "peak_rss_mb": round(int(kb) / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=70)
    parser.add_argument("--per-file", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="heard-bench-") as tmp:
        base = Path(tmp)
        corpus = base / "corpus"
        total = make_corpus(corpus, args.files, args.per_file)
        small, large = base / "small", base / "large"
        make_corpus(small, max(args.files // 4, 1), args.per_file, seed=1)
        make_corpus(large, args.files * 2, args.per_file, seed=2)
        base_run = baseline(corpus)
        single = single_process(corpus, base / "out")
        jobs2 = cli_run(corpus, base / "out-jobs2", jobs=2)
        rss = [peak_rss(small, base / "rss-small"), peak_rss(large, base / "rss-large")]
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": __import__("os").cpu_count()},
        "corpus": {"files": args.files, "utterances_per_file": args.per_file, "utterances": total,
                   "source": "shared CHILDES samples" if SHARED.is_dir() else "built-in turns"},
        "baseline_read_detect": base_run,
        "single_process_read_detect_code": single,
        "ratio_vs_baseline": round(single["utterances_per_second"] / base_run["utterances_per_second"], 3),
        "cli_jobs_2": jobs2,
        "peak_rss": rss,
        "targets": {"single_process_utterances_per_second": 5000, "cli_jobs_2_wall_seconds": 120},
        "met": {"single_process": single["utterances_per_second"] >= 5000, "jobs_2": jobs2["wall_seconds"] < 120,
                "rss_flat": rss[1]["peak_rss_mb"] <= rss[0]["peak_rss_mb"] * 1.15},
    }
    out = ROOT / "bench" / "results" / "transcripts.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
