"""Lint a transcript like CI would: findings with rule ids, severities and locations."""

from pathlib import Path

import interp_align as ia

SEED = Path(__file__).resolve().parent.parent / "corpora" / "us-mexico-security-dialogue-2023"

english = ia.read(SEED / "en.txt")
spanish = ia.read(SEED / "es.txt")
report = ia.check(english, original=spanish)
for finding in report.findings:
    where = finding.location
    print(f"{finding.rule} {finding.severity.value:<7} line {where.line}:{where.column}  {finding.message}")
print(f"worst severity: {report.worst().value if report.worst() else 'none'}")
