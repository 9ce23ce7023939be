#!/bin/sh
# Regenerates the photo fixtures used by Tests/ExifTests.
# Needs: ffmpeg, exiftool, heif-enc (libheif-examples). Run from anywhere:
#   sh Tests/Fixtures/photos/make-photo-fixtures.sh
# Each fixture is a 64x48 test pattern with one metadata story; the tests
# assert on exactly the values written here.
set -eu
cd "$(dirname "$0")"

base() {
    ffmpeg -v error -y -f lavfi -i testsrc2=s=64x48 -frames:v 1 -q:v 8 "$1"
    # ffmpeg writes a JFIF header only; strip anything else so each story starts clean.
    exiftool -q -overwrite_original -all= "$1"
}

# A photo with no EXIF block at all.
base no-exif.jpg

# Chinese title and comment, Southern/Western hemisphere GPS below sea level,
# local capture time without an offset, camera names padded the way some
# cameras pad them (trailing spaces).
base chinese-gps.jpg
exiftool -q -overwrite_original -ExifByteOrder=II \
    -EXIF:XPTitle='华龙区科技周开幕式' \
    -EXIF:XPComment='濮阳市华龙区 2021 科技活动周' \
    -EXIF:UserComment='华龙区科技周开幕式' \
    -IFD0:ImageDescription='Opening ceremony' \
    -EXIF:DateTimeOriginal='2021:05:22 09:30:00' \
    -IFD0:Make='Canon   ' -IFD0:Model='Canon EOS 5D Mark IV   ' \
    -GPS:GPSLatitude=33.8688 -GPS:GPSLatitudeRef=S \
    -GPS:GPSLongitude=151.2093 -GPS:GPSLongitudeRef=W \
    -GPS:GPSAltitude=12.5 -GPS:GPSAltitudeRef#=1 \
    chinese-gps.jpg

# Capture time with sub-seconds and an explicit +08:00 offset; rotated 90° CW.
base offset-subsec.jpg
exiftool -q -overwrite_original \
    -EXIF:DateTimeOriginal='2021:05:23 10:15:30' \
    -EXIF:SubSecTimeOriginal='12' \
    -EXIF:OffsetTimeOriginal='+08:00' \
    -EXIF:CreateDate='2021:05:23 10:15:31' \
    -IFD0:ModifyDate='2021:06:01 08:00:00' \
    -IFD0:Make='HUAWEI' -IFD0:Model='ELE-AL00' \
    -IFD0:Orientation#=6 \
    -EXIF:ExifImageWidth=64 -EXIF:ExifImageHeight=48 \
    offset-subsec.jpg

# Only IFD0 ModifyDate is present: capture time falls back to it.
# The original date is the impossible "0000:00:00 00:00:00" cameras write
# when their clock was never set, which must count as absent.
base zero-date.jpg
exiftool -q -overwrite_original \
    -EXIF:DateTimeOriginal#='0000:00:00 00:00:00' \
    -IFD0:ModifyDate='2021:05:24 16:45:05' \
    -EXIF:UserComment='plain ascii comment' \
    zero-date.jpg

# HEIC with EXIF: heif-enc copies the EXIF block of its JPEG input.
base heic-source.jpg
exiftool -q -overwrite_original \
    -EXIF:DateTimeOriginal='2021:05:25 14:00:00' \
    -EXIF:OffsetTimeOriginal='+08:00' \
    -IFD0:Make='Apple' -IFD0:Model='iPhone 12' \
    -EXIF:UserComment='南乐县科普展' \
    -GPS:GPSLatitude=35.7619 -GPS:GPSLatitudeRef=N \
    -GPS:GPSLongitude=115.0292 -GPS:GPSLongitudeRef=E \
    -GPS:GPSAltitude=52 -GPS:GPSAltitudeRef=0 \
    heic-source.jpg
heif-enc -q 50 -o with-exif.heic heic-source.jpg >/dev/null
rm heic-source.jpg

# Text written in GBK (code page 936), as older cameras made for China and Windows in
# Chinese write it into the "ASCII" fields: description and artist. exiftool has no GBK
# charset, so the GBK bytes are handed to it as Latin-1 text, which it writes byte for byte.
gbk_as_latin1() { python3 -c 'import sys; print(sys.argv[1].encode("gbk").decode("latin-1"))' "$1"; }
base gbk-description.jpg
exiftool -q -overwrite_original -charset exif=Latin \
    -IFD0:ImageDescription="$(gbk_as_latin1 '华龙区科技周开幕式')" \
    -IFD0:Artist="$(gbk_as_latin1 '濮阳市科技局')" \
    -IFD0:Make='Canon' -IFD0:Model='Canon IXUS 220 HS' \
    -EXIF:DateTimeOriginal='2021:05:22 09:30:00' \
    gbk-description.jpg

# Not a photo at all.
printf 'this is a text file, not a photo\n' > not-a-photo.jpg
