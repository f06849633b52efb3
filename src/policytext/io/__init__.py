"""Reading stage: decode files in any Chinese encoding and read archives into a Corpus.

Other subpackages import reading from here (``from policytext.io import scan_archive``),
never from the modules inside.  A new input format is one :class:`Reader` passed to
:func:`register_reader`.
"""

from policytext.io.base import LEVELS, Entry, Fault, InputFile, Reader, visible
from policytext.io.columns import (
    MIN_TEXT_MEDIAN,
    TEXT_NAMES,
    TITLE_NAMES,
    FieldChoice,
    choose_fields,
    unescape_literals,
)
from policytext.io.dates import AmbiguousDate, DateError, DateValue, parse_date, parse_year
from policytext.io.doctype import DOC_TYPES, doc_type
from policytext.io.encoding import BinaryFileError, Decoded, DecodeProblem, decode_bytes
from policytext.io.read import (
    Archive,
    Source,
    load_source,
    read_corpus,
    read_text_file,
    scan_archive,
)
from policytext.io.readers import (
    BUILTIN_READERS,
    find_reader,
    get_reader,
    list_readers,
    register_reader,
    unregister_reader,
)
from policytext.io.textdates import text_year
from policytext.io.zipsafe import MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, unpack_zip

__all__ = [
    "BUILTIN_READERS",
    "DOC_TYPES",
    "LEVELS",
    "MAX_COMPRESSION_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "MIN_TEXT_MEDIAN",
    "TEXT_NAMES",
    "TITLE_NAMES",
    "AmbiguousDate",
    "Archive",
    "BinaryFileError",
    "DateError",
    "DateValue",
    "DecodeProblem",
    "Decoded",
    "Entry",
    "Fault",
    "FieldChoice",
    "InputFile",
    "Reader",
    "Source",
    "choose_fields",
    "decode_bytes",
    "doc_type",
    "find_reader",
    "get_reader",
    "list_readers",
    "load_source",
    "parse_date",
    "parse_year",
    "read_corpus",
    "read_text_file",
    "register_reader",
    "scan_archive",
    "text_year",
    "unescape_literals",
    "unpack_zip",
    "unregister_reader",
    "visible",
]
