"""Headless Chromium: print the policy brief to PDF, and let tests read a page after its scripts ran.

Chromium is Debian's package (``scripts/install_chromium.sh``). Each call gets a fresh
throw-away profile and no network, sync or component updates, so runs are isolated.

>>> find_chromium() is None or find_chromium().name.startswith("chrom")
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from analysis.io import atomic_path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio"]
ENV_CHROMIUM = "TPPO_CHROMIUM"


class ChromiumMissing(FileNotFoundError):
    """Raised when no Chromium binary can be found."""


def find_chromium() -> Path | None:
    """``$TPPO_CHROMIUM``, else ``chromium`` / ``chromium-browser`` / ``google-chrome`` on PATH."""
    if os.environ.get(ENV_CHROMIUM):
        return Path(os.environ[ENV_CHROMIUM])
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def run_chromium(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    """Run Chromium headless with ``args`` in a temporary profile; raise on a missing binary or failure."""
    exe = find_chromium()
    if exe is None:
        raise ChromiumMissing("chromium not found: run `make browser` (scripts/install_chromium.sh) or set TPPO_CHROMIUM")
    with tempfile.TemporaryDirectory(prefix="tppo-chromium-") as profile:
        cmd = [str(exe), *FLAGS, f"--user-data-dir={profile}", *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"chromium failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    return proc


def file_url(path: str | os.PathLike, fragment: str = "") -> str:
    url = Path(path).resolve().as_uri()
    return f"{url}#{fragment}" if fragment else url


def print_to_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, *, timeout: float = 120) -> Path:
    """Print an HTML file to PDF (A4, no header/footer), written atomically."""
    pdf_path = Path(pdf_path)
    with atomic_path(pdf_path, suffix=".pdf") as tmp:
        run_chromium(["--no-pdf-header-footer", "--virtual-time-budget=5000",
                      f"--print-to-pdf={tmp}", file_url(html_path)], timeout=timeout)
        if tmp.stat().st_size < 500:
            raise RuntimeError(f"chromium wrote an empty PDF for {html_path}")
    return pdf_path


def dump_dom(url: str, *, budget_ms: int = 5000, timeout: float = 120) -> str:
    """The page's DOM after its scripts ran (``--dump-dom`` with a virtual-time budget)."""
    return run_chromium([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout=timeout).stdout


def screenshot(url: str, png_path: str | os.PathLike, *, size: tuple[int, int] = (1200, 900),
               budget_ms: int = 5000, timeout: float = 120) -> Path:
    """Save a PNG screenshot of ``url`` after its scripts ran."""
    png_path = Path(png_path)
    with atomic_path(png_path, suffix=".png") as tmp:
        run_chromium([f"--virtual-time-budget={budget_ms}", f"--window-size={size[0]},{size[1]}",
                      f"--screenshot={tmp}", url], timeout=timeout)
    return png_path
