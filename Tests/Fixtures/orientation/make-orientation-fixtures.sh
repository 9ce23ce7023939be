#!/usr/bin/env bash
# Regenerates the orientation fixtures in this folder: files whose stored
# pixels are NOT upright, plus the metadata that tells a viewer how to show
# them upright. Every file, shown correctly, is the same 64x48 "quadrants"
# picture: top-left red, top-right green, bottom-left blue, bottom-right white.
# A thumbnailer that ignores the orientation metadata produces a sideways,
# mirrored or upside-down thumbnail, which a test can detect from the corner
# colours alone.
#
#   exif-1.jpg .. exif-8.jpg   EXIF Orientation 1..8 (baseline JPEG, 4:4:4)
#   rotated-90.mp4             H.264, display matrix "rotate 90 CW"  (ffprobe rotation -90)
#   rotated-180.mp4            H.264, display matrix "rotate 180"    (ffprobe rotation 180)
#   rotated-270.mp4            H.264, display matrix "rotate 270 CW" (ffprobe rotation 90)
#   orientation-6.heic         HEIC, irot property "rotate 90 CW" (no EXIF)
#
# Requires: ffmpeg/ffprobe 5.1 with libx264, exiftool, heif-enc/heif-convert
# (libheif 1.15), python3 with Pillow (only for the verification at the end:
# `pip install pillow`). The script verifies every output and exits non-zero
# if a file does not display upright.
#
# Determinism: bitexact flags, no metadata copied, single thread, x264 SEI
# stripped; heif-enc output is byte-identical across runs with libheif 1.15.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
HERE="$PWD"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

FF=(ffmpeg -hide_banner -nostdin -v error -y)
BX=(-fflags +bitexact -flags:v +bitexact -map_metadata -1 -threads 1)
# High quality (flat colours must survive): crf 12 instead of make-fixtures.sh's 40.
X264=(-c:v libx264 -preset ultrafast -crf 12 -pix_fmt yuv420p -bsf:v filter_units=remove_types=6)

rm -f -- exif-[1-8].jpg rotated-90.mp4 rotated-180.mp4 rotated-270.mp4 orientation-6.heic

# ------------------------------------------------------ reference picture ---
# 64x48, quadrant boundaries at x=32, y=24 (even, and on 8x8 JPEG block edges).
REF="$TMP/ref.ppm"
python3 - "$REF" <<'PY'
import sys
W, H = 64, 48
px = bytearray()
for y in range(H):
    for x in range(W):
        top, left = y < H // 2, x < W // 2
        px += bytes((255, 0, 0) if top and left else (0, 255, 0) if top
                    else (0, 0, 255) if left else (255, 255, 255))
open(sys.argv[1], "wb").write(b"P6\n%d %d\n255\n" % (W, H) + px)
PY

# ------------------------------------------------------------------ JPEGs ---
# Stored pixels = reference transformed by the INVERSE of the display
# transform for orientation N (2, 4, 5, 7 are their own inverses; 3 too;
# 6 <-> 8). ffmpeg transpose: 0 = transpose (main diagonal), 1 = rotate 90 CW,
# 2 = rotate 90 CCW, 3 = transverse (anti-diagonal).
inverse_filter() { # orientation -> ffmpeg -vf
  case "$1" in
    1) echo null ;;
    2) echo hflip ;;            # display: mirror horizontally
    3) echo hflip,vflip ;;      # display: rotate 180
    4) echo vflip ;;            # display: mirror vertically
    5) echo transpose=0 ;;      # display: transpose
    6) echo transpose=2 ;;      # display: rotate 90 CW  -> store rotated 90 CCW
    7) echo transpose=3 ;;      # display: transverse
    8) echo transpose=1 ;;      # display: rotate 270 CW -> store rotated 90 CW
  esac
}

# Stored image as a lossless PNG (used for the HEIC as well)
stored_png() { # orientation out.png
  "${FF[@]}" -i "$REF" -vf "$(inverse_filter "$1")" -frames:v 1 "${BX[@]}" "$2"
}

for n in 1 2 3 4 5 6 7 8; do
  # mjpeg muxer = plain JFIF file; yuvj444p = no chroma subsampling, so the
  # colour edges at the quadrant boundaries don't bleed.
  "${FF[@]}" -i "$REF" -vf "$(inverse_filter "$n")" -frames:v 1 \
    -c:v mjpeg -q:v 2 -pix_fmt yuvj444p "${BX[@]}" -f mjpeg "exif-$n.jpg"
  exiftool -q -n -Orientation="$n" -overwrite_original "exif-$n.jpg"
