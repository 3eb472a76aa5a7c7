#!/usr/bin/env python3
"""Reads a diagram parley rendered as SVG and prints what a reader of the figure would check.

The golden tests in tests/golden/diagrams/ compare this summary, not the SVG's bytes, which
change with every Graphviz release:
  - events, top to bottom as drawn: name, the caption under it (date and status), how its border
    is drawn (solid, dashed, dotted) and whether it is greyed and struck through;
  - whether those events stand in date order;
  - the words on edges, with how many edges carry each;
  - the title and the legend's entries, and the share of the canvas the legend takes;
  - whether the canvas fits the bound given (--max WIDTHxHEIGHT, in pixels at 96 dpi).
usage: svg_facts.py FILE.svg [--max WIDTHxHEIGHT] [--legend-share PERCENT] [--canvas-only]
(--canvas-only: the bound alone, for force-directed layouts, whose placement is not ours)
"""
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def px(length):  # Graphviz writes sizes in points; a PNG is drawn at 96 dpi
    return float(length.rstrip("pt")) * 96 / 72


def border(shape):
    dashes = shape.get("stroke-dasharray")
    return {None: "solid", "5,2": "dashed", "1,5": "dotted"}.get(dashes, "dasharray " + str(dashes))


def sort_key(caption):
    """The first day a caption's date may denote, for checking the order; undated last."""
    m = re.match(r"(?:(\d{1,2}) )?(?:(?:early|mid|late)-)?(?:(" + "|".join(MONTHS) + r") )?(\d{4})", caption)
    if not m:
        return date.max
    day, month, year = m.group(1), m.group(2), m.group(3)
    return date(int(year), MONTHS.index(month) + 1 if month else 1, int(day) if day else 1)


def main():
    args = sys.argv[1:]
    path = args[0]
    bound = args[args.index("--max") + 1] if "--max" in args else None
    share_bound = float(args[args.index("--legend-share") + 1]) if "--legend-share" in args else None
    root = ET.parse(path).getroot()
    width, height = px(root.get("width")), px(root.get("height"))
    if "--canvas-only" in args:
        bw, bh = (float(v) for v in bound.split("x"))
        print(f"canvas within {bound} px:", "yes" if width <= bw and height <= bh else f"NO ({width:.0f}x{height:.0f})")
        return
    graph = root.find(SVG + "g")

    events = []
    for node in graph.iter(SVG + "g"):
        if node.get("class") != "node":
            continue
        title = node.find(SVG + "title").text
        texts = list(node.iter(SVG + "text"))  # inside the <a> a tooltip wraps them in
        if not re.fullmatch(r"e\d+", title) or len(texts) < 2:
            continue
        shape = next(c for c in node.iter() if c.tag in (SVG + "polygon", SVG + "ellipse", SVG + "path"))
        struck = any(t.get("text-decoration") == "line-through" for t in texts)
        grey = shape.get("fill") == "#e0e0e0"
        y = float(texts[0].get("y"))
        name = " ".join(t.text for t in texts[:-1])
        caption = texts[-1].text
        events.append((y, name, caption, border(shape), struck, grey))
    events.sort()
    print("events, top to bottom:")
    for _, name, caption, line, struck, grey in events:
        extra = (", grey" if grey else "") + (", struck through" if struck else "")
        print(f"  {name} | {caption} | {line}{extra}")
    keys = [sort_key(e[2]) for e in events]
    print("in date order:", "yes" if keys == sorted(keys) else "NO")

    labels = {}
    for edge in graph.iter(SVG + "g"):
        if edge.get("class") == "edge":
            for t in edge.iter(SVG + "text"):
                labels[t.text] = labels.get(t.text, 0) + 1
    print("edge labels:", ", ".join(f"{k} ({v})" for k, v in sorted(labels.items())) or "none")

    # The title and the legend are the graph's own label, drawn directly in the top group: the
    # title first, then the legend's swatches and words. The legend's share is its bounding box
    # over the canvas, both in points.
    own = [c for c in graph if c.tag in (SVG + "text", SVG + "polygon")][1:]  # [0]: the background
    texts = [c for c in own if c.tag == SVG + "text"]
    words = [t.text for t in texts if t.text.strip()]  # a swatch holds a blank
    print("title and legend:", " | ".join(words) if words else "none")
    legend = own[own.index(texts[0]) + 1:] if texts else []
    if share_bound is not None and legend:
        xs, ys = [], []
        for item in legend:
            if item.tag == SVG + "text":
                size = float(item.get("font-size"))
                x, y = float(item.get("x")), float(item.get("y"))
                xs += [x, x + 0.6 * size * len(item.text)]  # an estimate of the width
                ys += [y - size, y]
            else:
                for point in item.get("points").split():
                    x, y = point.split(",")
                    xs.append(float(x))
                    ys.append(float(y))
        share = 100 * (max(xs) - min(xs)) * (max(ys) - min(ys)) / (width * height * (72 / 96) ** 2)
        print(f"legend within {share_bound:g}% of the canvas:", "yes" if share <= share_bound else f"NO ({share:.1f}%)")
        if "--show-share" in args:
            print(f"({share:.1f}%)")
    if bound:
        bw, bh = (float(v) for v in bound.split("x"))
        fits = width <= bw and height <= bh
        print(f"canvas within {bound} px:", "yes" if fits else f"NO ({width:.0f}x{height:.0f})")


main()
