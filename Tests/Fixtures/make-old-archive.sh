#!/bin/sh
# Makes an old-schema archive that ArchiveV1Tests / ArchiveV2Tests read, with the binary built
# from the code that wrote that schema, and records what that binary showed for it:
#     VERSION 1: commit d6436a1 (before MediaFacts), into archive-v1/
#     VERSION 2: commit b3bfa74 (before message codes), into archive-v2/
# Run once from the package root with that binary:
#     Tests/Fixtures/make-old-archive.sh 2 .build/debug/media-archive
# Later code must read and show each archive exactly as recorded in its expected/.
# Version 2's hand-in is version 1's plus the files and the link that schema 2 added words for.
set -eu
version=$1
case "$version" in
    1|2) ;;
    *) echo "usage: $0 1|2 path/to/media-archive (the schema's version, then the binary that wrote it)" >&2; exit 64 ;;
esac
bin=$(realpath "$2")
fixtures=$(cd "$(dirname "$0")" && pwd)
here="$fixtures/archive-v$version"
archive="$here/Archive"
expected="$here/expected"
rm -rf "$archive" "$expected"
mkdir -p "$archive" "$expected"
cp "$fixtures/../../Archive/counties.json" "$fixtures/../../Archive/policy.json" "$archive/"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$fixtures/media/iphone-tagged.mov" "$work/开幕式.mov"                 # a passing video
cp "$fixtures/media/clip-180.3s.mp4" "$work/within-tolerance.mp4"         # passes by the tolerance
cp "$fixtures/media/faststart-cut.mp4" "$work/cut-off.mp4"                # fails, stored with --accept-failing
cp "$fixtures/photos/chinese-gps.jpg" "$work/chinese-gps.jpg"            # a photo with GPS
cp "$fixtures/photos/with-exif.heic" "$work/with-exif.heic"              # a HEIC
cp "$fixtures/media/photo.jpg" "$work/photo.jpg"
cp "$fixtures/media/photo.jpg" "$work/photo-again.jpg"                   # the same bytes under another name
if [ "$version" = 2 ]; then
    cp "$fixtures/media/clip-181s.mp4" "$work/over-the-limit.mp4"             # fails: over the length limit
    cp "$fixtures/media/phone-rotated.mp4" "$work/rotated.mp4"                # stored and displayed size differ
    cp "$fixtures/photos/refused-rotated.heic" "$work/refused.heic"           # libheif refuses: a warning, no thumbnail
    cp "$fixtures/media/summary.pdf" "$work/notes.pdf"                        # a document whose part its name does not tell
fi
cd "$work"
run() { "$bin" "$@" --archive "$archive" || true; }
run ingest --county hualong --accept-failing 开幕式.mov within-tolerance.mp4 cut-off.mp4 > /dev/null
run ingest --county qingfeng chinese-gps.jpg with-exif.heic photo.jpg > /dev/null
run ingest --county qingfeng photo-again.jpg > /dev/null
if [ "$version" = 2 ]; then
    run ingest --county hualong --accept-failing over-the-limit.mp4 rotated.mp4 > /dev/null
    run ingest --county qingfeng refused.heic notes.pdf > /dev/null
    run ingest --county qingfeng --as media-report --url https://news.example.cn/a/1 --title 科技周开幕 --outlet 日报 > /dev/null
fi
for lang in C zh_CN.UTF-8; do
    tag=$(echo "$lang" | cut -c1-2)
    LANG=$lang LC_ALL= LC_MESSAGES= run search > "$expected/search.$tag.txt"
    LANG=$lang LC_ALL= LC_MESSAGES= run search --json > "$expected/search.$tag.json"
    # Links (version 2) have no object and so nothing to show; every version-1 entry has one.
    for entry in $("$bin" search --json --archive "$archive" | python3 -c 'import json,sys; print("\n".join(e["sha256"][:8] for e in json.load(sys.stdin) if e.get("object")))'); do
        LANG=$lang LC_ALL= LC_MESSAGES= run show "$entry" > "$expected/show-$entry.$tag.txt"
        LANG=$lang LC_ALL= LC_MESSAGES= run show "$entry" --json > "$expected/show-$entry.$tag.json"
    done
done
# The report cache and lock files are made again by whoever reads; only the record is kept.
find "$archive" -name '*.lock' -delete
