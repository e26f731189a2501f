"""Write the side-by-side HTML report for one event, then batch-process a small corpus folder.

Everything goes into a temporary folder. The batch folder holds two events under the
naming rule (NAME.en.txt with NAME.es.txt), one transcript alone and one unreadable
file, to show the per-document outputs, the summary and the failure isolation.
"""

import shutil
import tempfile
from pathlib import Path

import interp_align as ia
from interp_align.batch import run_batch
from interp_align.quality import check
from interp_align.report import render_report

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
EVENT = CORPORA / "binational-forum-speech-2024"

with tempfile.TemporaryDirectory() as tmp:
    work = Path(tmp)

    # 1. The report: parse both records, align them, check the English one, render.
    english, spanish = ia.read(EVENT / "en.txt"), ia.read(EVENT / "es.txt")
    alignment = ia.align(english, spanish)
    findings = check(english, original=spanish, alignment=alignment)
    page = render_report(english, spanish, alignment, findings, check(spanish))
    report = work / "report.html"
    report.write_text(page, encoding="utf-8")
    beads = sum(len(pair.beads) for pair in alignment.pairs)
    print(f"report: {report.name}, {len(page.encode('utf-8')):,} bytes, {len(alignment.pairs)} turn pairs, "
          f"{beads} beads, {len(findings.findings)} findings on the English side")

    # 2. A small batch: two pairs, one lone transcript, one broken file.
    corpus = work / "corpus"
    corpus.mkdir()
    for name in ("binational-forum-speech-2024", "us-mexico-security-dialogue-2023"):
        shutil.copy(CORPORA / name / "en.txt", corpus / f"{name}.en.txt")
        shutil.copy(CORPORA / name / "es.txt", corpus / f"{name}.es.txt")
    shutil.copy(CORPORA / "check-corpus" / "v01-gaps.en.txt", corpus / "gaps-variant.txt")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 not a transcript \xff\xfe")

    out = work / "out"
    summary = run_batch(corpus, out, workers=2, progress=lambda done, total, message: None)
    print(f"batch: {summary.total} documents, {summary.processed} processed, {summary.failed} failed")
    for row in summary.rows:
        detail = row["message"] or f"{row['beads'] or '-'} beads, {row['findings']} findings"
        print(f"  {row['id']:<40} {row['status']:<6} {detail}")
    first_pair = next(row["id"] for row in summary.rows if row["spanish"] and row["status"] == "ok")
    print(f"  outputs of {first_pair}:", sorted(p.name for p in (out / first_pair).iterdir()))

    # 3. Run again: unchanged documents are skipped, the broken one is retried.
    again = run_batch(corpus, out, progress=lambda done, total, message: None)
    print(f"resume: {again.skipped} skipped, {again.processed} processed (the broken file, retried)")
