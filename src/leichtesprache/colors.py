"""Colours for print: the design's palette in CMYK, and a converter for everything else."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError, Problem
from .i18n import _
from .textfile import line_of, load_toml

#: The palette file in the templates folder.
PALETTE_FILE = "colors.toml"
#: The default output profile (FOGRA39) in the templates folder.
DEFAULT_PROFILE = "print/FOGRA39.icc"
DEFAULT_CONDITION = "FOGRA39"
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")

CMYK = tuple[float, float, float, float]
RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Palette:
    """Screen colour (8-bit sRGB) -> its print colour (CMYK, 0..1), defined by the design."""

    colors: Mapping[tuple[int, int, int], CMYK]
    names: Mapping[tuple[int, int, int], str]


def load_palette(templates_dir: Path) -> Palette:
    """``colors.toml`` of the templates; no file means no defined colours (all converted)."""
    path = Path(templates_dir) / PALETTE_FILE
    if not path.is_file():
        return Palette({}, {})
    data = load_toml(path, f"templates/{PALETTE_FILE}")
    colors: dict[tuple[int, int, int], CMYK] = {}
    names: dict[tuple[int, int, int], str] = {}
    problems: list[Problem] = []
    for name, entry in data.items():
        screen = entry.get("screen") if isinstance(entry, dict) else None
        cmyk = entry.get("cmyk") if isinstance(entry, dict) else None
        match = _HEX.match(screen) if isinstance(screen, str) else None
        valid = (
            isinstance(cmyk, list)
            and len(cmyk) == 4
            and all(isinstance(v, int | float) and 0 <= v <= 100 for v in cmyk)
        )
        if match is None or not valid:
            problems.append(
                Problem(
                    _("colour '{name}' needs {screen} and {cmyk} in percent").format(
                        name=name, screen='screen = "#rrggbb"', cmyk="cmyk = [c, m, y, k]"
                    ),
                    f"templates/{PALETTE_FILE}",
                    line_of(path, f"[{name}]"),
                    hint=_("for example: {example}").format(
                        example='screen = "#005a9c", cmyk = [100, 55, 0, 15]'
                    ),
                )
            )
            continue
        assert match is not None and isinstance(cmyk, list)
        rgb = tuple(int(match.group(1)[i : i + 2], 16) for i in (0, 2, 4))
        key = (rgb[0], rgb[1], rgb[2])
        colors[key] = (cmyk[0] / 100, cmyk[1] / 100, cmyk[2] / 100, cmyk[3] / 100)
        names[key] = str(name)
    if problems:
        raise ConfigError.from_problems(problems)
    return Palette(colors, names)


class ColorConverter:
    """sRGB to CMYK for the print edition.

    Palette colours become exactly their defined CMYK values; neutral greys become black
    ink only (no rich black from converted text); other colours go through the output
    profile (relative colorimetric with black point compensation).
    """

    def __init__(self, palette: Palette, profile: Path) -> None:
        self.palette = palette
        self.profile = Path(profile)
        self.converted: dict[tuple[int, int, int], CMYK] = {}

    def cmyk(self, rgb: RGB) -> CMYK:
        key = (_byte(rgb[0]), _byte(rgb[1]), _byte(rgb[2]))
        found = self.palette.colors.get(key)
        if found is not None:
            return found
        if max(key) - min(key) <= 2:
            return (0.0, 0.0, 0.0, round(1 - sum(rgb) / 3, 4))
        if key not in self.converted:
            self.converted[key] = _icc_cmyk(self.profile, key)
        return self.converted[key]

    def gray(self, value: float) -> CMYK:
        return (0.0, 0.0, 0.0, round(1 - value, 4))


def _byte(value: float) -> int:
    return max(0, min(255, round(float(value) * 255)))


@lru_cache(maxsize=1024)
def _icc_cmyk(profile: Path, rgb: tuple[int, int, int]) -> CMYK:
    from PIL import Image

    pixel = Image.new("RGB", (1, 1), rgb)
    c, m, y, k = icc_transform(profile).apply(pixel).getpixel((0, 0))
    return (round(c / 255, 4), round(m / 255, 4), round(y / 255, 4), round(k / 255, 4))


@lru_cache(maxsize=4)
def icc_transform(profile: Path) -> Any:
    """An sRGB -> CMYK transform through ``profile`` (made once per process)."""
    from PIL import ImageCms

    try:
        target = ImageCms.getOpenProfile(str(profile))
    except (OSError, ImageCms.PyCMSError) as exc:
        raise ConfigError(
            _("cannot read the print profile: {reason}").format(reason=exc),
            file=profile,
            hint=_(
                "name an ICC profile for CMYK output (from your print shop) in "
                "[build] print_profile"
            ),
        ) from exc
    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        target,
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )


def profile_description(profile: Path) -> str:
    """The description stored in an ICC profile (shown as the output condition)."""
    from PIL import ImageCms

    try:
        return str(ImageCms.getProfileDescription(ImageCms.getOpenProfile(str(profile)))).strip()
    except (OSError, ImageCms.PyCMSError):
        return profile.stem


def profile_is_cmyk(profile: Path) -> bool:
    """True for an output profile whose device side is CMYK."""
    data = Path(profile).read_bytes()
    return len(data) > 20 and data[16:20] == b"CMYK"
