"""The parser's parts, one concern each; ``interp_align.parse`` runs them in order.

text → ``document`` (matching view, front matter, soft wraps) → ``dialects``
(which publisher's conventions) → ``notes`` (bracketed markers) → ``heads`` (where
turns start) → ``frame`` (header, footer, separators, non-speech blocks) →
``passages`` (original / interpreted / untranscribed stretches) → ``turns``
(Turn models with languages and sentences).
"""
