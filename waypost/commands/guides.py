"""`waypost prison` and `waypost stage`: a prison's visit guide, and what happens at a stage."""

from __future__ import annotations

import json
from pathlib import Path

import click

from directory.db.connections import open_content
from directory.guides import NATIONS, SECTIONS, STAGES, prison_guide, section_counts, stage_guide
from directory.guides.assemble import Labels, PrisonGuide
from directory.settings import CommonSettings
from directory.text.i18n import LANGUAGES
from waypost import terminal
from waypost.options import UserError, db_option, friendly_errors, settings_for

lang_option = click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default="en",
    show_default=True,
    help="Language of the guide.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def _checked_line(say: Labels, checked: str | None) -> str:
    return say("checked", date=checked) if checked else say("not_checked")


@click.command("prison")
@click.argument("prison", required=False)
@lang_option
@json_option
@click.option(
    "--summary",
    is_flag=True,
    help="Instead of one guide: how many open prisons have each section filled from sources.",
)
@click.option(
    "--card",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the prison's visit card (a CR80 wallet card, PDF) to this file.",
)
@click.option(
    "--sheet",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write an A4 sheet of ten visit cards (PDF, for duplex) to this file.",
)
@db_option
@click.pass_context
def prison_command(
    ctx: click.Context,
    prison: str | None,
    lang: str,
    as_json: bool,
    summary: bool,
    card: Path | None,
    sheet: Path | None,
    db: Path | None,
) -> None:
    """Print the visit guide of PRISON (a name such as "HMP Lewes", or its code such as LWI).

    Eight sections: booking, bring, dress, children, getting_there, costs, visitor_centre and
    first_visit, each with its sources and the day a person last checked it.
    """
    settings = settings_for(ctx, CommonSettings, db=db)
    with friendly_errors(), open_content(settings.db) as content:
        if summary:
            counts = section_counts(content)
            if as_json:
                rows = [c.__dict__ for c in counts]
                click.echo(json.dumps({"sections": rows}, ensure_ascii=False, indent=2))
                return
            total = counts[0].prisons if counts else 0
            uk = counts[0].uk_prisons if counts else 0
            terminal.echo(f"Open prisons: {total} ({uk} in the UK)")
            terminal.echo(f"{'section':<16}{'filled':>8}{'in the UK':>11}{'checked':>9}")
            for c in counts:
                terminal.echo(f"{c.section:<16}{c.filled:>8}{c.uk_filled:>11}{c.checked:>9}")
            return
        if not prison:
            raise UserError('Name a prison, e.g. waypost prison "HMP Lewes", or use --summary.')
        guide = prison_guide(content, prison, lang)
        say = Labels(content, lang)
        _cards(guide, say, card, sheet, settings.centre_name)
        if as_json:
            click.echo(json.dumps(guide.as_json(), ensure_ascii=False, indent=2))
            return
        terminal.echo(f"{guide.name} ({guide.code})")
        for s in guide.sections:
            terminal.echo("")
            terminal.echo(f"== {s.title} ==")
            terminal.echo(s.text)
            terminal.echo(f"{say('sources')}: {' '.join(s.sources) or '-'}")
            terminal.echo(_checked_line(say, s.checked))


def _cards(
    guide: PrisonGuide, say: Labels, card: Path | None, sheet: Path | None, centre: str
) -> None:
    # Imported here: reportlab is only loaded when a card is asked for.
    from printouts.visit_card import visit_card_pdf, visit_sheet_pdf

    for path, build in ((card, visit_card_pdf), (sheet, visit_sheet_pdf)):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(build(guide, say, centre))
            click.echo(f"Wrote {path}.", err=True)


@click.command("stage")
@click.argument("stage", type=click.Choice(list(STAGES)))
@click.option(
    "--nation",
    type=click.Choice(list(NATIONS)),
    default="england_wales",
    show_default=True,
    help="The legal system: England and Wales, Scotland or Northern Ireland.",
)
@lang_option
@json_option
@db_option
@click.pass_context
def stage_command(
    ctx: click.Context, stage: str, nation: str, lang: str, as_json: bool, db: Path | None
) -> None:
    """What happens at STAGE (arrested, court, remand, moved, release) and who can help."""
    settings = settings_for(ctx, CommonSettings, db=db)
    with friendly_errors(), open_content(settings.db) as content:
        guide = stage_guide(content, stage, nation, lang)
        if as_json:
            click.echo(json.dumps(guide.as_json(), ensure_ascii=False, indent=2))
            return
        say = Labels(content, lang)
        terminal.echo(f"{guide.title} ({guide.nation_name})")
        terminal.echo("")
        terminal.echo(guide.text)
        if guide.help_categories:
            terminal.echo("")
            labels = ", ".join(label for _, label in guide.help_categories)
            terminal.echo(f"{guide.help_title}: {labels}")
        terminal.echo(f"{say('sources')}: {' '.join(guide.sources) or '-'}")
        terminal.echo(_checked_line(say, guide.checked))


COMMANDS = [prison_command, stage_command]
__all__ = ["COMMANDS", "SECTIONS"]
