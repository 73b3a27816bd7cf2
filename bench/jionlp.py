#!/usr/bin/env python3
"""Time JioNLP's jio.ner.extract_money over each fixture text (decoded to UTF-8).

usage: bench/jionlp.py FIXTURE_DIR OUT_DIR
Writes the decoded texts to OUT_DIR (so the Rust side reads the same bytes) and
prints one line per file plus a final line `JIONLP_MBPS <MB/s>`.
"""
import re
import sys
import time
import zipfile
from pathlib import Path


def decode(p: Path) -> str:
    b = p.read_bytes()
    if p.suffix == ".docx":
        with zipfile.ZipFile(p) as z:
            xml = z.read("word/document.xml").decode("utf-8", "replace")
        paras = re.split(r"</w:p>", xml)
        out = []
        for para in paras:
            out.append("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)))
        return "\n".join(out)
    for enc in ("utf-8", "gb18030"):
        try:
            return b.decode(enc)
        except UnicodeDecodeError:
            pass
    return b.decode("utf-8", "replace")


def main() -> int:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    # This script is itself named jionlp.py: keep its directory off the import path.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.modules.pop("jionlp", None)
    try:
        import jionlp as jio  # noqa: F401
    except Exception as e:  # pragma: no cover
        print(f"JIONLP_UNAVAILABLE {e}")
        return 3
    files = sorted(p for p in src.iterdir() if p.suffix in (".txt", ".docx"))
    texts = []
    for p in files:
        t = decode(p)
        (out / (p.stem + ".txt")).write_text(t, encoding="utf-8")
        texts.append((p.name, t))
    # Warm up (dictionaries load lazily).
    jio.ner.extract_money("地区生产总值实现1230亿元、增长7.6%")
    total_bytes, total_cpu, total_wall = 0, 0.0, 0.0
    for name, t in texts:
        n = len(t.encode("utf-8"))
        c0, w0 = time.process_time(), time.perf_counter()
        found = jio.ner.extract_money(t)
        dc, dw = time.process_time() - c0, time.perf_counter() - w0
        total_bytes += n
        total_cpu += dc
        total_wall += dw
        print(f"{name:36s} {n/1e6:7.3f} MB {dc:8.3f} s cpu {n/1e6/max(dc,1e-9):8.3f} MB/s  {len(found)} money items")
    print(f"JioNLP wall-clock: {total_bytes/1e6/total_wall:.3f} MB/s")
    # CPU time: the figure compared (the machine may be shared).
    print(f"JIONLP_MBPS {total_bytes/1e6/total_cpu:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
