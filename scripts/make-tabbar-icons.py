#!/usr/bin/env python3
"""Draws the tab bar's icons (normal + selected) as 81x81 PNGs with the standard library only.

Run from the repository root: python3 scripts/make-tabbar-icons.py  -> src/assets/tabbar/*.png
Shapes are described in a 0..1 square and rasterised with 4x4 supersampling for smooth edges.
"""
import math
import os
import struct
import zlib

SIZE = 81
SS = 4
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'assets', 'tabbar')
NORMAL = (0x5C, 0x60, 0x66)
SELECTED = (0xC8, 0x10, 0x2E)


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def polyline(points, width, closed=False):
    segs = list(zip(points, points[1:] + (points[:1] if closed else [])))
    return lambda x, y: any(seg_dist(x, y, *a, *b) <= width / 2 for a, b in segs)


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1


def ring(cx, cy, r, width):
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - r) <= width / 2


def disc(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) <= r


def arc(cx, cy, r, width, a0, a1):
    def inside(x, y):
        ang = math.degrees(math.atan2(y - cy, x - cx)) % 360
        return abs(math.hypot(x - cx, y - cy) - r) <= width / 2 and a0 <= ang <= a1
    return inside


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


W = 0.07
ICONS = {
    # 首页: a house
    'home': union(
        polyline([(0.14, 0.48), (0.5, 0.16), (0.86, 0.48)], W),
        polyline([(0.24, 0.42), (0.24, 0.84), (0.76, 0.84), (0.76, 0.42)], W),
        rect(0.42, 0.58, 0.58, 0.84),
    ),
    # 民生实事: a checklist
    'list': union(
        polyline([(0.14, 0.26), (0.2, 0.32), (0.3, 0.2)], W),
        polyline([(0.14, 0.52), (0.2, 0.58), (0.3, 0.46)], W),
        polyline([(0.14, 0.78), (0.2, 0.84), (0.3, 0.72)], W),
        rect(0.4, 0.23, 0.86, 0.3),
        rect(0.4, 0.49, 0.86, 0.56),
        rect(0.4, 0.75, 0.86, 0.82),
    ),
    # 民呼必应: a speech bubble
    'requests': union(
        polyline([(0.14, 0.18), (0.86, 0.18), (0.86, 0.68), (0.46, 0.68), (0.26, 0.86),
                  (0.28, 0.68), (0.14, 0.68)], W, closed=True),
        disc(0.33, 0.43, 0.055), disc(0.5, 0.43, 0.055), disc(0.67, 0.43, 0.055),
    ),
    # 我的: a person
    'me': union(
        ring(0.5, 0.32, 0.16, W),
        arc(0.5, 0.9, 0.34, W, 180, 360),
    ),
}


def png(pixels):
    raw = b''.join(b'\x00' + bytes(row) for row in pixels)

    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)

    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def draw(shape, colour):
    rows = []
    for j in range(SIZE):
        row = []
        for i in range(SIZE):
            hits = sum(shape((i + (a + 0.5) / SS) / SIZE, (j + (b + 0.5) / SS) / SIZE)
                       for a in range(SS) for b in range(SS))
            row += [*colour, round(255 * hits / (SS * SS))]
        rows.append(row)
    return png(rows)


os.makedirs(OUT, exist_ok=True)
for name, shape in ICONS.items():
    for suffix, colour in (('', NORMAL), ('-active', SELECTED)):
        with open(os.path.join(OUT, f'{name}{suffix}.png'), 'wb') as f:
            f.write(draw(shape, colour))
print('wrote', sorted(os.listdir(OUT)))
