"""Exports: GEXF and GraphML files, a JSON nodes/links structure and a standalone HTML view.

Attributes are sanitised for the file formats (lists and sets -> ``"a; b"``, dates -> ISO
text, missing -> ``""``, numpy scalars -> Python numbers). Person labels never leave in
clear: a node whose ``kind`` is a person, a victim or unknown is shown by a pseudonym (its
label if that already looks like one, ``P-1a2b...``, else a keyed pseudonym of its id).
Companies, places, agencies and cases keep their labels (not personal data).

The HTML page embeds its data and script; it needs no network access.

>>> import networkx as nx
>>> g = nx.Graph(); g.add_node("C-1", kind="company", label="PT Contoh", roles=["sponsor"])
>>> g.add_node("P-00ab", kind="person", label="P-00ab"); g.add_edge("C-1", "P-00ab", weight=2)
>>> d = graph_json(g)
>>> [n["label"] for n in d["nodes"]], d["links"][0]["weight"]
(['PT Contoh', 'P-00ab'], 2.0)
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
from pathlib import Path

import networkx as nx
import numpy as np

from analysis.io import write_text
from analysis.privacy import pseudonym

PUBLIC_KINDS = {"company", "place", "agency", "case", "country"}
_PSEUDO_RE = re.compile(r"^[A-Z]-[0-9a-f]{4,}$")


def _value(v):
    if v is None:
        return ""
    if isinstance(v, (list, tuple, set, frozenset, np.ndarray)):
        return "; ".join(str(_value(x)) for x in v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return "" if np.isnan(v) else float(v)
    if isinstance(v, float) and np.isnan(v):
        return ""
    if isinstance(v, (_dt.date, _dt.datetime)) or hasattr(v, "isoformat"):
        try:
            return v.isoformat()
        except (TypeError, ValueError):
            return ""
    if isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def safe_label(node, attrs: dict) -> str:
    """The label a reader may see: public kinds keep theirs, persons get a pseudonym.

    >>> safe_label("x", {"kind": "person", "label": "Some Name"}).startswith("P-")
    True
    >>> safe_label("C-1", {"kind": "company", "label": "PT Contoh"})
    'PT Contoh'
    """
    kind = attrs.get("kind")
    label = str(attrs.get("label", node))
    if kind in PUBLIC_KINDS:
        return label
    if _PSEUDO_RE.match(label):
        return label
    if _PSEUDO_RE.match(str(node)):
        return str(node)
    return pseudonym(f"node:{node}", kind="victim" if kind == "victim" else "person")


def sanitised(g: nx.Graph) -> nx.Graph:
    """Copy of ``g`` with string node ids, file-safe attribute values and safe labels.
    Multigraph edges keep their keys; node ids of persons are replaced by safe labels."""
    ids = {n: (str(n) if g.nodes[n].get("kind") in PUBLIC_KINDS or _PSEUDO_RE.match(str(n))
               else safe_label(n, g.nodes[n])) for n in g.nodes()}
    h = g.__class__()
    for n, a in g.nodes(data=True):
        attrs = {k: _value(v) for k, v in a.items() if k != "label"}
        attrs["label"] = safe_label(n, a)
        h.add_node(ids[n], **attrs)
    if g.is_multigraph():
        for u, v, k, a in g.edges(keys=True, data=True):
            h.add_edge(ids[u], ids[v], key=k, **{kk: _value(vv) for kk, vv in a.items()})
    else:
        for u, v, a in g.edges(data=True):
            h.add_edge(ids[u], ids[v], **{kk: _value(vv) for kk, vv in a.items()})
    return h


def write_gexf(g: nx.Graph, path: str | Path) -> Path:
    """Write a sanitised GEXF file atomically."""
    import io as _io

    buf = _io.BytesIO()
    nx.write_gexf(sanitised(g), buf)
    return write_text(buf.getvalue().decode("utf-8"), path)


def write_graphml(g: nx.Graph, path: str | Path) -> Path:
    """Write a sanitised GraphML file atomically."""
    return write_text("\n".join(nx.generate_graphml(sanitised(g))), path)


def graph_json(g: nx.Graph, *, group: str = "kind", layout_seed: int = 0) -> dict:
    """``{"nodes": [{id, label, group, x, y, ...}], "links": [{source, target, weight, ...}]}``
    with safe labels and positions from a spring layout (Fruchterman & Reingold 1991) in
    [0, 1]; every other attribute sanitised. Usable by any D3-style viewer."""
    h = sanitised(g)
    und = nx.Graph(h) if not h.is_directed() else nx.Graph(h.to_undirected())
    pos = nx.spring_layout(und, seed=layout_seed) if len(und) else {}
    if pos:
        xy = np.array(list(pos.values()))
        lo, span = xy.min(axis=0), np.ptp(xy, axis=0)
        span[span == 0] = 1.0
        pos = {n: (p - lo) / span for n, p in pos.items()}
    nodes = []
    for n, a in h.nodes(data=True):
        x, y = pos.get(n, (0.5, 0.5))
        nodes.append({"id": n, "label": a.get("label", n), "group": str(a.get(group, "")),
                      "x": round(float(x), 4), "y": round(float(y), 4),
                      **{k: v for k, v in a.items() if k not in ("label",)}})
    links = []
    for u, v, a in h.edges(data=True):
        links.append({"source": u, "target": v, **a, "weight": float(a.get("weight", 1.0) or 1.0)})
    return {"nodes": nodes, "links": links, "directed": h.is_directed()}


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{margin:0;font:14px system-ui,sans-serif;color:#222}}
header{{padding:8px 12px;border-bottom:1px solid #ddd;display:flex;gap:12px;align-items:center}}
svg{{width:100vw;height:calc(100vh - 48px);display:block;cursor:grab}}
#tip{{position:fixed;pointer-events:none;background:#fff;border:1px solid #aaa;padding:4px 6px;display:none}}
line{{stroke:#999;stroke-opacity:.6}} circle{{stroke:#fff;stroke-width:1}} .dim{{opacity:.12}}
</style></head><body>
<header><strong>{title}</strong><input id="q" placeholder="find label"><span id="legend"></span></header>
<svg id="s"><g id="v"></g></svg><div id="tip"></div>
<script id="data" type="application/json">{data}</script>
<script>
(function(){{
const D=JSON.parse(document.getElementById('data').textContent);
const NS='http://www.w3.org/2000/svg',W=1000,H=700,v=document.getElementById('v');
const pal=['#1f77b4','#d62728','#2ca02c','#ff7f0e','#9467bd','#8c564b','#e377c2','#7f7f7f','#bcbd22','#17becf'];
const groups=[...new Set(D.nodes.map(n=>n.group))],col=g=>pal[groups.indexOf(g)%pal.length];
const byId=new Map(D.nodes.map(n=>[n.id,n])),deg=new Map();
D.links.forEach(l=>{{deg.set(l.source,(deg.get(l.source)||0)+1);deg.set(l.target,(deg.get(l.target)||0)+1);}});
const mk=(t,a)=>{{const e=document.createElementNS(NS,t);for(const k in a)e.setAttribute(k,a[k]);return e;}};
D.links.forEach(l=>{{const a=byId.get(l.source),b=byId.get(l.target);
 l.el=v.appendChild(mk('line',{{x1:a.x*W,y1:a.y*H,x2:b.x*W,y2:b.y*H,'stroke-width':Math.min(1+Math.log(l.weight+1),5)}}));}});
const tip=document.getElementById('tip');
D.nodes.forEach(n=>{{n.el=v.appendChild(mk('circle',{{cx:n.x*W,cy:n.y*H,r:3+Math.sqrt(deg.get(n.id)||0)*1.5,fill:col(n.group)}}));
 n.el.addEventListener('mousemove',e=>{{tip.style.display='block';tip.style.left=(e.clientX+12)+'px';tip.style.top=(e.clientY+12)+'px';
  tip.textContent=n.label+(n.group?' ('+n.group+')':'')+' - ties: '+(deg.get(n.id)||0);}});
 n.el.addEventListener('mouseleave',()=>tip.style.display='none');}});
document.getElementById('legend').textContent=groups.filter(g=>g).map(g=>g).join(' | ');
document.getElementById('legend').innerHTML=groups.map(g=>'<span style="color:'+col(g)+'">&#9679;</span> '+(g||'-').replace(/[<>&]/g,'')).join(' &nbsp; ');
let k=1,tx=20,ty=20,drag=null;const s=document.getElementById('s');
const apply=()=>v.setAttribute('transform','translate('+tx+','+ty+') scale('+k+')');apply();
s.addEventListener('wheel',e=>{{e.preventDefault();const f=e.deltaY<0?1.1:1/1.1;tx=e.offsetX-(e.offsetX-tx)*f;ty=e.offsetY-(e.offsetY-ty)*f;k*=f;apply();}});
s.addEventListener('mousedown',e=>drag=[e.clientX-tx,e.clientY-ty]);
window.addEventListener('mouseup',()=>drag=null);
window.addEventListener('mousemove',e=>{{if(drag){{tx=e.clientX-drag[0];ty=e.clientY-drag[1];apply();}}}});
document.getElementById('q').addEventListener('input',e=>{{const q=e.target.value.toLowerCase();
 D.nodes.forEach(n=>n.el.classList.toggle('dim',q&&!String(n.label).toLowerCase().includes(q)));}});
}})();
</script></body></html>
"""


def html_view(g: nx.Graph, *, title: str = "Network", group: str = "kind") -> str:
    """A standalone interactive page (pan, zoom, hover, search) showing ``g`` with safe
    labels; data and script are inlined, so it works offline."""
    data = json.dumps(graph_json(g, group=group), ensure_ascii=False, default=str)
    data = data.replace("</", "<\\/")  # keep the JSON from closing its script tag
    return _PAGE.format(title=html.escape(title), data=data)


def write_html_view(g: nx.Graph, path: str | Path, **kw) -> Path:
    """Write ``html_view`` to ``path`` atomically."""
    return write_text(html_view(g, **kw), path)
