"""Golden tables: label, marker and stage-direction variants in English and Spanish."""

from __future__ import annotations

import pytest

from interp_align.lang.markers import classify
from interp_align.models import BlockKind, MarkerKind
from interp_align.normalize import fold
from interp_align.parse import parse
from interp_align.speakers import split_label

# -- labels -----------------------------------------------------------------------------------

LABELS = [
    ("SECURITY SECRETARY RODRÍGUEZ:  (Via interpreter) We begin.", "SECURITY SECRETARY RODRÍGUEZ"),
    ("ADVISOR SHERWOOD-RANDALL:  Thank you.", "ADVISOR SHERWOOD-RANDALL"),
    ("MR. PRICE: Good afternoon.", "MR. PRICE"),
    ("QUESTION: Is it true?", "QUESTION"),
    ("Q: Is it true?", "Q"),
    ("MODERATOR: Next question.", "MODERATOR"),
    ("SENIOR ADMINISTRATION OFFICIAL ONE: Sure.", "SENIOR ADMINISTRATION OFFICIAL ONE"),
    ("AMBASSADOR O'NEILL: Thanks.", "AMBASSADOR O'NEILL"),
    ("AMBASSADOR O\u2019NEILL: Thanks.", "AMBASSADOR O\u2019NEILL"),
    ("SECRETARIA DE RELACIONES EXTERIORES BÁRCENA: Buenos días.", "SECRETARIA DE RELACIONES EXTERIORES BÁRCENA"),
    ("PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR: Buenos días.", "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR"),
    ("INTERLOCUTOR: Gracias.", "INTERLOCUTOR"),
    ("INTERLOCUTORA: Gracias.", "INTERLOCUTORA"),
    ("PREGUNTA: ¿Cuándo?", "PREGUNTA"),
    ("INTÉRPRETE: Perdón.", "INTÉRPRETE"),
    ("SECRETARIA DE SEGURIDAD, ROSA ICELA RODRÍGUEZ: Gracias.", "SECRETARIA DE SEGURIDAD, ROSA ICELA RODRÍGUEZ"),
    ("PRIMER MINISTRO DE CANADÁ, MARK CARNEY (interpretación al español): Gracias.", "PRIMER MINISTRO DE CANADÁ, MARK CARNEY"),
    ("   MR. PRICE:\u00a0 Indented label.", "MR. PRICE"),
    ("\ufeffMR. PRICE: After a BOM.", "MR. PRICE"),
    ("MR. PRICE:\r\nCRLF body.", "MR. PRICE"),
]


@pytest.mark.parametrize(("line", "label"), LABELS)
def test_label_found(line: str, label: str) -> None:
    transcript = parse("Title\n\n" + line + "\n", detect_language=False)
    assert [t.label_text for t in transcript.turns] == [label]


NOT_LABELS = [
    "Let me say this: we are here.",
    "We meet at 10:30 tomorrow.",
    "10:30: the meeting starts.",
    "NATO: the alliance met.",
    "NOTE: this is prose.",
    "I: think so.",
    "THIS IS A VERY LONG ALL CAPS SENTENCE WITH MANY WORDS IN IT: prose.",
    "Mr. Price: mixed case is prose.",
    "PRICE:no space after the colon",
]


@pytest.mark.parametrize("line", NOT_LABELS)
def test_not_a_label(line: str) -> None:
    transcript = parse("MR. PRICE: Opening.\n\n" + line + "\n", detect_language=False)
    assert len(transcript.turns) == 1
    assert line.strip() in transcript.turns[0].body


# -- interpreter markers ----------------------------------------------------------------------

INTERPRETER_MARKERS = [
    ("(Via interpreter)", None, None),
    ("(Via interpreter.)", None, None),
    ("(via Interpreter)", None, None),
    ("(Via translation)", None, None),
    ("(As interpreted)", None, None),
    ("(As interpreted.)", None, None),
    ("(Through interpreter)", None, None),
    ("(Through an interpreter)", None, None),
    ("(Vía intérprete)", None, None),
    ("(Mediante traducción)", None, None),
    ("(Interpretación del inglés al español)", "en", "es"),
    ("(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)", "en", "es"),
    ("(interpretación del inglés al español)", "en", "es"),
    ("(Interpretación al español)", None, "es"),
    ("(Interpretación inglés-español)", "en", "es"),
    ("(Interpretación francés-español)", "fr", "es"),
    ("(Interpretación del francés al español)", "fr", "es"),
    ("(Interpretación del náhuatl al español)", "nah", "es"),
    ("(Traducción al español)", None, "es"),
    ("(Traducción del inglés)", "en", None),
    ("(TRADUCCIÓN SUBTITULADA)", None, None),
    ("(Interpretación)", None, None),
]


