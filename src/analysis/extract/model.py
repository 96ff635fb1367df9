"""The in-memory form of one court decision as it moves through extraction.

A ``ParsedDecision`` carries the cleaned text and where each section lies in it. Names of
people are held here only in memory (``DefendantMention.name``) so that later steps can
resolve and pseudonymise them; nothing in this object is ever written to disk as is.

Offsets: ``text`` is the cleaned text; ``to_raw[i]`` is the character offset in the raw file
of cleaned character ``i`` (so evidence spans always point into the source file).

>>> d = ParsedDecision(source_file="1_Pid.Sus_2025_PN_Xyz.txt", raw_text="ab", text="ab", to_raw=[0, 1])
>>> d.raw_span(0, 2)
(0, 2)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DefendantMention:
    """One defendant as named in an identity block (in memory only)."""

    name: str                      # the name as written, honorifics removed; never stored
    aliases: list[str] = field(default_factory=list)
    person_key: str = ""           # normalised identity key (analysis.extract.names.person_key)
    person_id: str = ""            # pseudonym of person_key (analysis.privacy.pseudonym)
    sex: str | None = None         # "L" / "P"
    age: int | None = None
    span: tuple[int, int] | None = None   # where the identity block lies in ``text``


@dataclass
class ParsedDecision:
    source_file: str                       # file name inside the decisions folder
    raw_text: str
    text: str                              # cleaned text
    to_raw: list[int]                      # cleaned offset -> raw offset
    case_id: str | None = None
    court: str | None = None
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)   # name -> (start, end) in text
    defendants: list[DefendantMention] = field(default_factory=list)
    fields: dict = field(default_factory=dict)   # case-level values (decision_date, laws, ...)
    actor_parts: object = None    # per-decision (entities, mentions, ties) from link.actors.prepare_decision, or an error text

    def section(self, name: str) -> str:
        """Text of a section, or '' when the decision has none of that name."""
        if name not in self.sections:
            return ""
        s, e = self.sections[name]
        return self.text[s:e]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text to the raw file's offsets."""
        if not self.to_raw:
            return (start, end)
        last = len(self.to_raw) - 1
        s = self.to_raw[min(max(start, 0), last)]
        e = self.to_raw[min(max(end - 1, 0), last)] + 1
        return (s, e)

    def evidence(self, start: int, end: int) -> str:
        """``<file>:<start>-<end>`` in raw-file offsets, the form every tie's evidence takes."""
        s, e = self.raw_span(start, end)
        return f"{self.source_file}:{s}-{e}"
