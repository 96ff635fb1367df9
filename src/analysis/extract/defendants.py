"""Defendants of a decision: who they are (identity blocks) and what the verdict gave each.

Identity: a decision opens with one block per defendant (``Nama lengkap :``, ``Tempat
lahir``, ``Umur/Tanggal lahir``, ``Jenis kelamin`` …); ``identity_blocks`` reads each into a
``DefendantMention`` (name kept in memory only; ``person_id`` is the keyed pseudonym of
``names.person_key``). A few scanned decisions print the labels as a column first and the
values after them, separated by ``;``; that layout is read too.

Verdict: the *amar* (after the last ``MENGADILI``) is cut into its numbered items. An item
that imposes a sentence is split at each ``Terdakwa I``/``II``… reference; the sentence,
fine and subsidiary detention in a piece apply to the defendants named since the previous
sentence (``Terdakwa III, Terdakwa IV … masing-masing selama …``). An item naming no
defendant by number applies to all (one defendant, or ``Para Terdakwa … masing-masing``).
Outcome: a prison or detention sentence -> ``convicted``; otherwise ``membebaskan`` ->
``acquitted``; ``melepaskan … dari segala tuntutan`` -> ``released``; a finding of guilt
without a readable sentence -> ``convicted``.

>>> amar = ("MENGADILI: 1. Menyatakan Terdakwa terbukti bersalah;\\n2. Menjatuhkan pidana kepada Terdakwa "
...         "dengan pidana penjara selama 9 (sembilan) Tahun dan 6 (enam) Bulan dan denda sejumlah "
...         "Rp120.000.000,00 (seratus dua puluh juta rupiah) dengan ketentuan apabila denda tersebut tidak "
...         "dibayar diganti dengan pidana kurungan selama 3 (tiga) bulan;\\n3. Menetapkan ...")
>>> r = verdict_outcomes(amar, 1)[0]
>>> (r.verdict, r.sentence_months, r.fine_idr, r.fine_substitute_months)
('convicted', 114.0, 120000000, 3.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.clean.numbers import parse_duration_months, parse_rupiah
from analysis.extract.model import DefendantMention
from analysis.extract.names import person_key, split_name

# ---------------------------------------------------------------- identity blocks

_NAME_LABEL = re.compile(r"Nama\s*(?:lengkap|Lengkap|LENGKAP)\b\s*(?P<colon>:)?|\bNama\s*:", re.IGNORECASE)
_NAME_END = re.compile(r"[;\n]|\s\d{1,2}\s?\.\s|\s(?:Tempat|T\s?empat)\s+(?:lahir|Lahir)|\s(?:Umur|NIK)\b", re.IGNORECASE)
_SEX = re.compile(r"Jenis\s*kelamin\s*:?\s*(?P<sex>Laki\s?-?\s?laki|Pria|Perempuan|Wanita)", re.IGNORECASE)
# "Umur/Tanggal lahir : 43 Tahun/1 Mei 1982", also without "Tahun" ("43/1 Mei 1982") or colon.
_AGE = re.compile(r"Umur[^:\d]{0,30}:?\s*(?P<age>\d{1,2})\s*(?:\([a-z\s]+\)\s*)?(?:[Tt]ahun|/\s*\d{1,2}\s+[A-Za-z]{3,})",
                  re.IGNORECASE)
_TABLE_LABELS = re.compile(r"^\s*(?:\d\s?\.\s*)?Tempat\s+lahir", re.IGNORECASE)
_TABLE_VALUES = re.compile(r"Pekerjaan\s+(?P<values>[^\n]{10,600})", re.IGNORECASE)


_SEX_WORD = re.compile(r"\b(?P<sex>Laki\s?-\s?laki|Perempuan|Pria|Wanita)\b", re.IGNORECASE)
_AGE_SLASH = re.compile(r"\b(?P<age>\d{1,2})\s*(?:\([a-z\s]+\)\s*)?[Tt]ahun\s*/")


def _sex(block: str) -> str | None:
    """``L``/``P`` from ``Jenis kelamin : …``, else from the first sex word of the block
    (layouts that print the labels apart from the values)."""
    m = _SEX.search(block) or _SEX_WORD.search(block[:1200])
    if not m:
        return None
    return "P" if m.group("sex").lower().startswith(("perempuan", "wanita")) else "L"


def _age(block: str) -> int | None:
    """Age in years from ``Umur … : 43 Tahun`` (or ``Umur/Tanggal lahir 43/1 Mei 1982``), else
    from ``43 tahun/<birth date>``.

    >>> _age("Umur/Tanggal lahir : 50/1 Mei 1969 Jenis kelamin"), _age("Umur/Tanggal lahir 65 Tahun/ 17 Mei 1960")
    (50, 65)
    """
    m = _AGE.search(block) or _AGE_SLASH.search(block[:1200])
    if m:
        age = int(m.group("age"))
        return age if 10 <= age <= 100 else None
    return None


def identity_blocks(text: str, start: int = 0, end: int | None = None) -> list[DefendantMention]:
    """One ``DefendantMention`` per ``Nama lengkap`` block between ``start`` and ``end``.

    >>> ds = identity_blocks("1. Nama lengkap : ANDI alias ANDE bin KARTA;\\n2. Tempat lahir : X;\\n"
    ...                      "3. Umur/Tanggal lahir : 43 Tahun/1 Mei 1982;\\n4. Jenis kelamin : Laki-laki;")
    >>> [(d.name, d.aliases, d.person_key, d.sex, d.age) for d in ds]
    [('ANDI', ['ANDE'], 'andi', 'L', 43)]
    """
    end = len(text) if end is None else end
    labels = list(_NAME_LABEL.finditer(text, start, end))
    out: list[DefendantMention] = []
    for i, m in enumerate(labels):
        block_end = labels[i + 1].start() if i + 1 < len(labels) else min(end, m.end() + 1500)
        block = text[m.end():block_end]
        if not m.group("colon") and _TABLE_LABELS.match(block):
            values = _TABLE_VALUES.search(block)
            if not values:
                continue
            vals = values.group("values")
            written = re.split(r"[;:\d]", vals.lstrip(" :"), maxsplit=1)[0]
            written = " ".join(written.split()[:6])
            sex, age = _sex(vals), _age(vals)
        else:
            stop = _NAME_END.search(block)
            written = block[: stop.start() if stop else 120].strip(" :;,.")
            sex, age = _sex(block), _age(block)
        written = re.sub(r"\s+", " ", written)[:120]
        parts_ = split_name(written)
        s = m.start()
        out.append(DefendantMention(name=parts_.given, aliases=parts_.aliases, person_key=person_key(written),
                                    sex=sex, age=age, span=(s, block_end)))
    return out


# ---------------------------------------------------------------- verdict (amar)

@dataclass
class Outcome:
    """What the verdict gave one defendant."""

    verdict: str | None = None
    sentence_months: float | None = None
    fine_idr: int | None = None
    fine_substitute_months: float | None = None
    restitution_idr: int | None = None


_ITEM_SPLIT = re.compile(r"\n(?=\s*\d{1,2}\s?[.)]\s)|(?<=;)\s(?=\d{1,2}\s?\.\s+[A-Z])")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12}
_REF = re.compile(r"\b(?:Terdakwa|terdakwa|TERDAKWA)(?:[ ]+|[ ]*\n[ ]*(?=[IVX]+\b))(?P<ord>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|\d{1,2})\b\.?(?!\s*(?:tahun|bulan))")
_PRISON = re.compile(r"pidana\s+(?:penjara|kurungan)\b|\bpenjara\s+(?:selama|masing)", re.IGNORECASE)
_NOT_MAIN = re.compile(r"ganti|subsid|pengganti|kurungan", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"\bdenda\b|diganti|di\s+ganti|subsid|dengan\s+ketentuan|;", re.IGNORECASE)
_SENTENCE_ITEM = re.compile(r"pidana\s+penjara|Menjatuhkan\s+pidana|pidana\s+kurungan\s+selama", re.IGNORECASE)
_FINE = re.compile(r"denda\b", re.IGNORECASE)
_SUBST = re.compile(r"(?:diganti|ganti)\s+(?:dengan\s+)?(?:pidana\s+)?(?:kurungan|penjara)|kurungan\s+pengganti"
                    r"|(?:diganti|ganti)\s+(?:dengan\s+)?(?=\d[^;]{0,40}?kurungan)"
                    r"|subsid\w*", re.IGNORECASE)
_RESTITUTION = re.compile(r"restitusi", re.IGNORECASE)
_RESTITUTION_END = re.compile(r"apabila|jika|dengan\s+ketentuan|subsid|diganti|;", re.IGNORECASE)
_ACQUIT = re.compile(r"\bmembebaskan\b", re.IGNORECASE)
_RELEASE = re.compile(r"melepaskan\b[^;]{0,200}?dari\s+segala\s+tuntutan", re.IGNORECASE)
_GUILTY = re.compile(r"(?<!tidak )terbukti\s+secara\s+sah\s+dan\s+men?yakinkan\s+(?:menurut\s+hukum\s+)?bersalah",
                     re.IGNORECASE)


_SHARED_FINE = re.compile(r"(?:denda|kurungan)\s+(?:terhadap\s+|kepada\s+)?para\s+terdakwa|para\s+terdakwa[^;]{0,60}denda"
                          r"|denda\s+(?:\w+\s+){0,3}?masing", re.IGNORECASE)


_EACH_SENTENCE = re.compile(r"(?:penjara|kurungan)\s+masing-?\s?masing\s+selama|masing-?\s?masing\s+(?:dengan\s+)?pidana\s+penjara",
                            re.IGNORECASE)


def _share(res: list[Outcome], fields: tuple[str, ...]) -> None:
    """Give a value stated once for all defendants (``para terdakwa masing-masing``) to those without one."""
    for f in fields:
        known = [getattr(r, f) for r in res if getattr(r, f) is not None]
        if known:
            for r in res:
                if getattr(r, f) is None:
                    setattr(r, f, known[-1])


def _ordinal(s: str) -> int:
    return int(s) if s.isdigit() else _ROMAN[s]


def _pieces(item: str, n: int) -> list[tuple[list[int], str]]:
    """Cut a verdict item into (defendant numbers, text) pieces by ``Terdakwa I/II`` references."""
    refs = [m for m in _REF.finditer(item) if 1 <= _ordinal(m.group("ord")) <= max(n, 1)]
    if n <= 1 or not refs:
        return [(list(range(1, max(n, 1) + 1)), item)]
    out: list[tuple[list[int], str]] = []
    pending: list[int] = []
    head = item[: refs[0].start()]
    for i, m in enumerate(refs):
        seg = item[m.start(): refs[i + 1].start() if i + 1 < len(refs) else len(item)]
        k = _ordinal(m.group("ord"))
        if k not in pending:
            pending.append(k)
        if _main_sentence(seg) or _FINE.search(seg) or _RESTITUTION.search(seg):
            out.append((pending, seg))
            pending = []
    if pending and out:
        # references after the last sentence (rare): they share it
        out[-1] = (out[-1][0] + pending, out[-1][1])
    if _main_sentence(head) and not out:
        out.append((list(range(1, n + 1)), head))
    return out or [(list(range(1, n + 1)), item)]


_SELAMA = re.compile(r"\bselama\b\s*:?", re.IGNORECASE)


def _main_sentence(seg: str) -> re.Match | None:
    """Where the main sentence's length starts: ``pidana penjara …``, or in a sentencing item
    that leaves the word out (``Terdakwa I selama 4 tahun``) the first ``selama`` that is not
    the subsidiary detention's."""
    for rx in (_PRISON, _SELAMA):
        for m in rx.finditer(seg):
            if not _NOT_MAIN.search(seg[max(0, m.start() - 40): m.start()]):
                return m
    return None