#: Notes that name the language spoken but declare no interpreter: what they do depends on what
#: follows (see tests/test_parse_passages.py).
SPOKEN_MARKERS = [
    ("(In Spanish)", "es", None),
    ("(Speaks Spanish)", "es", None),
    ("(Speaks Spanish.)", "es", None),
    ("(Speaks in French.)", "fr", None),
    ("(In English.)", "en", None),
    ("(Habla en inglés)", "en", None),
    ("(Mensaje en inglés)", "en", None),
    ("(SALUDO EN INGLÉS)", "en", None),
    ("(Habla en lengua indígena)", None, None),
    ("(Speaks in another language.)", None, None),
]


@pytest.mark.parametrize(("marker", "source", "target"), SPOKEN_MARKERS)
def test_language_note_vocabulary(marker: str, source: str | None, target: str | None) -> None:
    spec = classify(fold(marker[1:-1]))
    assert spec is not None and spec.kind is MarkerKind.LANGUAGE_NOTE and spec.role == "spoken"
    assert (spec.source_language, spec.target_language) == (source, target)


@pytest.mark.parametrize(("marker", "source", "target"), INTERPRETER_MARKERS)
def test_interpreter_marker_vocabulary(marker: str, source: str | None, target: str | None) -> None:
    spec = classify(fold(marker[1:-1]))
    assert spec is not None and spec.kind is MarkerKind.INTERPRETER_NOTE and spec.interpretation
    assert (spec.source_language, spec.target_language) == (source, target)


@pytest.mark.parametrize(("marker", "source", "target"), INTERPRETER_MARKERS + SPOKEN_MARKERS[:2] + SPOKEN_MARKERS[5:7])
def test_interpreter_marker_sets_turn_interpretation_en_record(marker: str, source: str | None, target: str | None) -> None:
    transcript = parse(f"MR. PRICE:  {marker} Good morning to all of you.\n", detect_language=False, language="en")
    interp = transcript.turns[0].interpretation
    assert interp.marker is not None and interp.marker.text == marker
    assert interp.target_language == (target or "en")
    expected_source = source or ("es" if interp.target_language == "en" else "en")
    assert interp.source_language == expected_source
    assert interp.interpreted == (expected_source != interp.target_language)


def test_marker_on_its_own_line_after_label() -> None:
    transcript = parse("INTERLOCUTORA:\n(INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL): Lo lamento.\n", detect_language=False)
    turn = transcript.turns[0]
    assert turn.interpretation.interpreted
    assert (turn.interpretation.source_language, turn.interpretation.target_language) == ("en", "es")
    assert [s.text for s in turn.sentences] == ["Lo lamento."]


def test_placeholder_marker_turn() -> None:
    text = "MODERADORA: Escuchemos el mensaje.\n\nJILL BIDEN:\n(Mensaje en inglés).\n\nMODERADORA: Gracias.\n"
    transcript = parse(text, detect_language=False, language="es")
    turn = transcript.turns[1]
    assert turn.interpretation.placeholder and not turn.interpretation.interpreted
    assert turn.interpretation.source_language == "en" and turn.sentences == ()
    assert not transcript.turns[0].interpretation.placeholder


# -- stage directions -------------------------------------------------------------------------

