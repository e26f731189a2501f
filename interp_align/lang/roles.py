"""Office titles across English and Spanish, as data, for matching speakers between records.

Each canonical role lists the folded (lower-case, accent-free) phrases that
name it in either language.  A label matches a role when one of the phrases
occurs in it as whole words; longer phrases are tried first so that
"homeland security secretary" is not read as plain "secretary".
"""

from __future__ import annotations

#: canonical role -> phrases (English and Spanish, folded)
ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    "foreign_minister": (
        "foreign secretary",
        "foreign minister",
        "secretary of foreign affairs",
        "secretaria de relaciones exteriores",
        "secretario de relaciones exteriores",
        "canciller",
        "ministro de relaciones exteriores",
        "ministra de relaciones exteriores",
        "ministro de asuntos exteriores",
        "ministra de asuntos exteriores",
    ),
    "secretary_of_state": (
        "secretary of state",
        "secretario de estado",
        "secretaria de estado",
    ),
    "attorney_general": (
        "attorney general",
        "fiscal general",
        "procurador general",
    ),
    "security_secretary": (
        "security secretary",
        "secretary of security",
        "secretaria de seguridad",
        "secretario de seguridad",
        "secretaria de seguridad y proteccion ciudadana",
        "secretario de seguridad y proteccion ciudadana",
    ),
    "homeland_security_secretary": (
        "homeland security secretary",
        "secretary of homeland security",
        "secretario de seguridad nacional",
        "secretaria de seguridad nacional",
        "secretario de seguridad interior",
    ),
    "interior_secretary": (
        "interior secretary",
        "secretary of the interior",
        "secretaria de gobernacion",
        "secretario de gobernacion",
    ),
    "national_security_advisor": (
        "national security advisor",
        "homeland security advisor",
        "advisor",
        "adviser",
        "asesora de seguridad nacional",
        "asesor de seguridad nacional",
        "asesora",
        "asesor",
    ),
    "vice_president": ("vice president", "vicepresident", "vicepresidente", "vicepresidenta"),
    "president": ("president", "presidente", "presidenta"),
    "prime_minister": ("prime minister", "primer ministro", "primera ministra"),
    "ambassador": ("ambassador", "embajador", "embajadora"),
    "governor": ("governor", "gobernador", "gobernadora"),
    "mayor": ("mayor", "alcalde", "alcaldesa", "presidente municipal", "presidenta municipal"),
    "economy_secretary": (
        "secretary of economy",
        "economy secretary",
        "secretaria de economia",
        "secretario de economia",
    ),
    "commerce_secretary": (
        "secretary of commerce",
        "commerce secretary",
        "secretario de comercio",
        "secretaria de comercio",
    ),
    "treasury_secretary": (
        "secretary of the treasury",
        "treasury secretary",
        "secretaria del tesoro",
        "secretario del tesoro",
    ),
    "finance_secretary": (
        "secretary of finance",
        "finance secretary",
        "secretario de hacienda",
        "secretaria de hacienda",
    ),
}

#: anonymous, role-only labels; the same class matches across languages
GENERIC_ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    "question": (
        "question",
        "q",
        "questioner",
        "journalist",
        "reporter",
        "pregunta",
        "interlocutor",
        "interlocutora",
        "periodista",
        "reportero",
        "reportera",
    ),
    "moderator": ("moderator", "moderador", "moderadora", "master of ceremonies", "maestro de ceremonias"),
    "interpreter": ("interpreter", "interprete"),
    "voice": ("participant", "voice", "voz mujer", "voz hombre", "intervencion", "intervencion hombre"),
}
