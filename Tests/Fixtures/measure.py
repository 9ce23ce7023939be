#!/usr/bin/env python3
"""Print what ffprobe says about each fixture (used to fill README.md).

For each file: header (format) duration and start_time, per-stream codec /
start / duration / rotation, and the packet-scan duration
max(pts_time + duration_time) - min(pts_time) over audio+video packets.
Usage: measure.py [FILE...]   (default: media/* and ../../Samples/*)
"""
import glob, json, os, subprocess, sys


def probe(path, *args):
    r = subprocess.run(["ffprobe", "-v", "error", "-of", "json", *args, path],
                       capture_output=True, text=True)
    return r.returncode, r.stderr.strip(), (json.loads(r.stdout) if r.stdout.strip() else {})


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def measure(path):
    rc, err, info = probe(path, "-show_format", "-show_streams")
    name = os.path.basename(path)
    if rc != 0 or "format" not in info:
        return f"{name}\tERROR: {err.splitlines()[-1] if err else 'rc=%d' % rc}"
    fmt = info["format"]
    streams = []
    for s in info.get("streams", []):
        rot = None
        for sd in s.get("side_data_list", []) or []:
            if "rotation" in sd:
                rot = sd["rotation"]
        dims = f" {s.get('width')}x{s.get('height')}" if s.get("codec_type") == "video" else ""
        tag = s.get("codec_tag_string", "")
        streams.append(f"{s.get('codec_type')}:{s.get('codec_name')}({tag}){dims}"
                       f" start={s.get('start_time', 'N/A')} dur={s.get('duration', 'N/A')}"
                       + (f" rot={rot}" if rot is not None else ""))
    _, _, pk = probe(path, "-show_entries",
                     "packet=stream_index,pts_time,duration_time,flags",
                     "-show_entries", "stream=index,codec_type")
    types = {s["index"]: s.get("codec_type") for s in pk.get("streams", [])}
    lo, hi, per = None, None, {}
    lo2, hi2 = None, None  # same, ignoring packets flagged D (discard, e.g. AAC priming)
    for p in pk.get("packets", []):
        if types.get(p["stream_index"]) not in ("audio", "video"):
            continue
        t0, d0 = num(p.get("pts_time")), num(p.get("duration_time")) or 0.0
        if t0 is not None and "D" not in p.get("flags", ""):
            lo2 = t0 if lo2 is None else min(lo2, t0)
            hi2 = t0 + d0 if hi2 is None else max(hi2, t0 + d0)
        t, d = num(p.get("pts_time")), num(p.get("duration_time")) or 0.0
        if t is None:
            continue
        lo = t if lo is None else min(lo, t)
        hi = t + d if hi is None else max(hi, t + d)
        a, b = per.get(p["stream_index"], (t, t + d))
        per[p["stream_index"]] = (min(a, t), max(b, t + d))
    pkt = f"{hi - lo:.6f}" if lo is not None else "N/A"
    pkt2 = f"{hi2 - lo2:.6f}" if lo2 is not None else "N/A"
    perstr = " ".join(f"s{i}={b - a:.6f}[{a:.6f}..{b:.6f}]" for i, (a, b) in sorted(per.items()))
    return (f"{name}\tfmt={fmt.get('format_name')} header_dur={fmt.get('duration', 'N/A')} "
            f"start={fmt.get('start_time', 'N/A')} pkt_dur={pkt} pkt_dur_nodiscard={pkt2} | {perstr} | " + " ; ".join(streams))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "media", "*"))) + \
        sorted(glob.glob(os.path.join(here, "..", "..", "Samples", "*")))
    for f in files:
        print(measure(f))