STAGE = [
    ("(inaudible)", MarkerKind.INAUDIBLE, None),
    ("(Inaudible)", MarkerKind.INAUDIBLE, None),
    ("[inaudible]", MarkerKind.INAUDIBLE, None),
    ("[inaudible 00:01:42]", MarkerKind.INAUDIBLE, "00:01:42"),
    ("(crosstalk)", MarkerKind.CROSSTALK, None),
    ("(off-mike)", MarkerKind.OFF_MIC, None),
    ("(Off-mic)", MarkerKind.OFF_MIC, None),
    ("(Sin micrófono)", MarkerKind.OFF_MIC, None),
    ("(Applause.)", MarkerKind.APPLAUSE, None),
    ("(Aplausos)", MarkerKind.APPLAUSE, None),
    ("(Laughter.)", MarkerKind.LAUGHTER, None),
    ("(Risas)", MarkerKind.LAUGHTER, None),
    ("(unintelligible)", MarkerKind.UNINTELLIGIBLE, None),
    ("(ininteligible)", MarkerKind.UNINTELLIGIBLE, None),
    ("(falla de transmisión)", MarkerKind.TRANSMISSION_FAILURE, None),
    ("(Falla de audio)", MarkerKind.TRANSMISSION_FAILURE, None),
    ("(Finaliza interpretación)", MarkerKind.INTERPRETER_NOTE, None),
]


@pytest.mark.parametrize(("marker", "kind", "timestamp"), STAGE)
def test_stage_direction_recorded_in_place(marker: str, kind: MarkerKind, timestamp: str | None) -> None:
    text = f"MR. PRICE: We will {marker} continue now.\n"
    turn = parse(text, detect_language=False).turns[0]
    assert len(turn.markers) == 1
    found = turn.markers[0]
    assert (found.kind, found.timestamp) == (kind, timestamp)
    assert text[found.start : found.end] == marker == found.text
    assert marker in turn.body
    assert not turn.interpretation.interpreted


@pytest.mark.parametrize("note", ["(UNESCO)", "(ONU)", "(CEPAL)", "(see above)", "[sic]"])
def test_unknown_parenthetical_is_not_a_marker(note: str) -> None:
    turn = parse(f"MR. PRICE: The agency {note} met.\n", detect_language=False).turns[0]
    assert turn.markers == ()


# -- boilerplate ------------------------------------------------------------------------------

FOOTERS = [
    ("###", "end mark"),
    ("END 10:42 A.M. EDT", "end mark"),
    ("—000—", "end mark"),
    ("―000―", "end mark"),
    ("Share", "page chrome: share"),
    ("Leave a Reply", "page chrome: leave a reply"),
]


@pytest.mark.parametrize(("footer", "reason"), FOOTERS)
def test_footer_is_boilerplate_not_speech(footer: str, reason: str) -> None:
    text = f"MR. PRICE: Thank you.\nThat is all.\n\n{footer}\n"
    transcript = parse(text, detect_language=False)
    assert transcript.turns[0].body == "Thank you.\nThat is all."
    assert [(b.text, b.reason) for b in transcript.boilerplate] == [(footer, reason)]


def test_short_lines_after_chrome_are_boilerplate() -> None:
    text = "MR. PRICE: Thank you.\n\nShare\nFacebook\nTwitter\nsome link text\n"
    transcript = parse(text, detect_language=False)
    assert [b.text for b in transcript.boilerplate] == ["Share", "Facebook", "Twitter", "some link text"]
    assert transcript.turns[0].body == "Thank you."


def test_chrome_word_inside_speech_is_kept() -> None:
    text = "MR. PRICE: Thank you.\nShare\nThis long sentence is clearly more speech from the speaker, not chrome.\n"
    transcript = parse(text, detect_language=False)
    assert transcript.boilerplate == ()
    assert transcript.turns[0].body.endswith("not chrome.")


# -- speakers ---------------------------------------------------------------------------------

