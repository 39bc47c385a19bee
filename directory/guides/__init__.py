"""Visit guides for every prison and guides to the stages a family goes through (issue 15).

The texts are data (data/guides/*.csv, every language, each with sources and a checked date);
this room reads and checks them at build, stores them in the content database, and puts a
prison's or a stage's guide together for the kiosk, the SMS line, the printouts and the CLI.
"""

from directory.guides.assemble import (
    GuideNotFound,
    Labels,
    PrisonGuide,
    Section,
    StageGuide,
    find_prison,
    find_stage,
    nation_of,
    prison_guide,
    stage_guide,
)
from directory.guides.feedback import feedback_key, record_wrong, wrong_counts
from directory.guides.records import NATIONS, SECTIONS, STAGES, GuideData, GuideText
from directory.guides.summary import SectionCount, StaleText, section_counts, stale_texts

__all__ = [
    "NATIONS",
    "SECTIONS",
    "STAGES",
    "GuideData",
    "GuideNotFound",
    "GuideText",
    "Labels",
    "PrisonGuide",
    "Section",
    "SectionCount",
    "StageGuide",
    "StaleText",
    "feedback_key",
    "find_prison",
    "find_stage",
    "nation_of",
    "prison_guide",
    "record_wrong",
    "section_counts",
    "stage_guide",
    "stale_texts",
    "wrong_counts",
]
