"""Every step a dossier's timeline can show has words in both languages: no internal name
(`attach_document`) reaches a citizen, an officer or public tracking (issue 29)."""

from portal.dossiers.model import Action
from tests.support.site_modules import read_words


def test_every_timeline_action_has_words_in_both_languages():
    words = read_words()["common"]
    for language in ("vi", "en"):
        missing = {a.value for a in Action} - set(words[language]["actions"])
        assert not missing, f"{language}: no words for {sorted(missing)}"


def test_the_result_files_note_has_words():
    words = read_words()["common"]
    assert words["vi"]["resultFileNote"] == words["en"]["resultFileNote"] == "string"
