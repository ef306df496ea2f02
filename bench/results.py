#!/usr/bin/env python3
"""Helpers of bench/run (python3 standard library only).

  results.py record  ...   one measured run -> one JSON line (stdout)
  results.py report  FILE  the JSON lines of a benchmark -> markdown tables (stdout)
  results.py hashes  OUT RUN_ID   hashes of what two jars must produce identically
"""
import argparse
import hashlib
import json
import os
import re
import statistics
import sys

PROGRESS = re.compile(r"^\[\s*([0-9.]+)s\] (.*)$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


# ---------------------------------------------------------------- record

def record(args):
    """Everything one run tells: wall time, peak RSS, its run report, its progress lines."""
    report = load_json(find_report(args.output, args.stdout))
    before = load_json(args.before) if args.before else None
    progress = progress_lines(args.stderr)
    run = {
        "scenario": args.scenario,
        "repeat": args.repeat,
        "exit": args.exit,
        "wall_s": round(args.wall, 2),
        "peak_rss_mb": round(max_rss_kb(args.time_file) / 1024, 1),
        "status": report.get("status") if report else None,
        "run_id": report.get("run_id") if report else None,
        "stages": report.get("stages", {}) if report else {},
        "sources": sources(report, before, progress) if report else {},
        "datasets": datasets(report, progress) if report else {},
        "error": None if args.exit == 0 else last_error(args.stderr),
    }
    if args.manifest and report:
        run["manifest_check"] = manifest_check(report, load_json(args.manifest))
    print(json.dumps(run, ensure_ascii=False))


def find_report(output, stdout):
    """The run's own report: state/runs/<run-id>.json, the id taken from its summary line."""
    run_id = None
    if os.path.exists(stdout):
        for line in open(stdout, encoding="utf-8", errors="replace"):
            m = re.match(r"^Run (\S+?):? ", line)
            if m:
                run_id = m.group(1)
    runs = os.path.join(output, "state", "runs")
    if run_id and os.path.exists(os.path.join(runs, run_id + ".json")):
        return os.path.join(runs, run_id + ".json")
    if os.path.isdir(runs) and os.listdir(runs):
        return max((os.path.join(runs, f) for f in os.listdir(runs)), key=os.path.getmtime)
    return None


def load_json(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def max_rss_kb(time_file):
    if os.path.exists(time_file):
        for line in open(time_file, encoding="utf-8", errors="replace"):
            if "Maximum resident set size" in line:
                return int(line.rsplit(":", 1)[1])
    return 0


def progress_lines(stderr):
    """[(seconds since start, message)] from the pipeline's progress lines on stderr."""
    lines = []
    if os.path.exists(stderr):
        for line in open(stderr, encoding="utf-8", errors="replace"):
            m = PROGRESS.match(line.rstrip("\n"))
            if m:
                lines.append((float(m.group(1)), m.group(2)))
    return lines


def step_seconds(progress, prefix):
    """Seconds from the previous progress line to the one starting with prefix (None if absent)."""
    for i, (t, message) in enumerate(progress):
        if message.startswith(prefix):
            return round(t - (progress[i - 1][0] if i > 0 else 0.0), 2)
    return None


def sources(report, before, progress):
    """Per source: what this run read (new files only, on an incremental night) and how fast."""
    old = set()
    if before:
        for s in before.get("sources", {}).values():
            old.update((f["file"], f.get("sha256")) for f in s.get("file_details", []))
    result = {}
    for name, s in report.get("sources", {}).items():
        files = s.get("file_details", [])
        if s.get("ingest") == "unchanged":
            read = []
        elif s.get("ingest") == "full":
            read = files
        else:
            read = [f for f in files if (f["file"], f.get("sha256")) not in old]
        result[name] = {
            "ingest": s.get("ingest"),
            "seconds": step_seconds(progress, "ingest " + name + ":"),
            "files_read": s.get("files_read_this_run"),
            "rows_read": sum(f["rows_read"] for f in read),
            "bytes_read": sum(f["bytes"] for f in read),
            "rows_read_total": s.get("rows_read"),
            "rows_quarantined_total": s.get("rows_quarantined"),
            "quarantined_by_rule": s.get("quarantined_by_rule", {}),
        }
    return result


def datasets(report, progress):
    return {name: {"rows": d.get("rows"), "changed": d.get("changed"),
                   "seconds": step_seconds(progress, "build " + name + ":")}
            for name, d in report.get("datasets", {}).items()}


def last_error(stderr):
    if not os.path.exists(stderr):
        return "no stderr"
    lines = [l.strip() for l in open(stderr, encoding="utf-8", errors="replace") if l.strip()]
    errors = [l for l in lines if l.lower().startswith("error") or "Exception" in l]
    return (errors or lines or ["?"])[-1][:300]


def manifest_check(report, manifest):
    """Rows read and quarantined per rule must equal what the generator wrote into the files read."""
    expected = {}
    for s in manifest["sources"]:
        for file, stats in s["files_detail"].items():
            expected[file] = stats
    problems = []
    for name, s in report.get("sources", {}).items():
        want_rows, want_rules, got_rules = 0, {}, dict(s.get("quarantined_by_rule", {}))
        for f in s.get("file_details", []):
            stats = expected.get(f["file"])
            if stats is None:
                problems.append(f"{f['file']}: not in the generator's manifest")
                continue
            want_rows += stats["rows"]
            for rule, n in stats["bad"].items():
                want_rules[rule] = want_rules.get(rule, 0) + n
        if want_rows != s.get("rows_read"):
            problems.append(f"{name}: rows read {s.get('rows_read')}, generated {want_rows}")
        for rule in sorted(set(want_rules) | set(got_rules)):
            if want_rules.get(rule, 0) != got_rules.get(rule, 0):
                problems.append(f"{name}: {rule} quarantined {got_rules.get(rule, 0)}, generated {want_rules.get(rule, 0)}")
    return {"ok": not problems, "problems": problems[:20]}


# ---------------------------------------------------------------- report

def report_md(args):
    runs = [json.loads(l) for l in open(args.file, encoding="utf-8") if l.strip()]
    header = open(args.header, encoding="utf-8").read() if args.header else ""
    scenarios = []
    for r in runs:
        if r["scenario"] not in scenarios:
            scenarios.append(r["scenario"])
    out = [header.rstrip(), "", "## Summary", "",
           "| scenario | runs | wall s (median) | peak RSS MB (max) | ingest s | build s | publish s | rows read | MB read | status |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name in scenarios:
        out.append(summary_row(name, [r for r in runs if r["scenario"] == name]))
    scaling = [n for n in scenarios if n.startswith("scaling-")]
    if scaling:
        out += ["", "## Scaling (national, full runs, OCOP days)", ""] + scaling_table(scaling, runs)
    for name in scenarios:
        out += ["", "## " + name, ""] + scenario_detail([r for r in runs if r["scenario"] == name])
    print("\n".join(out).lstrip() + "\n")


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, int) or (isinstance(v, float) and digits == 0):
        return f"{v:,.0f}"
    return f"{v:,.{digits}f}"


def rate(amount, seconds, digits=0):
    return fmt(amount / seconds, digits) if amount and seconds else "–"


def status(runs):
    codes = sorted({r["exit"] for r in runs})
    if codes == [0]:
        statuses = sorted({r["status"] or "?" for r in runs})
        checks = [r.get("manifest_check") for r in runs if r.get("manifest_check")]
        text = "/".join(statuses)
        if checks:
            text += ", quarantine = generated" if all(c["ok"] for c in checks) else ", QUARANTINE ≠ GENERATED"
        return text
    error = next((r["error"] for r in runs if r["exit"] != 0), "")
    return f"FAILED (exit {','.join(map(str, codes))}): {error}"


def stage(runs, name, key):
    return median([r["stages"].get(name, {}).get(key) for r in runs])


def totals(run, key):
    return sum(s[key] or 0 for s in run["sources"].values()) if run["sources"] else None


def summary_row(name, runs):
    first = runs[-1]
    if first["exit"] != 0:
        first = dict(first, sources={})  # a failed run's counts are partial
    mb = totals(first, "bytes_read")
    return (f"| {name} | {len(runs)} | {fmt(median([r['wall_s'] for r in runs]))} | "
            f"{fmt(max(r['peak_rss_mb'] for r in runs), 0)} | {fmt(stage(runs, 'ingest', 'seconds'))} | "
            f"{fmt(stage(runs, 'build', 'seconds'))} | {fmt(stage(runs, 'publish', 'seconds'))} | "
            f"{fmt(totals(first, 'rows_read'), 0)} | {fmt(mb / 1e6 if mb is not None else None)} | {status(runs)} |")


def scaling_table(names, runs):
    rows = ["| OCOP days | wall s | × vs first | ingest s | OCOP rows | OCOP rows/s of ingest | peak RSS MB | status |",
            "|---:|---:|---:|---:|---:|---:|---:|---|"]
    base = None
    for name in names:
        group = [r for r in runs if r["scenario"] == name]
        wall = median([r["wall_s"] for r in group])
        base = base or wall
        ocop = group[-1]["sources"].get("ocop-listings", {})
        # Sources are ingested side by side: only the stage as a whole has a time of its own.
        seconds = stage(group, "ingest", "seconds")
        rows.append(f"| {name.split('-', 1)[1]} | {fmt(wall)} | {fmt(wall / base if base else None, 2)} | "
                    f"{fmt(stage(group, 'ingest', 'seconds'))} | {fmt(ocop.get('rows_read'), 0)} | "
                    f"{rate(ocop.get('rows_read'), seconds)} | {fmt(max(r['peak_rss_mb'] for r in group), 0)} | "
                    f"{status(group)} |")
    return rows


def scenario_detail(runs):
    walls = ", ".join(fmt(r["wall_s"]) for r in runs)
    lines = [f"wall {fmt(median([r['wall_s'] for r in runs]))} s (median of {walls}) · "
             f"peak RSS {fmt(max(r['peak_rss_mb'] for r in runs), 0)} MB · {status(runs)}", ""]
    ok = [r for r in runs if r["stages"]]
    if not ok:
        return lines
    last = ok[-1]
    lines += ["| step | s (median) | rows | rows/s | MB | MB/s |", "|---|---:|---:|---:|---:|---:|"]
    ingest_s = stage(ok, "ingest", "seconds")
    rows, mb = totals(last, "rows_read"), (totals(last, "bytes_read") or 0) / 1e6
    lines.append(f"| **ingest** | {fmt(ingest_s)} | {fmt(rows, 0)} | {rate(rows, ingest_s)} | {fmt(mb)} | {rate(mb, ingest_s, 1)} |")
    for name, s in last["sources"].items():
        sec = median([r["sources"].get(name, {}).get("seconds") for r in ok])
        smb = (s["bytes_read"] or 0) / 1e6
        lines.append(f"| · {name} ({s['ingest']}, {fmt(s['files_read'], 0)} files) | {fmt(sec)} | "
                     f"{fmt(s['rows_read'], 0)} | {rate(s['rows_read'], sec)} | {fmt(smb)} | {rate(smb, sec, 1)} |")
    build_s = stage(ok, "build", "seconds")
    built = stage(ok, "build", "rows")
    if build_s is not None:
        lines.append(f"| **build** (rows written) | {fmt(build_s)} | {fmt(built, 0)} | {rate(built, build_s)} | | |")
        for name, d in last["datasets"].items():
            sec = median([r["datasets"].get(name, {}).get("seconds") for r in ok])
            lines.append(f"| · {name}{'' if d['changed'] else ' (same content)'} | {fmt(sec)} | {fmt(d['rows'], 0)} | "
                         f"{rate(d['rows'], sec)} | | |")
    publish_s = stage(ok, "publish", "seconds")
    if publish_s is not None:
        lines.append(f"| **publish** (datasets) | {fmt(publish_s)} | {fmt(stage(ok, 'publish', 'rows'), 0)} | | | |")
    if not rows:
        return lines
    lines += ["", "Quarantined (all files of each source, top rules): " + "; ".join(
        f"{n} {fmt(s['rows_quarantined_total'], 0)} of {fmt(s['rows_read_total'], 0)} ({top_rules(s['quarantined_by_rule'])})"
        for n, s in last["sources"].items())]
    problems = [p for r in runs for p in (r.get("manifest_check") or {}).get("problems", [])]
    if problems:
        lines += ["", "Differences from the generator's manifest: " + "; ".join(sorted(set(problems))[:10])]
    return lines


def top_rules(counts, n=4):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(f"{rule} {count:,}" for rule, count in ranked[:n])
    return text + (f", {len(ranked) - n} more rules" if len(ranked) > n else "")


# ---------------------------------------------------------------- hashes

def hashes(args):
    """
    sha256 of what must be byte-identical between two jars given the same input and config.

    Left out or masked, because they differ between any two runs by design:
    - run ids (folder names), started/finished times, stage seconds and the input/output paths
      of the run report: only its "sources", "datasets", "status" and "validation" are hashed;
    - timestamps in metadata (datapackage "created", CKAN metadata_created/metadata_modified,
      resource created/last_modified...): every string value that starts like an ISO timestamp
      is replaced by "<time>" before hashing the JSON with sorted keys;
    - quarantine file names (Spark's part files carry a random UUID) and how the rows are split
      among files: each source's quarantined records are hashed as the sorted set of their
      JSON lines, over every data file of its folder;
    - catalog.ttl / catalog.jsonld: DCAT times plus blank-node labels that Jena numbers per run.
    Dataset files (CSV, JSON, Parquet) are hashed as they are: the README promises byte-identical
    files for the same input.
    """
    release = os.path.realpath(os.path.join(args.output, "current"))
    lines = []
    for path in sorted(walk(os.path.join(release, "datasets"))):
        rel = os.path.relpath(path, release)
        digest = json_digest(path) if path.endswith("datapackage.json") else file_digest(path)
        lines.append(f"{digest}  {rel}")
    for path in sorted(walk(os.path.join(release, "ckan"))):
        lines.append(f"{json_digest(path)}  {os.path.relpath(path, release)} (times masked)")
    quarantine = os.path.join(args.output, "quarantine", args.run_id)
    for source in sorted(os.listdir(quarantine)) if os.path.isdir(quarantine) else []:
        records = []
        for path in walk(os.path.join(quarantine, source)):
            name = os.path.basename(path)
            if not name.startswith((".", "_")):
                records += [l for l in open(path, "rb").read().split(b"\n") if l.strip()]
        digest = hashlib.sha256(b"\n".join(sorted(records))).hexdigest()
        lines.append(f"{digest}  quarantine/<run>/{source}/ ({len(records):,} records, sorted lines)")
    report = load_json(os.path.join(release, "run-report.json"))
    kept = {k: report.get(k) for k in ("status", "validation", "sources", "datasets")}
    lines.append(f"{canonical_digest(kept)}  run-report.json status+validation+sources+datasets")
    print("\n".join(lines))


def walk(root):
    for folder, _, files in os.walk(root):
        for f in files:
            yield os.path.join(folder, f)


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def mask_times(value):
    if isinstance(value, dict):
        return {k: mask_times(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_times(v) for v in value]
    if isinstance(value, str) and TIMESTAMP.match(value):
        return "<time>"
    return value


def canonical_digest(value):
    text = json.dumps(mask_times(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def json_digest(path):
    with open(path, encoding="utf-8") as f:
        return canonical_digest(json.load(f))


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("record")
    r.add_argument("--scenario", required=True)
    r.add_argument("--repeat", type=int, required=True)
    r.add_argument("--exit", type=int, required=True)
    r.add_argument("--wall", type=float, required=True)
    r.add_argument("--time-file", required=True)
    r.add_argument("--stdout", required=True)
    r.add_argument("--stderr", required=True)
    r.add_argument("--output", required=True)
    r.add_argument("--before", help="the run report of the state the run started from")
    r.add_argument("--manifest", help="the generator's manifest.json, to check rows and quarantine")
    p = sub.add_parser("report")
    p.add_argument("file")
    p.add_argument("--header")
    h = sub.add_parser("hashes")
    h.add_argument("output")
    h.add_argument("run_id")
    args = parser.parse_args()
    {"record": record, "report": report_md, "hashes": hashes}[args.command](args)


if __name__ == "__main__":
    main()
