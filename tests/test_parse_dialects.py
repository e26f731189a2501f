"""Record dialects: each publisher's shapes, pinned on fixtures the project wrote (tests/fixtures/dialects).

The fixtures imitate real records (White House Markdown exports and plain pages, gob.mx
versiones estenográficas and their English translations) with invented people and text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import interp_align as ia
from interp_align.models import BlockKind, HeaderFieldKind, PassageKind

FIXTURES = Path(__file__).parent / "fixtures" / "dialects"


def _read(name: str) -> ia.Transcript:
    return ia.read(FIXTURES / name, detect_language=False)


def _lossless(transcript: ia.Transcript) -> None:
    assert "".join(b.text for b in transcript.blocks) == transcript.text
    for turn in transcript.turns:
        assert transcript.text[turn.start : turn.end] == turn.text
        for sentence in turn.sentences:
            assert transcript.text[sentence.start : sentence.end] == sentence.text


@pytest.fixture(scope="module")
def markdown() -> ia.Transcript:
    return _read("whitehouse-markdown.md")


@pytest.fixture(scope="module")
def gob_labels() -> ia.Transcript:
    return _read("gobmx-labels.txt")


@pytest.fixture(scope="module")
def gob_inline() -> ia.Transcript:
    return _read("gobmx-inline.txt")


# -- dialect detection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "dialect"),
    [
        ("whitehouse-markdown.md", "markdown-export"),
        ("whitehouse-plain.txt", "whitehouse"),
        ("gobmx-labels.txt", "gobmx"),
        ("gobmx-inline.txt", "gobmx"),
        ("gobmx-english.txt", "gobmx-english"),
    ],
)
def test_dialect_is_recognised_with_evidence(name: str, dialect: str) -> None:
    transcript = _read(name)
    assert transcript.dialect is not None and transcript.dialect.name == dialect
    assert transcript.dialect.evidence
    _lossless(transcript)


def test_seed_is_a_state_department_record(seed_en: ia.Transcript) -> None:
    assert seed_en.dialect is not None and seed_en.dialect.name == "state-department"
    assert any("Via interpreter" in e for e in seed_en.dialect.evidence)


def test_plain_colon_text_falls_back_to_the_default() -> None:
    transcript = ia.parse("Minutes\n\nCHAIR:  We begin.\n\nMEMBER ONE:  Agreed.\n", detect_language=False)
    assert transcript.dialect is not None and transcript.dialect.name == "colon-labels"


def test_a_dialect_can_be_chosen_by_name() -> None:
    transcript = ia.parse("Title\n---\nMODERADORA\nHola.\n", detect_language=False, dialect="gobmx")
    assert transcript.dialect is not None and transcript.dialect.name == "gobmx"
    assert transcript.dialect.evidence == ("chosen by the caller",)


# -- White House Markdown export ------------------------------------------------------------


def test_front_matter_is_header_fields_not_a_separator(markdown: ia.Transcript) -> None:
    fields = {h.key: h for h in markdown.header if h.key}
    assert fields["date"].kind is HeaderFieldKind.DATE and fields["date"].value == "2031-03-14"
    assert fields["source_url"].kind is HeaderFieldKind.URL
    assert fields["title"].kind is HeaderFieldKind.TITLE
    # YAML escapes resolved: a folded line and "\_" (a no-break space)
    assert markdown.title == "Remarks by the President and President Ortega Vidal of the Republic of Examplia Before Bilateral\u00a0Meeting"
    assert not any(b.kind is BlockKind.SEPARATOR for b in markdown.blocks)
    assert markdown.blocks[0].kind is BlockKind.HEADER and markdown.blocks[0].reason == "front matter"
    assert markdown.dialect is not None and markdown.dialect.front_matter and markdown.dialect.soft_wraps


def test_dateline_is_header_and_closing_time_is_boilerplate(markdown: ia.Transcript) -> None:
    lines = [(h.kind, h.text) for h in markdown.header if h.key is None]
    assert lines == [
        (HeaderFieldKind.PLACE, "East Room"),
        (HeaderFieldKind.PLACE, "Washington, D.C."),
        (HeaderFieldKind.TIME, "4:24 P.M. EEST"),
    ]
    assert [b.text for b in markdown.boilerplate] == ["END\u00a0\u00a0\u00a0\u00a0\u00a0 4:51 P.M. EEST", "\\# \\# \\#"]
    assert "4:51" not in markdown.turns[-1].text


def test_q_lines_open_question_turns(markdown: ia.Transcript) -> None:
    questions = [t for t in markdown.turns if t.label_text == "Q"]
    assert len(questions) == 4
    assert all(markdown.speaker(t.speaker_id).generic for t in questions)
    assert questions[1].body == "— in the first year?"  # the dash of an interrupted question is kept
    assert questions[3].interpretation.interpreted  # "Q (As interpreted.) …"


def test_soft_wraps_end_no_sentence_and_offsets_hold(markdown: ia.Transcript) -> None:
    opening = markdown.turns[0]
    texts = [s.text for s in opening.sentences]
    assert texts[1].startswith("It is a pleasure") and "thank Mr.\nPresident for the long trip" in texts[1]
    for turn in markdown.turns:
        for sentence in turn.sentences:
            if sentence.text.rstrip()[-1:] not in ".?!—:)":
                assert sentence is turn.sentences[-1], sentence.text
    _lossless(markdown)


def test_notes_anywhere_in_a_turn_make_passages(markdown: ia.Transcript) -> None:
    first = markdown.turns[1]
    assert first.interpretation.interpreted and first.interpretation.source_language == "es"
    assert [(p.kind, p.source_language) for p in first.passages] == [
        (PassageKind.INTERPRETED, None),  # a White House record names no language: none is assumed
        (PassageKind.INTERPRETED, "es"),  # "(Speaks Spanish.) (As interpreted.)" mid-turn
    ]
    mixed = markdown.turns[8]
    assert mixed.label_text == "PRESIDENT ORTEGA VIDAL"
    assert [(p.kind, p.source_language) for p in mixed.passages] == [
        (PassageKind.ORIGINAL, None),  # "Muchas gracias." in his own language before "(As interpreted.)"
        (PassageKind.INTERPRETED, None),
        (PassageKind.INTERPRETED, "fr"),  # "(Speaks French.) (As interpreted.)"
        (PassageKind.ORIGINAL, "en"),  # "(In English.) Thank you."
    ]
    assert markdown.text[mixed.passages[0].start : mixed.passages[0].end] == "Muchas gracias."


def test_no_translation_provided_is_a_placeholder_not_an_interpretation(markdown: ia.Transcript) -> None:
    placeholder = markdown.turns[10]
    assert placeholder.interpretation.placeholder and not placeholder.interpretation.interpreted
    assert placeholder.interpretation.source_language == "es"
    assert [p.kind for p in placeholder.passages] == [PassageKind.UNTRANSCRIBED]


def test_an_unclosed_note_is_still_a_note_with_a_diagnostic(markdown: ia.Transcript) -> None:
    turn = next(t for t in markdown.turns if t.label_text == "MS. LINDQVIST")
    assert turn.interpretation.placeholder and not turn.interpretation.interpreted
    assert turn.markers[-1].text == "(No translation provided."
    assert [d.code for d in markdown.diagnostics if d.code == "P010"] == ["P010"]


def test_a_note_wrapped_over_a_line_is_one_note(markdown: ia.Transcript) -> None:
    turn = next(t for t in markdown.turns if "another" in t.body)
    note = next(m for m in turn.markers if "another" in m.text)
    assert note.text == "(Speaks in another\nlanguage.)"
    assert [p.kind for p in turn.passages] == [PassageKind.ORIGINAL, PassageKind.UNTRANSCRIBED, PassageKind.ORIGINAL]


def test_a_lone_language_note_names_the_interpreted_speaker_s_language() -> None:
    text = (
        "---\ntitle: Remarks\n---\n\nPRESIDENT HADDAD:  (As interpreted.)  We welcome you.  Peace be upon you.  "
        "(In Arabic.)\nThank you.\n\nTHE PRESIDENT:  Thank you.\n"
    )
    turn = ia.parse(text, detect_language=False).turns[0]
    assert turn.interpretation.interpreted and turn.interpretation.source_language == "ar"


def test_interpreting_note_marks_the_interpreter_s_turn(markdown: ia.Transcript) -> None:
    turn = next(t for t in markdown.turns if t.label_text == "MR. ALVAREZ")
    assert turn.interpretation.interpreted and turn.interpretation.marker is not None
    assert turn.interpretation.marker.text == "(Interpreting.)"


# -- White House page as plain text ---------------------------------------------------------


def test_plain_white_house_page() -> None:
    transcript = _read("whitehouse-plain.txt")
    assert [t.label_text for t in transcript.turns] == ["THE PRESIDENT", "Q", "THE PRESIDENT", "Q", "INTERPRETER", "THE PRESIDENT"]
    assert [h.kind for h in transcript.header] == [HeaderFieldKind.TITLE, HeaderFieldKind.PLACE, HeaderFieldKind.PLACE, HeaderFieldKind.TIME]
    assert [b.reason for b in transcript.boilerplate] == ["closing time line"]
    assert transcript.turns[3].interpretation.placeholder  # "Q    (Speaks Spanish.)"


# -- gob.mx label shapes --------------------------------------------------------------------


def test_every_real_label_shape_opens_a_turn(gob_labels: ia.Transcript) -> None:
    labels = [t.label_text for t in gob_labels.turns]
    assert labels[0] == "PRESIDENTE ANDRÉS MANUEL LÓPEZ OBRADOR"
    assert labels[1].startswith("TITULAR DEL SERVICIO DE ADMINISTRACIÓN Y ENAJENACIÓN DE BIENES (SAE) Y DEL INSTITUTO")
    assert "RAFAEL “EL MARQUÉS” PEÑA SOTO" in labels[3]
    assert labels[4] == "LUIS CRESCENCIO SANDOVAL GONZÁLEZ"  # the trailing U+200B is not part of the label
    assert "/ VOCERA DE LA SECRETARÍA; ASUNTOS INTERNACIONALES & COOPERACIÓN + ENLACE" in labels[7]
    assert labels[8].endswith("(IMSS), ZACARÍAS ROBLES ABURTO")  # the trailing "(ENLACE VIRTUAL)" is a note
    assert len(gob_labels.turns) == 16
    assert not [d for d in gob_labels.diagnostics if d.severity is ia.Severity.WARNING]


def test_invisible_characters_and_decomposed_accents_do_not_split_speakers(gob_labels: ia.Transcript) -> None:
    ids = [t.speaker_id for t in gob_labels.turns]
    assert ids[4] == "luis-crescencio-sandoval-gonzalez"
    assert ids[5] == "manuel-bravo-pereyra"
    assert ids[6] == "rocio-mendoza-diaz"
    assert ids[8] == "zacarias-robles-aburto"


def test_people_who_share_names_stay_apart_and_role_first_labels_link_by_name(gob_labels: ia.Transcript) -> None:
    ids = [t.speaker_id for t in gob_labels.turns]
    assert ids[0] == ids[-1] == "andres-manuel-lopez-obrador"
    assert ids[2] == "juan-manuel-carreras-lopez"
    assert ids[9] == "maria-elena-soto-perez" and ids[10] == "josefina-cruz-lara"
    assert gob_labels.speaker(ids[9]).role == "Beneficiaria"


def test_numbered_and_misspelled_generic_labels(gob_labels: ia.Transcript) -> None:
    ids = [t.speaker_id for t in gob_labels.turns]
    assert ids[11] == "moderadora-1" and ids[12] == "moderadora-2"
    assert gob_labels.speaker(ids[11]).generic and gob_labels.speaker(ids[12]).generic
    assert ids[13] == "pregunta" and gob_labels.speaker("pregunta").generic  # "PREGUNA"


def test_unknown_speaker_mark_opens_an_unattributed_speaker_turn(gob_labels: ia.Transcript) -> None:
    turn = gob_labels.turns[14]
    assert turn.label_text == "???" and turn.speaker_id == "unidentified"
    assert any(d.code == "P012" for d in gob_labels.diagnostics)


def test_song_video_and_anthem_blocks_are_non_speech(gob_labels: ia.Transcript) -> None:
    quiet = [b for b in gob_labels.blocks if b.kind is BlockKind.UNATTRIBUTED]
    assert [b.text.split("\n")[0] for b in quiet] == ["(PIEZA MUSICAL VOLVER, VOLVER)", "(PROYECCIÓN DE VIDEO", "(HIMNO NACIONAL)"]
    assert all(b.reason and b.reason.startswith("non-speech block") for b in quiet)
    assert "VOLVER, VOLVER. INTERPRETA" in quiet[0].text  # a song line is not a speaker label
    assert not any("VOLVER, VOLVER" in t.label_text or "INTERPRETA" in t.label_text for t in gob_labels.turns)
    assert [d.code for d in gob_labels.diagnostics].count("P009") == 3


def test_dashed_end_mark_is_boilerplate(gob_labels: ia.Transcript) -> None:
    assert [b.text for b in gob_labels.boilerplate] == ["- - - 0 - - -"]
    assert gob_labels.turns[-1].body == "Muchas gracias. Nos vemos mañana."


# -- gob.mx inline labels and interpreter notes ---------------------------------------------


def test_inline_label_shapes(gob_inline: ia.Transcript) -> None:
    labels = [t.label_text for t in gob_inline.turns]
    assert labels[:4] == ["PRESIDENTA CLAUDIA RUIZ ESPINOSA", "HELENA MARSH, SECRETARIA DE COMERCIO", "PREGUNTA", "TOMAS BERG"]
    assert gob_inline.turns[1].body == "Muchas gracias, presidenta."  # no space after "):"
    assert all(t.interpretation.interpreted for t in gob_inline.turns[1:4])
    assert gob_inline.turns[3].interpretation.source_language == "en"  # the unclosed note still declares
    assert any(d.code == "P010" for d in gob_inline.diagnostics)


def test_label_line_with_a_note_and_no_colon_inside_a_block(gob_inline: ia.Transcript) -> None:
    turn = gob_inline.turns[5]
    assert turn.label_text == "PRIMER MINISTRO DE PRUEBA, OLAF NIELSEN"
    assert turn.interpretation.interpreted and turn.body == "Gracias por recibirnos."
    assert gob_inline.turns[4].body == "Adelante, primer ministro."


def test_note_on_the_second_line_and_unbracketed_note(gob_inline: ia.Transcript) -> None:
    second_line, unbracketed = gob_inline.turns[6], gob_inline.turns[7]
    assert second_line.interpretation.interpreted and second_line.interpretation.source_language == "en"
    assert [s.text for s in second_line.sentences] == ["Quiero agradecer la invitación."]
    assert unbracketed.interpretation.interpreted and unbracketed.interpretation.marker is not None
    assert unbracketed.interpretation.marker.text == "Interpretación:"
    assert [s.text for s in unbracketed.sentences] == ["Es un honor estar en México."]


def test_indigenous_language_notes(gob_inline: ia.Transcript) -> None:
    maya, alone, greeting = gob_inline.turns[8], gob_inline.turns[9], gob_inline.turns[10]
    assert maya.interpretation.interpreted and (maya.interpretation.source_language, maya.interpretation.target_language) == ("yua", "es")
    assert alone.interpretation.placeholder and not alone.interpretation.interpreted
    # a greeting in an indigenous language, then the speaker's own Spanish
    assert [p.kind for p in greeting.passages] == [PassageKind.UNTRANSCRIBED, PassageKind.ORIGINAL]
    assert not greeting.interpretation.interpreted


def test_message_in_english_placeholder(gob_inline: ia.Transcript) -> None:
    turn = gob_inline.turns[-1]
    assert turn.interpretation.placeholder and turn.interpretation.source_language == "en"
    assert not turn.interpretation.interpreted


# -- the presidency's English translations --------------------------------------------------


def test_english_translation_speech_is_one_turn_and_its_date_is_header() -> None:
    transcript = _read("gobmx-english.txt")
    assert len(transcript.turns) == 1
    turn = transcript.turns[0]
    assert turn.body.startswith("Friends:") and turn.body.endswith("Thank you very much.")
    assert transcript.speaker(turn.speaker_id).name == "Ana Lucía Ferrer Montaño"
    assert (HeaderFieldKind.DATE, "DECEMBER 1, 2031") in [(h.kind, h.text) for h in transcript.header]
    assert not [d for d in transcript.diagnostics if d.severity is ia.Severity.WARNING]


# -- nothing silently unattributed ----------------------------------------------------------


def test_a_rejected_label_like_line_is_a_warning() -> None:
    text = "Título\n---\nMODERADORA\nHola.\n---\nA\nTexto sin etiqueta.\n"
    transcript = ia.parse(text, detect_language=False)
    warnings = [d for d in transcript.diagnostics if d.code == "P008"]
    assert len(warnings) == 1 and warnings[0].severity is ia.Severity.WARNING and warnings[0].line == 6
    assert "'A'" in warnings[0].message


def test_a_block_of_prose_with_no_label_is_a_warning() -> None:
    text = "Título\n---\nMODERADORA\nHola.\n---\nEste párrafo no tiene etiqueta de orador.\n"
    transcript = ia.parse(text, detect_language=False)
    assert [(d.code, d.severity) for d in transcript.diagnostics] == [("P007", ia.Severity.WARNING)]


def test_an_overlong_colon_label_is_a_warning_not_silence() -> None:
    text = "MR. PRICE: Opening.\n\nTHIS IS A VERY LONG ALL CAPS SENTENCE WITH MANY WORDS IN IT: prose.\n"
    transcript = ia.parse(text, detect_language=False)
    assert len(transcript.turns) == 1
    assert [d.code for d in transcript.diagnostics] == ["P008"]


def test_old_mac_line_endings_are_line_breaks() -> None:
    text = "Title\r\rMR. PRICE:  Good morning.\r\rQUESTION:  Is it true?\r"
    transcript = ia.parse(text, detect_language=False)
    assert [t.label_text for t in transcript.turns] == ["MR. PRICE", "QUESTION"]
    assert transcript.turns[0].body == "Good morning."
    assert "".join(b.text for b in transcript.blocks) == text


# -- shapes found on real records the project had not seen (invented reproducers) ----------


def test_a_pause_note_opening_a_block_continues_the_previous_speaker() -> None:
    transcript = _read("gobmx-pause.txt")
    assert [t.speaker_id for t in transcript.turns] == ["ana-ruiz", "ana-ruiz", "john-doe"]
    assert transcript.turns[1].body.startswith("(PAUSA)\nBueno")
    assert [d.code for d in transcript.diagnostics] == ["P013"]
    assert not [b for b in transcript.blocks if b.kind is BlockKind.UNATTRIBUTED]


def test_a_note_with_its_colon_inside_the_brackets() -> None:
    transcript = _read("gobmx-note-colon.txt")
    inline, own_line = transcript.turns[1], transcript.turns[2]
    assert inline.label_text == "JANE ROE, PRESIDENTA DEL CONSEJO (USMXEC)"
    assert inline.body.startswith("Muchas gracias")  # not ") Muchas gracias"
    for turn in (inline, own_line):
        assert [m.text for m in turn.markers] == ["(Habla en inglés:)"]
        assert turn.interpretation.interpreted and turn.interpretation.source_language == "en"


def test_a_transposed_letter_in_a_label_is_the_same_speaker() -> None:
    transcript = _read("gobmx-misspelt.txt")
    assert [t.speaker_id for t in transcript.turns] == ["joseph-smith-junior", "pregunta", "joseph-smith-junior"]


def test_a_header_only_record_keeps_its_header() -> None:
    transcript = _read("gobmx-header-only.txt")
    assert transcript.dialect is not None and transcript.dialect.name == "gobmx"
    assert [h.kind for h in transcript.header] == [HeaderFieldKind.TITLE, HeaderFieldKind.ORGANISATION, HeaderFieldKind.DATE]
    assert transcript.turns == () and [d.code for d in transcript.diagnostics] == ["P001"]


def test_markdown_emphasis_is_not_part_of_a_place() -> None:
    text = "---\ntitle: Gaggle\n---\n\n*Bletchley Park  \nBletchley, United Kingdom*\n\nTHE VICE PRESIDENT:  Hello.\n"
    transcript = ia.parse(text, detect_language=False)
    places = [(h.text, h.value) for h in transcript.header if h.kind is HeaderFieldKind.PLACE]
    assert places == [("*Bletchley Park", "Bletchley Park"), ("Bletchley, United Kingdom*", "Bletchley, United Kingdom")]


def test_a_dotted_acronym_before_a_title_ends_no_sentence() -> None:
    turn = ia.parse("Title\n\nTHE VICE PRESIDENT:  I talked with U.N. Secretary Guterres today.  We met.\n",
                    detect_language=False).turns[0]
    assert [s.text for s in turn.sentences] == ["I talked with U.N. Secretary Guterres today.", "We met."]


def test_a_reporter_named_like_a_spam_word_keeps_the_last_question() -> None:
    transcript = ia.parse("MS. LANE:  Go ahead.\n\nQ    Thank you.  Maria Casino, Radio Uno.\n", detect_language=False)
    assert [t.label_text for t in transcript.turns] == ["MS. LANE", "Q"] and transcript.boilerplate == ()


def test_a_wrapped_word_that_names_page_chrome_stays_in_the_sentence() -> None:
    transcript = ia.parse("Title\n\nTHE PRESIDENT:  That is where he limited his\ncomments.\n", detect_language=False)
    assert transcript.turns[0].body.endswith("comments.") and transcript.boilerplate == ()


def test_a_label_naming_two_people_names_both() -> None:
    text = "Título\n---\nCADETE DE PRIMERA, ANA LUZ RIVAS PEÑA Y CADETE DE SEGUNDA, JUAN PABLO SOTO MENA\nGracias.\n"
    transcript = ia.parse(text, detect_language=False)
    assert transcript.speaker(transcript.turns[0].speaker_id).name == "Ana Luz Rivas Peña y Juan Pablo Soto Mena"