SPLITS = [
    ("SECURITY SECRETARY RODRÍGUEZ", "Rodríguez", "Security Secretary", False),
    ("HOMELAND SECURITY SECRETARY MAYORKAS", "Mayorkas", "Homeland Security Secretary", False),
    ("ATTORNEY GENERAL GARLAND", "Garland", "Attorney General", False),
    ("MR. PRICE", "Price", "Mr.", False),
    ("PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR", "Andrés Manuel López Obrador", "Presidente", False),
    ("SECRETARIA DE RELACIONES EXTERIORES BÁRCENA", "Bárcena", "Secretaria de Relaciones Exteriores", False),
    ("SECRETARIA DE SEGURIDAD, ROSA ICELA RODRÍGUEZ", "Rosa Icela Rodríguez", "Secretaria de Seguridad", False),
    ("JANET YELLEN, SECRETARIA DEL TESORO", "Janet Yellen", "Secretaria del Tesoro", False),
    ("PRIMER MINISTRO DE CANADÁ, MARK CARNEY", "Mark Carney", "Primer Ministro de Canadá", False),
    ("ROGELIO RAMÍREZ DE LA O", "Rogelio Ramírez de la O", None, False),
    ("QUESTION", None, "Question", True),
    ("PREGUNTA", None, "Pregunta", True),
    ("VOZ MUJER", None, "Voz Mujer", True),
    ("INTERVENCIÓN", None, "Intervención", True),
]


@pytest.mark.parametrize(("label", "name", "role", "generic"), SPLITS)
def test_split_label(label: str, name: str | None, role: str | None, generic: bool) -> None:
    parts = split_label(label)
    assert (parts.name, parts.role, parts.generic) == (name, role, generic)


def test_speakers_linked_across_label_variants() -> None:
    text = (
        "---\nJANET YELLEN, SECRETARIA DEL TESORO (INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)\nGracias.\n"
        "---\nPREGUNTA\n¿Y el acuerdo?\n"
        "---\nJANET YELLEN (INTERPRETACIÓN DEL INGLÉS AL ESPAÑOL)\nSí.\n"
        "---\nROGELIO RAMÍREZ DE LA O, SECRETARIO DE HACIENDA\nBien.\n"
        "---\nROGELIO EDUARDO RAMÍREZ DE LA O\nClaro.\n"
        "---\nPREGUNTA\n¿Otra?\n"
    )
    transcript = parse(text, detect_language=False)
    ids = [t.speaker_id for t in transcript.turns]
    assert ids[0] == ids[2] == "janet-yellen"
    assert ids[3] == ids[4]
    assert ids[1] == ids[5] == "pregunta"
    assert transcript.speaker("pregunta").generic
    assert len(transcript.speakers) == 3
    assert all(t.interpretation.interpreted for t in transcript.turns[0:3:2])


def test_no_label_blocks_are_unattributed_not_turns() -> None:
    text = "Title\n---\nMODERADOR\nHola.\n---\n(PIEZA MUSICAL\nCANCIÓN)\n---\nMODERADOR\nAdiós.\n"
    transcript = parse(text, detect_language=False)
    assert len(transcript.turns) == 2
    unattributed = [b for b in transcript.blocks if b.kind is BlockKind.UNATTRIBUTED]
    assert [b.text for b in unattributed] == ["(PIEZA MUSICAL\nCANCIÓN)"]
    assert [d.code for d in transcript.diagnostics] == ["P009"]  # a song block: info, not a warning


def test_english_header_fields_and_end_marks() -> None:
    text = (
        "Remarks With Visiting Officials\n"
        "Jane Q. Example, Secretary of State\n"
        "Mexico City, Mexico\n"
        "October 5, 2023\n\n"
        "An introduction paragraph that is long enough to be prose rather than a header line, with many words.\n\n"
        "SECRETARY EXAMPLE:  Thank you.  (Applause.)\n\n"
        "QUESTION:  [inaudible 00:01:42] the border?\n\n"
        "###\n\nEND 10:42 A.M. EDT\n"
    )
    transcript = parse(text, detect_language=False)
    assert [(h.kind.value, h.text) for h in transcript.header] == [
        ("title", "Remarks With Visiting Officials"),
        ("other", "Jane Q. Example, Secretary of State"),
        ("place", "Mexico City, Mexico"),
        ("date", "October 5, 2023"),
    ]
    unattributed = [b for b in transcript.blocks if b.kind is BlockKind.UNATTRIBUTED]
    assert len(unattributed) == 1 and unattributed[0].text.startswith("An introduction")
    assert [b.text for b in transcript.boilerplate] == ["###", "END 10:42 A.M. EDT"]
    assert transcript.turns[1].body == "[inaudible 00:01:42] the border?"
    assert transcript.turns[1].markers[0].timestamp == "00:01:42"
