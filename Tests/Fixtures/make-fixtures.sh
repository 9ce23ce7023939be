#!/usr/bin/env bash
# Regenerates the test media fixtures in Tests/Fixtures/media/ and the bundled
# sample hand-in in Samples/. The outputs are committed; this script only
# documents (and can reproduce) how they were made.
#
# Requires: ffmpeg/ffprobe (built with libx264, libx265, libvpx, libopus,
# libmp3lame; tested with ffmpeg 5.1), python3. exiftool is optional (adds
# EXIF tags to the JPEG photos).
#
# Determinism: single-threaded encoders, bitexact muxing, no metadata copied,
# encoder-version SEI stripped from H.264, seeded random data. Output is
# byte-identical for the same ffmpeg/x264/x265/libvpx versions.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
HERE="$PWD"
OUT="media"
SAMPLES="../../Samples"
mkdir -p "$OUT" "$SAMPLES"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------- helpers ---
FF=(ffmpeg -hide_banner -nostdin -v error -y)
# bitexact muxing/encoding, no metadata, single thread
BX=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -threads 1)
# tiny H.264 (no x264 version SEI, so output doesn't embed encoder options)
X264=(-c:v libx264 -preset ultrafast -crf 40 -pix_fmt yuv420p -bsf:v filter_units=remove_types=6)
# mono AAC-LC 48 kHz, like a camera (ffmpeg's aac encoder: 1024 priming samples,
# hidden by an edit list in MP4/MOV)
AAC=(-c:a aac -b:a 16k -ac 1 -ar 48000)

# video source: vsrc SECONDS [WxH]   (10 fps, so 0.1 s granularity)
vsrc() { echo "testsrc2=s=${2:-64x36}:r=10:d=$1"; }
# audio source: asrc SECONDS [RATE]
asrc() { echo "sine=f=440:r=${2:-48000}:d=$1"; }

# h264 only, MP4
mk_v() { # name seconds [size]
  "${FF[@]}" -f lavfi -i "$(vsrc "$2" "${3:-64x36}")" "${X264[@]}" "${BX[@]}" "$1"
}
# h264 + aac, MP4/MOV; extra args after the 3rd
mk_va() { # name seconds size [extra ffmpeg output args...]
  local name="$1" secs="$2" size="$3"; shift 3
  "${FF[@]}" -f lavfi -i "$(vsrc "$secs" "$size")" -f lavfi -i "$(asrc "$secs")" \
    "${X264[@]}" "${AAC[@]}" "${BX[@]}" "$@" "$name"
}
# cut a file to PERCENT of its bytes
cut_pct() { # src dst percent
  local size; size=$(stat -c %s "$1")
  head -c $(( size * $3 / 100 )) "$1" > "$2"
}
# a small JPEG from a testsrc2 frame (mjpeg muxer = plain JFIF file)
mk_jpeg() { # name size
  "${FF[@]}" -f lavfi -i "testsrc2=s=$2:r=1:d=1" -frames:v 1 -c:v mjpeg -q:v 5 \
    -pix_fmt yuvj420p "${BX[@]}" -f mjpeg "$1"
}
# Give the video track of an MP4/MOV the display matrix a phone writes for a
# portrait recording (coded landscape, shown rotated 90 degrees clockwise;
# ffprobe: side data "rotation": -90). ffmpeg 5.1 ignores
# "-metadata:s:v rotate=..." when encoding, so patch tkhd.matrix in place.
set_portrait_matrix() { # file
  python3 "$HERE/set-display-rotation.py" "$1" 90
}
add_exif() { # name datetime model
  if command -v exiftool >/dev/null 2>&1; then
    exiftool -q -overwrite_original -Make=Fixture -Model="$3" \
      -DateTimeOriginal="$2" -CreateDate="$2" "$1"
  else
    echo "warning: exiftool not found; $1 has no EXIF" >&2
  fi
}

