"""Answers from the guides: a section of a prison's visit guide ("BRING LEWES"), a stage
("COURT"), and WRONG after one of them. Each answer fits in two segments, in whole sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from directory.guides import feedback_key, nation_of, prison_guide, stage_guide
from directory.guides.assemble import Labels
from directory.guides.feedback import add_wrong
from directory.guides.keywords import guide_words
from directory.state.sms_sessions import Session, save_session
from sms_gateway import replies
from sms_gateway import templates as t
from sms_gateway.gsm import fits

if TYPE_CHECKING:
    from sms_gateway.answers import Turn

EXAMPLE_PRISON = "LEWES"  # the demo centre's prison, as in every other example the line gives
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def fit_sentences(head: str, text: str, segments: int = replies.PAGE_SEGMENTS) -> str:
    """`head` and as many whole sentences of `text` as fit; a cut sentence only if none fits."""
    out = head
    for sentence in _SENTENCE.split(text):
        candidate = f"{out} {sentence}".strip()
        if not fits(candidate, segments):
            break
        out = candidate
    if out == head:
        return replies.truncate(f"{head} {text}".strip(), segments)
    return out


def _keyword(turn: Turn, key: str) -> str:
    words = [w for w, g in guide_words(turn.db).items() if g.key == key]
    own = [
        w for w, g in guide_words(turn.db).items() if g.key == key and g.language == turn.language
    ]
    return (own or words or [key])[0].upper()


def _remember(turn: Turn, key: str) -> None:
    # A guide answer replaces the sender's last search: MORE after it has nothing to page.
    save_session(
        turn.conn,
        Session(turn.sender_hash, turn.language, guide=key),
        turn.now,
        turn.rules.session_seconds,
    )


def guide(turn: Turn) -> str:
    """A section of a prison's guide, or a stage for the prison's (or England's) nation."""
    c = turn.command
    assert c.guide is not None
    kind, key = c.guide
    say = Labels(turn.db, turn.language)
    prison = c.place.prison if c.place else None
    if kind == "section":
        if not prison:
            turn.tally.add("guide_ask", keyword=key, language=turn.language, found=False)
            example = turn.wording.clean(f"{_keyword(turn, key)} {EXAMPLE_PRISON}")
            title = say(f"section.{key}")
            return replies.prompt(turn.wording, t.WHICH_PRISON, topic=title, example=example)
        found = prison_guide(turn.db, prison, turn.language)
        section = found.section(key)
        _remember(turn, feedback_key("prison", found.code, key))
        turn.tally.add("guide", keyword=key, language=turn.language, found=section.filled)
        head = turn.wording.clean(f"{found.name}. {section.title}:")
        return fit_sentences(head, turn.wording.clean(section.text))
    nation = "england_wales"
    if prison:
        row = turn.db.execute("SELECT country FROM prison WHERE nomis = ?", (prison,)).fetchone()
        nation = nation_of(row[0] if row else None) or "england_wales"
    stage = stage_guide(turn.db, key, nation, turn.language)
    _remember(turn, feedback_key("stage", key, nation))
    turn.tally.add("guide", keyword=key, language=turn.language, found=True)
    head = turn.wording.clean(f"{stage.title} ({stage.nation_name}):")
    return fit_sentences(head, turn.wording.clean(stage.text))


def wrong(turn: Turn) -> str:
    """Count WRONG against the guide section the sender was last answered with."""
    s = turn.session
    if s is None or not s.guide:
        turn.tally.add("wrong", language=turn.language, found=False)
        return replies.prompt(turn.wording, t.WRONG_WHAT)
    kind, subject, section = s.guide.split(":", 2)
    add_wrong(turn.conn, kind, subject, section, "sms")
    turn.tally.add("wrong", keyword=section, language=turn.language, found=True)
    _remember(turn, "")  # one WRONG per answer
    return replies.prompt(turn.wording, t.WRONG_THANKS)
