"""Speaker linking: one Speaker per person across label variants, generic roles kept apart."""

from __future__ import annotations

from interp_align.speakers import UNIDENTIFIED, build_speakers


def test_same_label_same_speaker_in_order_of_appearance() -> None:
    speakers, ids = build_speakers(["SECRETARY BLINKEN", "SECURITY SECRETARY RODRÍGUEZ", "SECRETARY BLINKEN"])
    assert ids == ("blinken", "rodriguez", "blinken")
    assert [s.id for s in speakers] == ["blinken", "rodriguez"]


def test_accent_and_case_insensitive() -> None:
    _, ids = build_speakers(["SECURITY SECRETARY RODRÍGUEZ", "Security Secretary Rodriguez"])
    assert ids[0] == ids[1]


def test_office_variants_and_middle_names_merge() -> None:
    speakers, ids = build_speakers(
        [
            "ROGELIO RAMÍREZ DE LA O, SECRETARIO DE HACIENDA Y CRÉDITO PÚBLICO",
            "ROGELIO RAMÍREZ DE LA O",
            "ROGELIO EDUARDO RAMÍREZ DE LA O",
            "MIGUEL MARIO DÍAZ-CANEL",
            "MIGUEL DÍAZ-CANEL BERMÚDEZ",
        ]
    )
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] == ids[4]
    assert len(speakers) == 2
    rogelio = speakers[0]
    assert rogelio.role == "Secretario de Hacienda y Crédito Público"
    assert len(rogelio.labels) == 3


def test_one_letter_typo_in_a_long_name_merges() -> None:
    _, ids = build_speakers(["JANET YELLEN", "YANET YELLEN", "BEATRIZ GUTIÉRREZ MUELLER", "BEATRIZ GUTIÉRREZ MULLER"])
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_ambiguous_surname_stays_apart() -> None:
    _, ids = build_speakers(["ROSA ICELA RODRÍGUEZ", "JUAN RODRÍGUEZ", "SECRETARIA RODRÍGUEZ"])
    assert len(set(ids)) == 3


def test_unique_surname_links_to_full_name() -> None:
    _, ids = build_speakers(["SECRETARIA DE SEGURIDAD, ROSA ICELA RODRÍGUEZ", "SECRETARIA RODRÍGUEZ"])
    assert ids[0] == ids[1] == "rosa-icela-rodriguez"


def test_generic_roles_are_generic_and_never_merge_with_people() -> None:
    speakers, ids = build_speakers(["QUESTION", "Q", "MODERATOR", "PREGUNTA", "SECRETARY QUESTION", ""])
    by_id = {s.id: s for s in speakers}
    assert ids[:4] == ("question", "q", "moderator", "pregunta")
    assert all(by_id[i].generic for i in ids[:4])
    assert not by_id[ids[4]].generic
    assert ids[5] == UNIDENTIFIED and by_id[UNIDENTIFIED].generic


def test_role_words_do_not_split_people_with_one_surname() -> None:
    speakers, ids = build_speakers(["MR. LEE", "SENIOR ADMINISTRATION OFFICIAL ONE", "PRESIDENTE LEE"])
    assert ids[0] == ids[2] == "lee"
    assert ids[1] == "senior-administration-official-one"
    assert len(speakers) == 2


def test_slug_collisions_get_suffixes() -> None:
    speakers, ids = build_speakers(["AMBASSADOR O'NEILL", "AMBASSADOR O NEILL"])
    assert ids == ("o-neill", "o-neill-2")
    assert len({s.id for s in speakers}) == 2