# --------------------------------------------------------------- fixtures ---
cd "$OUT"
rm -f -- *.mp4 *.webm *.mkv *.ts *.mov *.avi *.3gp *.flv *.jpg *.pdf

# Duration boundary cases (limit 180 s + 0.5 s tolerance)
mk_v  clip-179.9s.mp4 179.9
mk_va clip-180.0s.mp4 180   64x36
mk_v  clip-180.3s.mp4 180.3
mk_va clip-181s.mp4   181   64x36

# Streamed Matroska/WebM: written to a pipe, so no Duration element and no Cues
"${FF[@]}" -f lavfi -i "$(vsrc 5)" -f lavfi -i "$(asrc 5)" \
  -c:v libvpx -b:v 40k -deadline good -cpu-used 4 -c:a libopus -b:a 16k -ac 1 \
  "${BX[@]}" -f webm - > pipe.webm
"${FF[@]}" -f lavfi -i "$(vsrc 5)" -f lavfi -i "$(asrc 5)" \
  "${X264[@]}" "${AAC[@]}" "${BX[@]}" -f matroska - > pipe.mkv

# MPEG-TS with a large start offset (start_time ~20001 s, duration ~4 s)
mk_va offset.ts 4 64x36 -output_ts_offset 20000 -f mpegts

# Video 3 s, audio 6 s: a player shows 6 s
"${FF[@]}" -f lavfi -i "$(vsrc 3)" -f lavfi -i "$(asrc 6)" \
  "${X264[@]}" "${AAC[@]}" "${BX[@]}" audio-longer.mp4

# Coded landscape 96x54 with a display matrix rotating by 90 degrees
mk_va phone-rotated.mp4 3 96x54
set_portrait_matrix phone-rotated.mp4

# HEVC in QuickTime, tagged hvc1 (as iPhones write it)
"${FF[@]}" -f lavfi -i "$(vsrc 2)" -f lavfi -i "$(asrc 2)" \
  -c:v libx265 -preset ultrafast -crf 40 -pix_fmt yuv420p -tag:v hvc1 \
  -x265-params log-level=error:pools=none:frame-threads=1 \
  "${AAC[@]}" "${BX[@]}" -f mov hevc.mov

# Legacy containers
"${FF[@]}" -f lavfi -i "$(vsrc 2)" -f lavfi -i "$(asrc 2 22050)" \
  -c:v mpeg4 -q:v 20 -c:a libmp3lame -b:a 32k -ac 1 -avoid_negative_ts disabled \
  "${BX[@]}" sample.avi   # (default shifting would drop/duplicate a video frame)
"${FF[@]}" -f lavfi -i "$(vsrc 2 176x144)" -f lavfi -i "$(asrc 2 16000)" \
  -c:v h263 -q:v 20 -c:a aac -b:a 16k -ac 1 -ar 16000 "${BX[@]}" sample.3gp
"${FF[@]}" -f lavfi -i "$(vsrc 2)" -f lavfi -i "$(asrc 2 22050)" \
  -c:v flv1 -q:v 20 -c:a libmp3lame -b:a 32k -ac 1 -ar 22050 "${BX[@]}" sample.flv

# Broken / not-media files
: > empty.mp4
mk_va "$TMP/normal.mp4" 5 64x36              # moov at the end (default)
cut_pct "$TMP/normal.mp4" truncated.mp4 60   # -> "moov atom not found"
mk_va "$TMP/faststart.mp4" 10 64x36 -movflags +faststart
cut_pct "$TMP/faststart.mp4" faststart-cut.mp4 50   # header intact, data cut
python3 - <<'EOF'
import random
random.seed(20240601)
with open("random.mp4", "wb") as f:
    f.write(random.randbytes(64 * 1024))
EOF
printf '%s\n' \
  'This is not a video.' \
  'County submission notes: see attached clip.' \
  '这不是视频文件。' > text.mp4