done

# ----------------------------------------------------------------- videos ---
# Set the display matrix (tkhd.matrix) of the only video track of an MP4/MOV.
# DEGREES is the clockwise rotation a player must apply to the coded frames.
set_display_rotation() { # file degrees_cw
  python3 "$HERE/../set-display-rotation.py" "$1" "$2"
}

# rotated-D.mp4: coded frames = reference rotated D degrees counter-clockwise,
# matrix = rotate D degrees clockwise. 10 fps, 2 s (20 frames), yuv420p;
# 48x64 / 64x48 keep the quadrant boundaries on even pixels.
mk_rotated() { # degrees_cw vf
  "${FF[@]}" -loop 1 -framerate 10 -t 2 -i "$REF" -vf "$2" "${X264[@]}" "${BX[@]}" \
    "rotated-$1.mp4"
  set_display_rotation "rotated-$1.mp4" "$1"
}
mk_rotated 90  transpose=2     # stored 48x64
mk_rotated 180 hflip,vflip     # stored 64x48, upside down
mk_rotated 270 transpose=1     # stored 48x64

# ------------------------------------------------------------------- HEIC ---
# heif-enc 1.15 does NOT turn a JPEG's EXIF orientation into irot: it copies
# the EXIF (Orientation still 6) and writes the pixels as stored. So encode the
# stored (rotated 90 CCW) pixels from a PNG (no EXIF at all), then add an
# 'irot' property (angle 3 = 270 CCW = 90 CW) to the primary item.
stored_png 6 "$TMP/stored-6.png"
heif-enc -q 90 -p chroma=444 -o orientation-6.heic "$TMP/stored-6.png" >/dev/null
python3 - orientation-6.heic 3 <<'PY'
import struct, sys
path, angle = sys.argv[1], int(sys.argv[2])
d = bytearray(open(path, "rb").read())

def boxes(start, end):
    i = start
    while i + 8 <= end:
        size, typ = struct.unpack(">I4s", d[i:i + 8])
        if size < 8:
            sys.exit(f"{path}: unsupported box size {size}")
        yield typ, i, i + size
        i += size

def child(start, end, name):
    r = [(s, e) for t, s, e in boxes(start, end) if t == name]
    if len(r) != 1:
        sys.exit(f"{path}: expected one {name}, found {len(r)}")
    return r[0]

meta = child(0, len(d), b"meta")
mb = meta[0] + 12                                   # fullbox
pitm = child(mb, meta[1], b"pitm")
primary = (struct.unpack(">H", d[pitm[0] + 12:pitm[0] + 14])[0] if d[pitm[0] + 8] == 0
           else struct.unpack(">I", d[pitm[0] + 12:pitm[0] + 16])[0])
iprp = child(mb, meta[1], b"iprp")
ipco = child(iprp[0] + 8, iprp[1], b"ipco")
ipma = child(iprp[0] + 8, iprp[1], b"ipma")
if any(t in (b"irot", b"imir") for t, _, _ in boxes(ipco[0] + 8, ipco[1])):
    sys.exit(f"{path}: already has irot/imir")
nprops = sum(1 for _ in boxes(ipco[0] + 8, ipco[1]))
irot = struct.pack(">I4sB", 9, b"irot", angle)

# ipma with one more (essential) association for the primary item
ver, flags = d[ipma[0] + 8], int.from_bytes(d[ipma[0] + 9:ipma[0] + 12], "big")
wide_idx, id_fmt = flags & 1, (">H" if ver < 1 else ">I")
p = ipma[0] + 12
count = struct.unpack(">I", d[p:p + 4])[0]; p += 4
out = bytearray(d[ipma[0] + 8:ipma[0] + 16])
found = False
for _ in range(count):
    n = struct.calcsize(id_fmt)
    item = struct.unpack(id_fmt, d[p:p + n])[0]; out += d[p:p + n]; p += n
    na = d[p]; p += 1
    alen = na * (2 if wide_idx else 1)
    assoc = d[p:p + alen]; p += alen
    if item == primary:
        found = True
        na += 1
        assoc += (struct.pack(">H", 0x8000 | (nprops + 1)) if wide_idx
                  else bytes([0x80 | (nprops + 1)]))
    out += bytes([na]) + assoc
if not found:
    sys.exit(f"{path}: primary item {primary} not in ipma")
new_ipma = struct.pack(">I4s", 8 + len(out), b"ipma") + out
grow_ipma = len(new_ipma) - (ipma[1] - ipma[0])

