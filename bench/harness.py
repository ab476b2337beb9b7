#!/usr/bin/python3
"""The benchmark harness (started by bench/run.sh, which checks prerequisites and builds first).

For each N: make (or reuse) a roster of N units and their returns, then measure on the same files, in the same
run, interleaved: the inflate floor, `reports run` end to end, and the openpyxl peer. Each is a separate process
under GNU time (/usr/bin/time -v: wall clock and peak RSS); the floor and `reports run` also report their own
in-process stopwatch times (the floor's inflate loop; the run's stages). Prints a table of medians and writes the
raw measurements as JSON lines.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
BUILD = os.path.join(BENCH, ".build")
BENCH_EXE = os.path.join(BUILD, "bench", "reports-bench")
REPORTS_EXE = os.path.join(BUILD, "cli", "reports")
DEFINITION = os.path.join(ROOT, "templates", "returns", "campaign-5plus1.json")
STAGES = ["load", "intake", "store", "merge", "json", "receipts", "workbook", "pdf"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(command, stdout_path, cpus=None):
    """Runs a command under /usr/bin/time -v; returns wall seconds, peak RSS (KiB), user and system seconds, exit code."""
    time_file = stdout_path + ".time"
    prefix = ["taskset", "-c", cpus] if cpus else []
    with open(stdout_path, "wb") as out:
        subprocess.run(["/usr/bin/time", "-v", "-o", time_file] + prefix + command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    text = open(time_file, encoding="utf-8").read()

    def field(label):
        return re.search(re.escape(label) + r":\s*(.+)", text).group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = clock[-1] + 60 * clock[-2] + (3600 * clock[-3] if len(clock) == 3 else 0)
    return {
        "wall_s": wall,
        "user_s": float(field("User time (seconds)")),
        "sys_s": float(field("System time (seconds)")),
        "rss_kb": int(field("Maximum resident set size (kbytes)")),
        "exit": int(field("Exit status")),
    }


def load_average():
    """The 1-minute load average: these machines are shared, so every measurement says how busy it was."""
    return float(open("/proc/loadavg").read().split()[0])


def last_json_line(path):
    for line in reversed(open(path, encoding="utf-8", errors="replace").read().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"no JSON result in {path}")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def ensure_data(n, data_root):
    """The inbox for N, made once and cached: a '.complete' marker is written last, so a half-made one is remade."""
    folder = os.path.join(data_root, str(n))
    marker = os.path.join(folder, ".complete")
    if os.path.exists(marker):
        return folder, json.load(open(marker, encoding="utf-8"))
    shutil.rmtree(folder, ignore_errors=True)
    log(f"N={n}: making the roster and {n} returns (TemplateGenerator + ReturnFiller once, then ReturnStamp) …")
    made = subprocess.run([BENCH_EXE, "make", "--n", str(n), "--out", folder, "--templates", os.path.join(ROOT, "templates")],
                          check=True, capture_output=True, text=True, cwd=ROOT)
    result = json.loads(made.stdout.strip().splitlines()[-1])
    with open(marker, "w", encoding="utf-8") as f:
        json.dump(result, f)
    log(f"N={n}: made in {result['seconds']:.1f} s: {result}")
    return folder, result


def measure_floor(folder, scratch):
    out = os.path.join(scratch, "floor.log")
    record = timed([BENCH_EXE, "floor", "--inbox", os.path.join(folder, "inbox")], out)
    record["inner_ms"] = last_json_line(out)["ms"]
    return record


def run_outputs(scratch):
    """`reports run --out R` writes into a folder per period: R/2022-06/."""
    return os.path.join(scratch, "run-out", "2022-06")


def measure_run(folder, scratch, cpus=None):
    out_dir = os.path.join(scratch, "run-out")
    shutil.rmtree(out_dir, ignore_errors=True)
    # Every measured run records into an empty store of its own (never the repository's), so runs are alike.
    store = os.path.join(scratch, "store.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    timings = os.path.join(scratch, "timings.json")
    command = [REPORTS_EXE, "run", "--return", "campaign-5plus1", "--period", "2022-06",
               "--roster", os.path.join(folder, "roster.json"), "--inbox", os.path.join(folder, "inbox"),
               "--out", out_dir, "--store", store, "--timings", timings]
    record = timed(command, os.path.join(scratch, "run.log"), cpus)
    if record["exit"] not in (0, 3):
        raise RuntimeError(f"reports run failed ({record['exit']}): see {os.path.join(scratch, 'run.log')}")
    stages = json.load(open(timings, encoding="utf-8"))
    record["stages_ms"] = {s["stage"]: s["ms"] for s in stages["stages"]}
    record["inner_ms"] = stages["total_ms"]
    record["summary_sha256"] = sha256(os.path.join(run_outputs(scratch), "summary.json"))
    return record


def measure_peer(folder, scratch, python, inbox=None):
    out = os.path.join(scratch, "peer.log")
    command = [python, os.path.join(BENCH, "peer", "peer.py"), "--definition", DEFINITION,
               "--roster", os.path.join(folder, "roster.json"), "--inbox", inbox or os.path.join(folder, "inbox"),
               "--out", os.path.join(scratch, "peer-summary.xlsx")]
    record = timed(command, out)
    if record["exit"] != 0:
        raise RuntimeError(f"peer failed: see {out}")
    result = last_json_line(out)
    record["inner_ms"] = result["ms"]
    record["result"] = result
    return record


def run_on_store(folder, inbox, out_dir, store, scratch, name):
    """One `reports run` of the inbox on a given store and output root (kept as they are: a re-run is measured on them)."""
    timings = os.path.join(scratch, f"{name}.timings.json")
    command = [REPORTS_EXE, "run", "--return", "campaign-5plus1", "--period", "2022-06",
               "--roster", os.path.join(folder, "roster.json"), "--inbox", inbox,
               "--out", out_dir, "--store", store, "--timings", timings]
    load_before = load_average()
    record = timed(command, os.path.join(scratch, f"{name}.log"))
    if record["exit"] not in (0, 3):
        raise RuntimeError(f"reports run ({name}) failed ({record['exit']}): see {os.path.join(scratch, name + '.log')}")
    stages = json.load(open(timings, encoding="utf-8"))
    record.update(tool=name, load_before=load_before, stages_ms={s["stage"]: s["ms"] for s in stages["stages"]}, inner_ms=stages["total_ms"])
    return record


def merged_figures(out_dir):
    """What a re-run must agree on with a fresh run: the city total (values, indicators) and every unit's status and figures."""
    summary = json.load(open(os.path.join(out_dir, "2022-06", "summary.json"), encoding="utf-8"))
    units = {u["code"]: (u["status"], u.get("values"), u.get("indicators")) for u in summary["units"]}
    return {"total": summary["total"], "units": units}


