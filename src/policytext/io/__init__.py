"""Reading stage: decode files in any Chinese encoding and read archives into a Corpus."""

from policytext.io.encoding import BinaryFileError, Decoded, DecodeProblem, decode_bytes
from policytext.io.read import read_corpus, read_text_file

__all__ = [
    "BinaryFileError",
    "DecodeProblem",
    "Decoded",
    "decode_bytes",
    "read_corpus",
    "read_text_file",
]