# iloc: file offsets (construction_method 0) that point after the insertion
# point move by the number of inserted bytes. Patch in place first.
ins, delta = ipco[1], len(irot) + grow_ipma
iloc = child(mb, meta[1], b"iloc")
q = iloc[0] + 8
iver = d[q]; q += 4
osz, lsz = d[q] >> 4, d[q] & 15
bsz, isz = d[q + 1] >> 4, (d[q + 1] & 15 if iver in (1, 2) else 0)
q += 2
def rd(n):
    global q
    v = int.from_bytes(d[q:q + n], "big") if n else 0
    q += n
    return v
def wr(pos, n, v):
    d[pos:pos + n] = v.to_bytes(n, "big")
nitems = rd(2 if iver < 2 else 4)
for _ in range(nitems):
    rd(2 if iver < 2 else 4)                          # item_ID
    cm = (rd(2) & 15) if iver in (1, 2) else 0
    rd(2)                                             # data_reference_index
    bpos = q; base = rd(bsz)
    base_moved = cm == 0 and bsz and base >= ins
    if base_moved:
        wr(bpos, bsz, base + delta)
    for _ in range(rd(2)):
        rd(isz)
        opos = q; off = rd(osz)
        rd(lsz)
        if cm == 0 and not base_moved and base + off >= ins:
            wr(opos, osz, off + delta)

# rebuild: ipco += irot, ipma replaced, iprp/meta sizes grown
new_ipco = struct.pack(">I", ipco[1] - ipco[0] + len(irot)) + d[ipco[0] + 4:ipco[1]] + irot
parts = []
for t, s, e in boxes(iprp[0] + 8, iprp[1]):
    parts.append(new_ipco if t == b"ipco" else new_ipma if t == b"ipma" else bytes(d[s:e]))
body = b"".join(parts)
new_iprp = struct.pack(">I4s", 8 + len(body), b"iprp") + body
new_meta_body = d[meta[0] + 8:iprp[0]] + new_iprp + d[iprp[1]:meta[1]]
new_meta = struct.pack(">I4s", 8 + len(new_meta_body), b"meta") + new_meta_body
if len(new_meta) - (meta[1] - meta[0]) != delta:
    sys.exit(f"{path}: size bookkeeping error")
open(path, "wb").write(bytes(d[:meta[0]] + new_meta + d[meta[1]:]))
PY

# ----------------------------------------------------------- verification ---
# Decode each file the way a correct viewer would and check the corners
# (and quadrant centres) of the displayed picture.
#   JPEG:  Pillow's ImageOps.exif_transpose (independent of this script), and
#          ffmpeg's autorotation (EXIF orientation -> frame display matrix)
#   MP4:   ffmpeg's autorotation (default on) to PNG
#   HEIC:  heif-convert (libheif applies irot) to PNG
for d in 90 180 270; do
  "${FF[@]}" -i "rotated-$d.mp4" -frames:v 1 "$TMP/rotated-$d.png"
  "${FF[@]}" -noautorotate -i "rotated-$d.mp4" -frames:v 1 "$TMP/rotated-$d-stored.png"
done
heif-convert orientation-6.heic "$TMP/heic.png" >/dev/null
# Cross-check: ffmpeg 5.1's mjpeg decoder exports the EXIF orientation as
# frame display-matrix side data, and the ffmpeg CLI autorotates with it.
for n in 1 2 3 4 5 6 7 8; do
  "${FF[@]}" -i "exif-$n.jpg" -frames:v 1 "$TMP/exif-$n-ffmpeg.png"
done

python3 - "$TMP" <<'PY'
import json, subprocess, sys
try:
    from PIL import Image, ImageOps
except ImportError:
    sys.exit("verification needs Pillow: pip install pillow")

tmp = sys.argv[1]
EXPECT = {"top-left": (255, 0, 0), "top-right": (0, 255, 0),
          "bottom-left": (0, 0, 255), "bottom-right": (255, 255, 255)}
TOL = 16
failed = []

def corners(im):
    w, h = im.size
    return [im.getpixel(p) for p in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1))]