def measure_rerun(n, folder, made, scratch, count, python, peer):
    """
    The office's re-run: a first run on a store, then `count` returns replaced by corrected files (a changed figure, a
    new content), and the same run again on the same store and output root. Timed against a fresh full run of the final
    inbox on a new store and the peer's full recompute of it; the re-run's merged figures must equal the fresh run's.
    """
    work = os.path.join(scratch, "rerun")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    inbox = os.path.join(work, "inbox")
    shutil.copytree(os.path.join(folder, "inbox"), inbox)  # the cached inbox is never written into
    store, out_dir = os.path.join(work, "store.db"), os.path.join(work, "out")
    first = run_on_store(folder, inbox, out_dir, store, work, "rerun-first")
    log(f"N={n} re-run: first run wall {first['wall_s']:.2f} s")
    corrected = subprocess.run([BENCH_EXE, "correct", "--n", str(n), "--count", str(count), "--out", work, "--templates", os.path.join(ROOT, "templates")],
                               check=True, capture_output=True, text=True, cwd=ROOT)
    corrected = json.loads(corrected.stdout.strip().splitlines()[-1])
    subprocess.run(["sync"], check=False)
    timed_floor = measure_floor(work, work)  # the final inbox into the page cache, as the first run's was
    rerun = run_on_store(folder, inbox, out_dir, store, work, "rerun")
    log(f"N={n} re-run after {corrected['corrected']} corrections: wall {rerun['wall_s']:.2f} s, stages {rerun['stages_ms']}, peak RSS {rerun['rss_kb'] / 1024:.0f} MB")
    fresh_store, fresh_out = os.path.join(work, "fresh.db"), os.path.join(work, "fresh-out")
    fresh = run_on_store(folder, inbox, fresh_out, fresh_store, work, "rerun-fresh")
    log(f"N={n} fresh full run of the final inbox: wall {fresh['wall_s']:.2f} s")
    peer_record = None
    if peer:
        peer_record = measure_peer(folder, work, python, inbox)
        peer_record.update(tool="rerun-peer")
        log(f"N={n} peer's full recompute of the final inbox: wall {peer_record['wall_s']:.2f} s")
    stages = rerun["stages_ms"]
    bound = max(stages, key=stages.get)
    return {
        "n": n, "corrected": corrected["corrected"], "first": first, "rerun": rerun, "fresh": fresh, "peer": peer_record,
        "floor_final_inbox": timed_floor,
        "bounding_stage": bound,
        "figures_equal_fresh": merged_figures(out_dir) == merged_figures(fresh_out),
    }


