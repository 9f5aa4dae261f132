"""Bounded unpacking of the XML parts of untrusted ZIP documents (DOCX, ODT)."""

from __future__ import annotations

import io
import zipfile
import zlib

from analysis_worker.document import ExtractionError

# All members of the archive together, unpacked.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
# Office XML compresses well (10-30x is usual); beyond this a member is a bomb. Small
# members are left alone: their size is bounded by MAX_UNZIPPED_BYTES anyway.
MAX_ZIP_RATIO = 200
MAX_ZIP_RATIO_FROM_BYTES = 1024 * 1024
MAX_ZIP_ENTRIES = 2000
# lxml needs about 25 times an XML part's size in memory; a resume's document.xml is
# well under 1 MB, media aside.
MAX_XML_PART_BYTES = 10 * 1024 * 1024
_ZIP_CHUNK = 1024 * 1024


def xml_members(content: bytes, label: str, application: str) -> dict[str, bytes]:
    """The XML members of a `label` ("DOCX", "ODT") archive that `application` writes, by
    name, each inflated under a bound; refuses archives that unpack to too much and XML
    parts with a DTD. Media are never inflated.

    ZipFile.read inflates a whole member before cutting it to the size the header
    declares: a member that lies about its size would take gigabytes first. Reading
    in chunks stops at the declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
            _check_declared_sizes(entries, label, application)
            names = [entry.filename for entry in entries]
            # Word and LibreOffice only store or deflate; other methods (bzip2, LZMA) inflate
            # without a bound per chunk.
            methods = {entry.compress_type for entry in entries}
            if len(set(names)) != len(names) or not methods <= {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
                raise zipfile.BadZipFile("duplicate member names or an unusual compression method")
            members = {}
            for entry in entries:
                if not _is_xml(entry.filename):
                    continue
                data = _read_member(archive, entry)
                if _declares_dtd(data):
                    raise ExtractionError(
                        f"The {label} file's part {entry.filename} declares a DTD (<!DOCTYPE>), which {application} "
                        f"never writes and which can smuggle in outside content (XXE), so it was refused; "
                        f"save the resume again from {application} and upload it.")
                members[entry.filename] = data
            return members
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, zlib.error) as error:
        raise ExtractionError(
            f"The {label} file is not a valid ZIP archive; save it again from {application} and upload it.") \
            from error


def _check_declared_sizes(entries: list[zipfile.ZipInfo], label: str, application: str) -> None:
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNZIPPED_BYTES or any(
            entry.file_size > MAX_ZIP_RATIO_FROM_BYTES
            and entry.file_size > MAX_ZIP_RATIO * max(entry.compress_size, 1) for entry in entries):
        raise ExtractionError(
            f"The {label} file expands to an unreasonable size when unpacked and was refused; "
            "save the resume again (without embedded media) and upload it.")
    for entry in entries:
        if _is_xml(entry.filename) and entry.file_size > MAX_XML_PART_BYTES:
            raise ExtractionError(
                f"The {label} file's part {entry.filename} holds {entry.file_size / 2**20:.1f} MB of XML, "
                f"more than the {MAX_XML_PART_BYTES // (1024 * 1024)} MB accepted, so it was refused; "
                f"save the resume again from {application} and upload it.")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _read_member(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    """The member's bytes, at most its declared size (zipfile checks the CRC at the end)."""
    chunks = []
    with archive.open(entry) as member:
        while chunk := member.read(_ZIP_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def _declares_dtd(xml: bytes) -> bool:
    """Whether an XML part holds a DOCTYPE, in UTF-8 or, with its NUL bytes, UTF-16/32.

    python-docx's parser leaves entities unexpanded and lxml never loads DTDs nor
    uses the network, so entities would stay unexpanded anyway; refusing the file
    gives the caller a clear reason instead of a silently altered text."""
    return b"<!DOCTYPE" in xml or b"<!DOCTYPE" in xml.replace(b"\x00", b"")