def _read_piece(seg: str) -> Outcome:
    o = Outcome()
    m = _main_sentence(seg)
    if m:
        window = seg[m.end(): m.end() + 160]
        stop = _SENTENCE_STOP.search(window)
        o.sentence_months = parse_duration_months(window[: stop.start()] if stop else window)
    m = _FINE.search(seg)
    if m:
        window = seg[m.end(): m.end() + 200]
        sub = _SUBST.search(window)
        o.fine_idr = parse_rupiah(window[: sub.start()] if sub else window)
    m = _SUBST.search(seg)
    if m:
        o.fine_substitute_months = parse_duration_months(seg[m.end(): m.end() + 120])
    m = _RESTITUTION.search(seg)
    if m:
        tail = seg[m.end():]
        stop = _RESTITUTION_END.search(tail)
        part = tail[: stop.start()] if stop else tail[:600]
        amounts = [parse_rupiah(x.group(0)) for x in re.finditer(r"Rp\.?\s?\d[\d.,]*", part)]
        amounts = [a for a in amounts if a]
        o.restitution_idr = sum(amounts) if amounts else None
    return o


def verdict_items(amar: str) -> list[str]:
    """The numbered items of a verdict (``1. Menyatakan …``, ``2. Menjatuhkan pidana …``)."""
    return [p.strip() for p in _ITEM_SPLIT.split(amar) if p.strip()]


