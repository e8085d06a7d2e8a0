"""Checks on what the secretariat uploads for public pages: news images are
read by Pillow (the type comes from the content, never the file name) and
kept within sizes a photograph never exceeds."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# What browsers show and Pillow reads safely; never SVG (scripts in markup).
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
IMAGE_MAX_BYTES = 5 * 1024 * 1024
# A decompression bomb claims huge dimensions in a tiny file.
IMAGE_MAX_PIXELS = 40_000_000


def image_format_of(upload) -> str:
    """Pillow's name for the image format of ``upload`` (JPEG, PNG, WEBP);
    ValidationError when it is not an image we accept. Leaves the file at 0."""
    size = getattr(upload, "size", None)
    if size is not None and size > IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; at most %(limit)s is accepted."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(IMAGE_MAX_BYTES)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if image_format in IMAGE_FORMATS:
                image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not an image that can be shown: upload a JPEG, PNG or WebP file."),
            code="image_unreadable",
        ) from exc
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP image (this file is %(format)s)."),
            code="image_format", params={"format": image_format or "?"},
        )
    if width * height > IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("The image is %(width)d × %(height)d pixels: make it smaller than 40 megapixels."),
            code="image_too_many_pixels", params={"width": width, "height": height},
        )
    return image_format


def validate_news_image(value) -> None:
    """Model-field validator: only new uploads are read (a stored image was
    checked when it came in)."""
    if value and not getattr(value, "_committed", True):
        image_format_of(value.file)
