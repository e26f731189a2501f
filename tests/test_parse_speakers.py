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


def test_speakers_are_compared_only_with_people_who_could_be_them() -> None:
    # thousands of distinct speakers must not be a comparison of every pair (quadratic in a record
    # with many speakers): candidates share a word or have a name of the same shape
    from interp_align.speakers import _nearby, _Person

    people = [_Person(f"name:{n}", [n], n, None, False, []) for n in ("abcd", "efgh", "ijkl", "mnop")]
    people.append(_Person("name:ana abcd", ["ana", "abcd"], "Ana Abcd", None, False, []))
    order = {id(p): k for k, p in enumerate(people)}
    by_word: dict[str, list[_Person]] = {}
    for person in people:
        for word in person.words:
            by_word.setdefault(word, []).append(person)
    assert _nearby(people[0], by_word, {}, order) == [people[4]]
    assert _nearby(people[1], by_word, {}, order) == []


def test_read_takes_an_encoding(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import interp_align as ia

    path = tmp_path / "latin.txt"
    path.write_bytes("SEÑOR PÉREZ:  Buenos días.\n".encode("cp1252"))
    transcript = ia.read(path, encoding="cp1252", detect_language=False)
    assert transcript.turns[0].label_text == "SEÑOR PÉREZ" and transcript.encoding == "cp1252"
