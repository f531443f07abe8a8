"""Uploaded files: checked by content, not by name, size-limited, stored under generated names."""

import io
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

DOCUMENT_TYPES = {"pdf": "PDF", "docx": "Word (DOCX)", "odt": "OpenDocument text (ODT)"}
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def max_upload_bytes():
    return getattr(settings, "MAX_UPLOAD_BYTES", 20 * 1024 * 1024)


def _head(file, size):
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data


def _check_size(file):
    limit = max_upload_bytes()
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(file.size / 1048576, 1), "limit": limit // 1048576},
        )


def sniff_document_type(file):
    """'pdf', 'docx', 'odt' or None, judged from the bytes."""
    head = _head(file, 8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        file.seek(0)
        try:
            with zipfile.ZipFile(io.BytesIO(file.read())) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                    return "odt"
                if "[Content_Types].xml" in names and "word/document.xml" in names:
                    return "docx"
        except (zipfile.BadZipFile, KeyError, ValueError, RuntimeError):
            return None
        finally:
            file.seek(0)
    return None


def validate_document(file):
    _check_size(file)
    if sniff_document_type(file) is None:
        raise ValidationError(
            _("Only PDF, DOCX and ODT documents can be uploaded; this file is none of them."),
            code="bad_type",
        )


def sniff_image_format(file):
    file.seek(0)
    try:
        with Image.open(file) as image:
            image.verify()
            found = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        found = None
    finally:
        file.seek(0)
    return found if found in IMAGE_FORMATS else None


def validate_image(file):
    _check_size(file)
    if sniff_image_format(file) is None:
        raise ValidationError(
            _("Only JPEG, PNG and WebP images can be uploaded; this file is none of them."),
            code="bad_type",
        )


def _generated_name(extension):
    return f"{uuid.uuid4().hex}.{extension}"


class DocumentField(models.FileField):
    """A PDF, DOCX or ODT file, proved by its bytes, stored under a random name."""

    default_validators = [validate_document]

    def generate_filename(self, instance, filename):
        upload = getattr(instance, self.attname).file
        extension = sniff_document_type(upload) or "bin"
        return super().generate_filename(instance, _generated_name(extension))


class ImageUploadField(models.ImageField):
    """A JPEG, PNG or WebP image, proved by its bytes, stored under a random name."""

    default_validators = [validate_image]

    def generate_filename(self, instance, filename):
        upload = getattr(instance, self.attname).file
        extension = IMAGE_FORMATS.get(sniff_image_format(upload) or "", "bin")
        return super().generate_filename(instance, _generated_name(extension))