def verdict_outcomes(amar: str, n_defendants: int) -> list[Outcome]:
    """One ``Outcome`` per defendant (in identity-block order) from the verdict text."""
    n = max(n_defendants, 1)
    res = [Outcome() for _ in range(n)]
    if not amar:
        return res[:n_defendants] if n_defendants else res
    acquitted_refs: set[int] = set()
    for item in verdict_items(amar):
        if _SENTENCE_ITEM.search(item) or _FINE.search(item) or _RESTITUTION.search(item):
            pieces = _pieces(item, n)
            for who, seg in pieces:
                o = _read_piece(seg)
                for k in who:
                    r = res[k - 1]
                    for f in ("sentence_months", "fine_idr", "fine_substitute_months", "restitution_idr"):
                        if getattr(r, f) is None and getattr(o, f) is not None:
                            setattr(r, f, getattr(o, f))
            if len(pieces) > 1 and _SHARED_FINE.search(item):
                _share(res, ("fine_idr", "fine_substitute_months"))
            sentenced = [who for who, seg in pieces if _main_sentence(seg)]
            if n > 1 and len(sentenced) == 1 and _EACH_SENTENCE.search(item):
                # one term "masing-masing" for the defendants listed: also for one whose
                # number the list leaves out ("Terdakwa I …, Terdakwa <name> dan Terdakwa III")
                _share(res, ("sentence_months",))
        if _ACQUIT.search(item):
            refs = {_ordinal(m.group("ord")) for m in _REF.finditer(item)}
            acquitted_refs |= {k for k in refs if 1 <= k <= n} or set(range(1, n + 1))
    released = bool(_RELEASE.search(amar))
    guilty = bool(_GUILTY.search(amar))
    for k, r in enumerate(res, start=1):
        if r.sentence_months is not None:
            r.verdict = "convicted"
        elif k in acquitted_refs:
            r.verdict = "acquitted"
        elif released:
            r.verdict = "released"
        elif guilty or r.fine_idr is not None:
            r.verdict = "convicted"
    return res


def count_defendants_in_verdict(amar: str) -> int:
    """Highest ``Terdakwa <n>`` ordinal named in the verdict (0 when none is numbered)."""
    return max((_ordinal(m.group("ord")) for m in _REF.finditer(amar or "")), default=0)