# Audio only in MP4
"${FF[@]}" -f lavfi -i "$(asrc 5)" "${AAC[@]}" "${BX[@]}" audio-only.mp4

# Photos
mk_jpeg photo-named-video.mp4 64x48
mk_jpeg photo.jpg 64x48
add_exif photo.jpg "2024:05:20 09:30:00" "Fixture Camera"

# Minimal valid PDF (correct xref offsets computed)
python3 - <<'EOF'
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] "
    b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    None,  # content stream, filled below
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
content = b"BT /F1 12 Tf 20 50 Td (Activity summary) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, body in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n" % (len(objs) + 1)
out += b"0000000000 65535 f \n"
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("summary.pdf", "wb").write(bytes(out))
EOF

# Non-ASCII file name with spaces, passing
mk_va "县 科技周 开幕式.mp4" 2 64x36

# A small JPEG of odd size: libswscale writes past the end of tight rows, which once
# corrupted the heap on pictures like this (4:4:4, so the encoder keeps 59x101).
"${FF[@]}" -f lavfi -i "testsrc2=s=64x100:r=1:d=1" -vf scale=59:101,setsar=1 -frames:v 1 -c:v mjpeg -q:v 5 \
  -pix_fmt yuvj444p "${BX[@]}" -f mjpeg odd-59x101.jpg

# The other still formats photos arrive in (sizes read from their headers, never decoded).
for format in png gif bmp webp; do
  "${FF[@]}" -f lavfi -i "testsrc2=s=66x50:r=1:d=1" -frames:v 1 "${BX[@]}" "still-66x50.$format"
done

# Starts with 4 s of black (a fade-in, a lens cap): the thumbnail must skip past it. A
# keyframe every second, as phones write.
"${FF[@]}" -f lavfi -i "color=c=black:s=64x36:r=10:d=4" -f lavfi -i "$(vsrc 6 64x36)" \
  -filter_complex "[0:v][1:v]concat=n=2:v=1:a=0[v]" -map "[v]" "${X264[@]}" -g 10 "${BX[@]}" black-start.mp4

# Capture metadata as phones write it. iPhone: local creation date with offset, ISO 6709
# location, make/model in QuickTime keys (use_metadata_tags writes the mdta keys as-is).
mk_va iphone-tagged.mov 1 64x36 -movflags use_metadata_tags \
  -metadata "com.apple.quicktime.creationdate=2021-05-23T10:15:30+0800" \
  -metadata "com.apple.quicktime.location.ISO6709=+35.7626+115.0301+052.800/" \
  -metadata "com.apple.quicktime.make=Apple" -metadata "com.apple.quicktime.model=iPhone 12"
# Android: creation_time in UTC and a location in the udta box, southern/western hemisphere.
mk_va android-tagged.mp4 1 64x36 \
  -metadata "creation_time=2021-05-24T02:00:00.000000Z" -metadata "location=-33.8688-151.2093/"

cd ..

# ------------------------------------------------------- bundled samples ---
cd "$SAMPLES"
rm -f -- 华龙区-科技周开幕式.mp4 清丰县-科普讲座.mp4 南乐县-手机竖拍.mp4 \
  范县-活动照片.jpg 台前县-损坏文件.mp4

mk_va 华龙区-科技周开幕式.mp4 167 64x36                       # 2:47, passes
mk_va 清丰县-科普讲座.mp4     192 64x36                       # 3:12, fails
mk_va 南乐县-手机竖拍.mp4     10  96x54                       # portrait phone clip
set_portrait_matrix 南乐县-手机竖拍.mp4
mk_jpeg 范县-活动照片.jpg 96x54
add_exif 范县-活动照片.jpg "2024:05:21 10:15:00" "Fixture Phone"
mk_va "$TMP/tq.mp4" 20 64x36 -movflags +faststart
cut_pct "$TMP/tq.mp4" 台前县-损坏文件.mp4 50                   # cut-off upload

echo "done: Tests/Fixtures/media and Samples"
