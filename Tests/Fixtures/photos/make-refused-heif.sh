#!/usr/bin/env bash
# Makes two HEIC files that libheif refuses although their boxes are sound, as it refused
# iOS 18's photos: each one's EXIF item is said to describe (`cdsc`) an item the file does
# not have, and libheif stops with "Metadata assigned to non-existing image". The tool must
# still read their date, camera, GPS, orientation and size from the boxes.
#
#   refused-by-libheif.heic   with-exif.heic (64x64 ispe, EXIF date/camera/GPS), patched
#   refused-rotated.heic      ../orientation/exif-6.jpg through heif-enc (ispe 64x64, clap
#                             48x64, irot 270 CCW, EXIF Orientation 6 kept), patched
#
# Needs heif-enc with an HEVC encoder (libheif-examples and libheif-plugin-x265; on Debian 12
# both from bookworm-backports, as scripts/install-deps.sh takes libheif), heif-info, exiftool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Points every `cdsc` reference of the file's EXIF item at item 9, which does not exist.
# Same size, so no offset in the file moves.
break_exif_reference() {
python3 - "$1" "$2" <<'PY'
import struct, sys
source, target = sys.argv[1], sys.argv[2]
d = bytearray(open(source, "rb").read())
at = d.find(b"cdsc")
if at < 0:
    sys.exit(f"{source}: no cdsc reference")
count = struct.unpack(">H", d[at + 6:at + 8])[0]      # iref version 0: 16-bit item ids
for k in range(count):
    d[at + 8 + 2 * k:at + 10 + 2 * k] = struct.pack(">H", 9)
open(target, "wb").write(d)
PY
}

break_exif_reference with-exif.heic refused-by-libheif.heic
heif-enc -q 50 -o "$TMP/rotated.heic" ../orientation/exif-6.jpg >/dev/null
break_exif_reference "$TMP/rotated.heic" refused-rotated.heic

for file in refused-by-libheif.heic refused-rotated.heic; do
    if heif-info "$file" >/dev/null 2>&1; then echo "error: libheif still opens $file" >&2; exit 1; fi
    exiftool -q -q -n -Orientation -DateTimeOriginal "$file" | grep -q . || { echo "error: $file lost its EXIF" >&2; exit 1; }
done
echo "made refused-by-libheif.heic and refused-rotated.heic"