def rerun_table(reruns):
    lines = ["", "Re-runs (the same store and output root, after K returns were replaced by corrected files; one run each):", "",
             "| N | K | first run wall | re-run wall | re-run peak RSS | fresh full run wall | peer full recompute wall | peer ÷ re-run | "
             + " | ".join(STAGES) + " | bounded by | figures = fresh run's | load average |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(STAGES) + "---|:---:|---:|"]
    for r in reruns:
        stages, peer = r["rerun"]["stages_ms"], r["peer"]
        lines.append(f"| {r['n']:,} | {r['corrected']} | {r['first']['wall_s']:.2f} s | {r['rerun']['wall_s']:.2f} s | {r['rerun']['rss_kb'] / 1024:.0f} MB | "
                     f"{r['fresh']['wall_s']:.2f} s | " + (f"{peer['wall_s']:.1f} s | {peer['wall_s'] / r['rerun']['wall_s']:.1f}× | " if peer else "— | — | ")
                     + " | ".join(f"{stages.get(name, 0):.0f}" for name in STAGES)
                     + f" | {r['bounding_stage']} | {'yes' if r['figures_equal_fresh'] else 'NO'} | {r['rerun']['load_before']:.1f} |")
    return "\n".join(lines)


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        match = re.search(r"Pages:\s+(\d+)", info)
        if match:
            return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", open(path, "rb").read()))


def outputs_of(scratch):
    """Sizes of what the last `reports run` wrote, and whether the peer's totals agree with summary.json."""
    out_dir = run_outputs(scratch)
    files = {}
    for name in sorted(os.listdir(out_dir)):
        path = os.path.join(out_dir, name)
        if os.path.isdir(path):
            continue
        entry = {"bytes": os.path.getsize(path)}
        if name.endswith(".pdf"):
            entry["pages"] = pdf_pages(path)
        files[name] = entry
    return files


def peer_agrees(scratch, peer_result):
    summary = json.load(open(os.path.join(run_outputs(scratch), "summary.json"), encoding="utf-8"))
    totals = summary["total"]["values"]
    mismatched = [code for code, text in peer_result["total"].items() if abs(float(text) - float(totals.get(code) or 0)) > 1e-6]
    rates = summary["total"]["indicators"]
    mismatched += [code for code, rate in peer_result["rates"].items()
                   if (rate is None) != (rates.get(code) is None) or (rate is not None and abs(rate - rates[code]) > 1e-9)]
    counts = {status: sum(1 for u in summary["units"] if u["status"] == status) for status in ("accepted", "rejected", "missing")}
    same_counts = counts == {"accepted": peer_result["accepted"], "rejected": peer_result["rejected"], "missing": peer_result["missing"]}
    return {"agrees": not mismatched and same_counts, "mismatched": mismatched, "counts": counts}


def median(records, key):
    values = [r[key] for r in records]
    return statistics.median(values) if values else None


def summarise(n, made, floors, runs, peers, one_core, outputs, agreement):
    stage_medians = {s: statistics.median(r["stages_ms"][s] for r in runs) for s in runs[0]["stages_ms"]}
    return {
        "n": n, "made": made, "repeats": {"floor": len(floors), "run": len(runs), "peer": len(peers)},
        "load": [min(r["load_before"] for r in floors + runs + peers), max(r["load_before"] for r in floors + runs + peers)],
        "floor": {"wall_s": median(floors, "wall_s"), "inner_ms": median(floors, "inner_ms"), "rss_kb": median(floors, "rss_kb")},
        "run": {"wall_s": median(runs, "wall_s"), "inner_ms": median(runs, "inner_ms"), "rss_kb": max(r["rss_kb"] for r in runs),
                "user_s": median(runs, "user_s"), "stages_ms": stage_medians},
        "peer": {"wall_s": median(peers, "wall_s"), "inner_ms": median(peers, "inner_ms"), "rss_kb": median(peers, "rss_kb")} if peers else None,
        "one_core": one_core,
        "summary_identical": len({r["summary_sha256"] for r in runs + ([one_core] if one_core else [])}) == 1,
        "outputs": outputs,
        "peer_agrees": agreement,
    }


def per_unit_ms(seconds, n):
    return seconds * 1000 / n


def table(summaries):
    lines = [
        "| N | floor ms/unit (inflate loop) | intake ms/unit | intake ÷ floor | run ms/unit (whole process) | peer ms/unit (whole process) | peer ÷ run | run peak RSS | RSS per unit |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in summaries:
        n = s["n"]
        floor = s["floor"]["inner_ms"] / n
        intake = s["run"]["stages_ms"]["intake"] / n
        run = per_unit_ms(s["run"]["wall_s"], n)
        peer = per_unit_ms(s["peer"]["wall_s"], n) if s["peer"] else None
        rss = s["run"]["rss_kb"]
        lines.append(f"| {n:,} | {floor:.3f} | {intake:.3f} | {intake / floor:.1f}× | {run:.3f} | "
                     + (f"{peer:.2f} | {peer / run:.1f}× |" if peer else "— | — |")
                     + f" {rss / 1024:.0f} MB | {rss * 1024 / n / 1024:.1f} KB |")
    lines += ["", "Stages of `reports run` (median ms; in-process stopwatch):", "",
              "| N | " + " | ".join(STAGES) + " | stages total | process wall | 1 core wall | summary.json identical (all runs, 1 core) |",
              "|---:|" + "---:|" * (len(STAGES) + 3) + ":---:|"]
    for s in summaries:
        stages = s["run"]["stages_ms"]
        one = s["one_core"]
        lines.append(f"| {s['n']:,} | " + " | ".join(f"{stages.get(name, 0):.0f}" for name in STAGES)
                     + f" | {s['run']['inner_ms']:.0f} | {s['run']['wall_s'] * 1000:.0f} | "
                     + (f"{one['wall_s'] * 1000:.0f}" if one else "—") + f" | {'yes' if s['summary_identical'] else 'NO'} |")
    lines += ["", "Growth between sizes (per-unit cost at N ÷ at the previous N; peak RSS added per extra unit):", "",
              "| from → to | intake per unit | run per unit (process) | peer per unit | RSS added per extra unit |", "|---|---:|---:|---:|---:|"]
    for a, b in zip(summaries, summaries[1:]):
        def ratio(key_fn):
            x, y = key_fn(a), key_fn(b)
            return f"{y / x:.2f}×" if x and y else "—"
        slope = (b["run"]["rss_kb"] - a["run"]["rss_kb"]) * 1024 / (b["n"] - a["n"])
        lines.append(f"| {a['n']:,} → {b['n']:,} | {ratio(lambda s: s['run']['stages_ms']['intake'] / s['n'])} | "
                     f"{ratio(lambda s: s['run']['wall_s'] / s['n'])} | "
                     f"{ratio(lambda s: s['peer']['wall_s'] / s['n'] if s['peer'] else None)} | {slope / 1024:.1f} KB |")
    lines += ["", "Runs per N (medians of these) and the machine's 1-minute load average during them:", "",
              "| N | floor runs | run runs | peer runs | load average (min–max) |", "|---:|---:|---:|---:|---|"]
    for s in summaries:
        lines.append(f"| {s['n']:,} | {s['repeats']['floor']} | {s['repeats']['run']} | {s['repeats']['peer']} | {s['load'][0]:.1f}–{s['load'][1]:.1f} |")
    lines += ["", "Outputs and cross-checks:", "", "| N | files made (rule errors, number-as-text, missing) | workbook | PDF | peer totals = summary.json |", "|---:|---|---:|---:|:---:|"]
    for s in summaries:
        m, outputs = s["made"], s["outputs"]
        xlsx = next((v for k, v in outputs.items() if k.endswith(".xlsx")), {})
        pdf = next((v for k, v in outputs.items() if k.endswith(".pdf")), {})
        agrees = s["peer_agrees"]
        lines.append(f"| {s['n']:,} | {m['files']:,} ({m['rule_errors']}, {m['number_as_text']}, {m['missing']}) | {xlsx.get('bytes', 0) / 1024:,.0f} KB | "
                     f"{pdf.get('pages', '?')} pages, {pdf.get('bytes', 0) / 1024:,.0f} KB | "
                     + ("—" if agrees is None else ("yes" if agrees["agrees"] else f"NO {agrees['mismatched']} {agrees['counts']}")) + " |")
    return "\n".join(lines)


def default_repeats(n):
    return 5 if n <= 1000 else 3 if n <= 10000 else 1


def default_peer_repeats(n):
    return 3 if n <= 1000 else 1


def main():
    parser = argparse.ArgumentParser(description="Benchmark reports run against the inflate floor and the openpyxl peer.")
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--repeats", type=int, help="runs of floor and reports per N (default 5 up to 1,000, 3 up to 10,000, else 1)")
    parser.add_argument("--peer-repeats", type=int, help="runs of the peer per N (default 3 up to 1,000, else 1); 0 skips the peer")
    parser.add_argument("--no-peer", action="store_true", help="skip the peer (the same as --peer-repeats 0): at 100,000 it takes half an hour")
    parser.add_argument("--peer-max", type=int, help="run the peer only for N up to this (one invocation from 1,000 to 100,000 without its half hour)")
    parser.add_argument("--one-core-max", type=int, default=10000, help="also run reports on one core (taskset) for N up to this")
    parser.add_argument("--data", default=os.environ.get("BENCH_DATA", os.path.join(BENCH, ".data")), help="where inboxes are cached by N")
    parser.add_argument("--results", default=os.path.join(BENCH, ".results"), help="where raw measurements and the table go")
    parser.add_argument("--python", default=os.environ.get("BENCH_PYTHON", "/usr/bin/python3"), help="the Python with openpyxl for the peer")
    parser.add_argument("--rerun", type=int, default=30, help="also measure a re-run after this many returns are corrected (0 skips it)")
    parser.add_argument("--rerun-only", action="store_true", help="measure only the re-run (its first run, the re-run, a fresh run and the peer)")
    args = parser.parse_args()

    os.makedirs(args.results, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    raw_path = os.path.join(args.results, f"{stamp}.jsonl")
    summaries, reruns = [], []
    for n in sorted(args.sizes):
        folder, made = ensure_data(n, args.data)
        scratch = os.path.join(args.results, "scratch", str(n))
        os.makedirs(scratch, exist_ok=True)
        peer_wanted = not args.no_peer and args.peer_repeats != 0 and (args.peer_max is None or n <= args.peer_max)
        if args.rerun > 0:
            rerun = measure_rerun(n, folder, made, scratch, args.rerun, args.python, peer_wanted)
            with open(raw_path, "a", encoding="utf-8") as raw:
                raw.write(json.dumps(dict(rerun, tool="rerun-summary"), ensure_ascii=False) + "\n")
            reruns.append(rerun)
        if args.rerun_only:
            continue
        repeats = args.repeats or default_repeats(n)
        peer_repeats = 0 if args.no_peer or (args.peer_max is not None and n > args.peer_max) \
            else default_peer_repeats(n) if args.peer_repeats is None else args.peer_repeats
        log(f"N={n}: warm-up (the floor once, to bring the inbox into the page cache) …")
        measure_floor(folder, scratch)
        floors, runs, peers = [], [], []
        with open(raw_path, "a", encoding="utf-8") as raw:
            for rep in range(repeats):
                for tool, measure in (("floor", lambda: measure_floor(folder, scratch)), ("run", lambda: measure_run(folder, scratch)),
                                      ("peer", (lambda: measure_peer(folder, scratch, args.python)) if rep < peer_repeats else None)):
                    if measure is None:
                        continue
                    load_before = load_average()
                    record = measure()
                    record.update(n=n, tool=tool, rep=rep, load_before=load_before)
                    raw.write(json.dumps(record, ensure_ascii=False) + "\n")
                    {"floor": floors, "run": runs, "peer": peers}[tool].append(record)
                    log(f"N={n} {tool} #{rep + 1}: wall {record['wall_s']:.2f} s, inner {record['inner_ms']:.0f} ms, peak RSS {record['rss_kb'] / 1024:.0f} MB")
            agreement = peer_agrees(scratch, peers[-1]["result"]) if peers else None
            outputs = outputs_of(scratch)
            one_core = measure_run(folder, scratch, cpus="0") if (os.cpu_count() or 1) > 1 and n <= args.one_core_max else None
            if one_core:
                one_core.update(n=n, tool="run-1core", rep=0)
                raw.write(json.dumps(one_core, ensure_ascii=False) + "\n")
                log(f"N={n} run on 1 core: wall {one_core['wall_s']:.2f} s")
        summaries.append(summarise(n, made, floors, runs, peers, one_core, outputs, agreement))

    report = (table(summaries) if summaries else "") + (rerun_table(reruns) if reruns else "")
    with open(os.path.join(args.results, f"{stamp}.md"), "w", encoding="utf-8") as f:
        f.write(report + "\n")
    with open(os.path.join(args.results, f"{stamp}.summary.json"), "w", encoding="utf-8") as f:
        json.dump(summaries, f, ensure_ascii=False, indent=1)
    print(report)
    log(f"raw measurements: {raw_path}")


if __name__ == "__main__":
    main()
