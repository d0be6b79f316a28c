"""The README's pictures: every one it shows is a file in the repository, with alt text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

REPO_ROOT = Path(__file__).resolve().parents[2]
README = REPO_ROOT / "README.md"
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMAGE = re.compile(r"<img\b[^>]*\bsrc=[\"']([^\"']+)[\"']", re.IGNORECASE)


def readme_images() -> list[tuple[str | None, str]]:
    """(alt text or None for an <img>, target) for every picture in the README."""
    text = README.read_text(encoding="utf-8")
    found: list[tuple[str | None, str]] = [
        (m.group(1), m.group(2)) for m in MARKDOWN_IMAGE.finditer(text)
    ]
    found += [(None, m.group(1)) for m in HTML_IMAGE.finditer(text)]
    return found


def test_the_readme_shows_the_live_screen_and_the_start_screen():
    targets = [target for _alt, target in readme_images()]
    assert any("live_screen" in target for target in targets), targets
    assert any("start_screen" in target or "wrap" in target for target in targets), targets


def test_every_picture_the_readme_shows_is_a_file_in_the_repository():
    images = readme_images()
    assert images
    for alt, target in images:
        assert not re.match(r"[a-z]+:", target), f"{target}: keep pictures in the repository"
        path = (README.parent / unquote(target.split("#")[0])).resolve()
        assert path.is_relative_to(REPO_ROOT), target
        assert path.is_file(), f"README.md shows {target}, which does not exist"
        if path.suffix == ".svg":
            ET.parse(path)  # a picture, not an empty or broken file
        if alt is not None:
            assert alt.strip(), f"{target}: no alt text"
