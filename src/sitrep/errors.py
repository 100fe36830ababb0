"""One error tree. Every error has a stable code, names the input it is about, and says what is wrong.

Codes:
  E001 empty input               E002 binary input             E003 not UTF-8
  E004 input too large           E005 malformed JSON line      E006 unreadable file
  E007 unknown input format      E008 bad option value         E009 missing field in a record
  E010 output would destroy an input  E011 not a regular file (a device, FIFO or socket)
  E012 no such record (an event or incident id the store lacks)
  E013 not allowed (a write to the web API without its token)
  E101 unknown stage             E102 stage requirement unmet  E103 duplicate stage name
  E201 gazetteer data missing    E202 model not installed      E203 Dask cluster unavailable
  E204 bad event-family table (data/triggers.json)
  E205 bad relevance model file (data/relevance_model.json)
  E301 extraction failed on a document (a bug in a stage; the run goes on)
  E302 a document could not be stored (the run goes on)
  E401 not a sitrep store        E402 store from a newer sitrep
  E403 store damaged             E404 store read-only           E405 disk full
  E406 another merge run stored its incidents meanwhile (run the merge again)
  W001 not English (warning)     W002 no publication date (warning)
  W003 gazetteer cache rebuilt   W004 gazetteer cache unwritable (warnings)
  W006 a file of added gazetteer places is damaged and left out (warning)
  W005 a toll refused as implausible, or a cap on work cut part of a document (warning; sitrep.bounded_parse)
"""

from __future__ import annotations

from .safe_text import printable


class SitrepError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{printable(self.source)}: " if self.source else ""
        return f"[{self.code}] {where}{printable(self.message)}"


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


class NotARegularFile(InputError):
    """A path naming a character or block device, a FIFO or a socket: its size says nothing about how
    much it holds or whether a writer will ever come, so it is refused rather than read. Standard input
    (``-``) is read as a stream with the usual size limit."""

    code = "E011"


class NotFound(InputError):
    """An id asked for that the store does not hold."""

    code = "E012"


class NotAllowed(InputError):
    """A write the server was not started to accept, or one without the right token."""

    code = "E013"


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


class DataFileInvalid(ResourceError):
    """A bundled model or table is not in the form this version reads (rebuild it with its make target)."""

    code = "E205"


class ExtractionFailed(SitrepError):
    """A document was read but the pipeline raised on it; corpus runs record it as a reject."""

    code = "E301"


class DocumentNotStored(SitrepError):
    """A document was extracted but its rows could not be written (a value the store cannot hold);
    its transaction is rolled back, a reject row names it and the run goes on."""

    code = "E302"


class StoreError(SitrepError):
    """The store cannot be used as asked. Stops the command: unlike a per-document failure, every
    later write would meet it too."""


class NotAStore(StoreError):
    """The file is SQLite (or not even that) but not a sitrep store: refused before anything is written."""

    code = "E401"


class NewerStore(StoreError):
    """The store was written by a newer sitrep whose layout this one does not know."""

    code = "E402"


class DamagedStore(StoreError):
    """The store's file is corrupt (an integrity check failed or SQLite found it malformed)."""

    code = "E403"


class ReadOnlyStore(StoreError):
    """The store, or the folder that holds it, cannot be written by this user."""

    code = "E404"


class DiskFull(StoreError):
    code = "E405"


class SitrepWarning(UserWarning):
    """A warning with a code, raised with ``warnings.warn``; the command line prints it as one line."""

    code = "W000"


class GazetteerCacheRebuilt(SitrepWarning):
    """The gazetteer cache was missing its checksum, stale or damaged and was built again."""

    code = "W003"


class GazetteerCacheUnwritable(SitrepWarning):
    """The cache folder cannot be written: the index is kept in memory for this run only."""

    code = "W004"


class GazetteerAddedUnusable(SitrepWarning):
    """A file of places added from a GeoNames dump (``sitrep gazetteer add``) fails its checks: the
    gazetteer loads without it; adding the dump again stores it anew."""

    code = "W006"


WARNING_NOT_ENGLISH = "W001"
WARNING_NO_DATE = "W002"
WARNING_CAPPED = "W005"
