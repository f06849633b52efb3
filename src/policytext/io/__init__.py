"""Reading stage: decode files in any Chinese encoding and read archives into a Corpus.

Other subpackages import reading from here (``from policytext.io import scan_archive``),
never from the modules inside.  A new input format is one :class:`Reader` passed to
:func:`register_reader`.
"""

from policytext.io.base import LEVELS, Entry, Fault, InputFile, Reader, visible
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
from policytext.io.zipsafe import MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, unpack_zip

__all__ = [
    "BUILTIN_READERS",
    "LEVELS",
    "MAX_COMPRESSION_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "Archive",
    "BinaryFileError",
    "DecodeProblem",
    "Decoded",
    "Entry",
    "Fault",
    "InputFile",
    "Reader",
    "Source",
    "decode_bytes",
    "find_reader",
    "get_reader",
    "list_readers",
    "load_source",
    "read_corpus",
    "read_text_file",
    "register_reader",
    "scan_archive",
    "unpack_zip",
    "unregister_reader",
    "visible",
]
