"""One error tree. Every error has a stable code, names the input it is about, and says what is wrong.

Codes:
  E001 empty input               E002 binary input             E003 not UTF-8
  E004 input too large           E005 malformed JSON line      E006 unreadable file
  E007 unknown input format      E008 bad option value         E009 missing field in a record
  E101 unknown stage             E102 stage requirement unmet  E103 duplicate stage name
  E201 gazetteer data missing    E202 model not installed      E203 Dask cluster unavailable
  E204 bad event-family table (data/triggers.json)
  E301 extraction failed on a document (a bug in a stage; the run goes on)
  W001 not English (warning)     W002 no publication date (warning)
"""

from __future__ import annotations


class SitrepError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(SitrepError):
    """A user's input cannot be read. Never a traceback."""


class EmptyInput(InputError):
    code = "E001"


class BinaryInput(InputError):
    code = "E002"


class EncodingError(InputError):
    code = "E003"


class InputTooLarge(InputError):
    code = "E004"


class MalformedRecord(InputError):
    code = "E005"


class UnreadableInput(InputError):
    code = "E006"


class UnknownFormat(InputError):
    code = "E007"


class BadOption(InputError):
    code = "E008"


class MissingField(InputError):
    code = "E009"


class OutputClash(InputError):
    """An output path that would destroy what the command reads, or that cannot be a file (see
    sitrep.output_files): refused before anything runs."""

    code = "E010"


class PipelineError(SitrepError):
    """The pipeline was configured wrongly: a programming or configuration mistake."""


class UnknownStage(PipelineError):
    code = "E101"


class UnmetRequirement(PipelineError):
    code = "E102"


class DuplicateStage(PipelineError):
    code = "E103"


class ResourceError(SitrepError):
    """Bundled data or a model is missing from the installation."""


class GazetteerMissing(ResourceError):
    code = "E201"


class ModelMissing(ResourceError):
    code = "E202"


class ClusterUnavailable(ResourceError):
    """``--scheduler`` was given but Dask is not installed or the scheduler cannot be reached."""

    code = "E203"


class BadFamilyTable(ResourceError):
    """The bundled event-family table (data/triggers.json) is inconsistent: a family without a typing
    rule or with one that is not registered, two families with one rank, an unknown kind or flag, or a
    word a rule names that its family does not have, a field of the wrong shape, a typing rule
    registered twice. Raised when a pipeline is built (or the table first loads); like any resource
    error it stops a run rather than failing document by document."""

    code = "E204"


class ExtractionFailed(SitrepError):
    """A document was read but the pipeline raised on it; corpus runs record it as a reject."""

    code = "E301"


WARNING_NOT_ENGLISH = "W001"
WARNING_NO_DATE = "W002"
