#!/usr/bin/env python3
"""Writes a display matrix into an MP4's video track header (tkhd), as phones do.

ffmpeg 5.1 ignores "-metadata:s:v rotate=..." when encoding, so the fixture scripts patch the
matrix in place. Usage: set-display-rotation.py FILE DEGREES_CW, where DEGREES_CW (90, 180,
270) is the clockwise turn a player must apply to the coded frames (90 = an upright phone clip,
which ffprobe reports as rotation -90).
"""
import struct, sys
path, deg = sys.argv[1], int(sys.argv[2])
data = bytearray(open(path, "rb").read())

def boxes(start, end):
    i = start
    while i + 8 <= end:
        size, typ = struct.unpack(">I4s", data[i:i + 8])
        hdr = 8
        if size == 1:
            size, hdr = struct.unpack(">Q", data[i + 8:i + 16])[0], 16
        elif size == 0:
            size = end - i
        yield typ, i, i + hdr, i + size
        i += size

def child(start, end, name):
    return next(((s, b, e) for t, s, b, e in boxes(start, end) if t == name), None)

ONE, NEG = 0x10000, -0x10000 & 0xFFFFFFFF
moov = child(0, len(data), b"moov")
done = 0
for typ, s, b, e in boxes(moov[1], moov[2]):
    if typ != b"trak":
        continue
    mdia = child(b, e, b"mdia")
    hdlr = child(mdia[1], mdia[2], b"hdlr")
    if data[hdlr[1] + 8:hdlr[1] + 12] != b"vide":
        continue
    tkhd = child(b, e, b"tkhd")
    body = tkhd[1]
    version = data[body]
    # fullbox(4) + times/ids (v0: 20, v1: 32) + reserved(8) + layer/alt/vol/res(8)
    moff = body + 4 + (32 if version == 1 else 20) + 8 + 8
    w = struct.unpack(">I", data[moff + 36:moff + 40])[0] >> 16
    h = struct.unpack(">I", data[moff + 40:moff + 44])[0] >> 16
    # [a b u; c d v; x y w]; a point (p, q) is shown at (a*p + c*q + x, b*p + d*q + y)
    abcdxy = {
        90:  (0, ONE, NEG, 0, h, 0),     # (p,q) -> (h-q, p)      ffprobe rotation -90
        180: (NEG, 0, 0, NEG, w, h),     # (p,q) -> (w-p, h-q)    ffprobe rotation 180
        270: (0, NEG, ONE, 0, 0, w),     # (p,q) -> (q, w-p)      ffprobe rotation 90
    }[deg]
    a, bb, c, d, x, y = abcdxy
    m = [a, bb, 0, c, d, 0, x << 16, y << 16, 0x40000000]
    data[moff:moff + 36] = struct.pack(">9I", *m)
    done += 1
if done != 1:
    sys.exit(f"{path}: expected one video track, patched {done}")
open(path, "wb").write(bytes(data))