def check(label, im, stored, note=""):
    """im: the picture as displayed; stored: the stored picture, or its size"""
    stored_size = stored if isinstance(stored, tuple) else stored.size
    im = im.convert("RGB")
    w, h = im.size
    errs = []
    if (w, h) != (64, 48):
        errs.append(f"displayed size {w}x{h}, want 64x48")
    pts = {"top-left": [(0, 0), (w // 4, h // 4)],
           "top-right": [(w - 1, 0), (3 * w // 4, h // 4)],
           "bottom-left": [(0, h - 1), (w // 4, 3 * h // 4)],
           "bottom-right": [(w - 1, h - 1), (3 * w // 4, 3 * h // 4)]}
    got = {}
    for name, (corner, centre) in pts.items():
        for p in (corner, centre):
            c = im.getpixel(p)
            if max(abs(a - b) for a, b in zip(c, EXPECT[name])) > TOL:
                errs.append(f"{name} pixel {p} = {c}, want {EXPECT[name]}")
        got[name] = im.getpixel(corner)
    status = "FAIL" if errs else "ok"
    print(f"{status:4} {label:20} stored {stored_size[0]}x{stored_size[1]} "
          f"-> shown {w}x{h} {note}")
    if not isinstance(stored, tuple):
        print("       stored corners (TL TR BL BR): " + "  ".join(
            str(c) for c in corners(stored.convert("RGB"))))
    print("       shown corners: " + "  ".join(f"{k} {v}" for k, v in got.items()))
    for e in errs:
        print("       " + e)
    if errs:
        failed.append(label)

def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()

for n in range(1, 9):
    f = f"exif-{n}.jpg"
    tag = run("exiftool", "-n", "-s3", "-Orientation", f)
    im = Image.open(f)
    want_stored = (48, 64) if n >= 5 else (64, 48)
    if tag != str(n) or im.getexif().get(0x0112) != n:
        print(f"FAIL {f}: exiftool Orientation {tag!r}, Pillow {im.getexif().get(0x0112)}")
        failed.append(f)
    if im.size != want_stored:
        print(f"FAIL {f}: stored {im.size}, want {want_stored}")
        failed.append(f)
    check(f, ImageOps.exif_transpose(im), im, f"(EXIF Orientation={tag}, Pillow exif_transpose)")
    check(f, Image.open(f"{tmp}/exif-{n}-ffmpeg.png"), im.size, "(ffmpeg autorotate)")

for deg, rot in ((90, "-90"), (180, "180"), (270, "90")):
    f = f"rotated-{deg}.mp4"
    info = json.loads(run("ffprobe", "-v", "error", "-select_streams", "v:0",
                          "-show_streams", "-count_frames", "-of", "json", f))["streams"][0]
    r = [str(sd.get("rotation")) for sd in info.get("side_data_list", [])
         if "rotation" in sd]
    stored = Image.open(f"{tmp}/rotated-{deg}-stored.png")
    want_stored = (64, 48) if deg == 180 else (48, 64)
    problems = []
    if r != [rot] and not (deg == 180 and r == ["-180"]):
        problems.append(f"ffprobe rotation {r}, want {rot}")
    if (info["width"], info["height"]) != want_stored or stored.size != want_stored:
        problems.append(f"coded {info['width']}x{info['height']}, want {want_stored}")
    if (info["codec_name"], info["pix_fmt"], info["r_frame_rate"], info["nb_read_frames"]) != \
            ("h264", "yuv420p", "10/1", "20"):
        problems.append("not h264 yuv420p 10 fps 20 frames: " + str(
            (info["codec_name"], info["pix_fmt"], info["r_frame_rate"], info["nb_read_frames"])))
    for p in problems:
        print(f"FAIL {f}: {p}")
        failed.append(f)
    check(f, Image.open(f"{tmp}/rotated-{deg}.png"), stored,
          f"(ffprobe rotation={','.join(r)}, ffmpeg autorotate)")

f = "orientation-6.heic"
ex = run("exiftool", "-s", "-Rotation", "-ImageSpatialExtent", "-Orientation", f)
heifinfo = run("heif-info", f)
print("     " + f + " exiftool: " + "; ".join(ex.splitlines()))
print("     " + f + " heif-info: " + [l for l in heifinfo.splitlines() if "image:" in l][0].strip())
if "Orientation" in ex:
    print(f"FAIL {f}: has an EXIF Orientation tag (should have no EXIF)")
    failed.append(f)
if "Rotation" not in ex or "ImageSpatialExtent" not in ex or "48x64" not in ex:
    print(f"FAIL {f}: expected stored 48x64 (ispe) plus an irot Rotation property")
    failed.append(f)
check(f, Image.open(f"{tmp}/heic.png"), (48, 64), "(irot angle 3, heif-convert)")

if failed:
    sys.exit("orientation fixtures FAILED: " + ", ".join(sorted(set(failed))))
print("all orientation fixtures display upright")
PY
