"""The outcomes of a live check, with the words and colours the pages show for them."""

from enum import StrEnum


class Outcome(StrEnum):
    OK = "ok"
    AUTH_FAILED = "auth_failed"
    DENIED = "denied"
    NOT_FOUND = "not_found"
    NO_CREDENTIALS = "no_credentials"
    UNREACHABLE = "unreachable"
    PROXY_REFUSED = "proxy_refused"
    TLS_ERROR = "tls_error"
    NOT_A_REGISTRY = "not_a_registry"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def css(self) -> str:
        """Bootstrap colour: green for ok, amber for what the operator can fix in the
        registry or the entry, red for what is broken on the way there."""
        if self == Outcome.OK:
            return "success"
        if self in (Outcome.NOT_FOUND, Outcome.NO_CREDENTIALS, Outcome.DENIED):
            return "warning"
        return "danger"


LABELS = {
    Outcome.OK: "OK",
    Outcome.AUTH_FAILED: "Credentials rejected",
    Outcome.DENIED: "No pull access",
    Outcome.NOT_FOUND: "Not found",
    Outcome.NO_CREDENTIALS: "Needs credentials",
    Outcome.UNREACHABLE: "Unreachable",
    Outcome.PROXY_REFUSED: "Blocked by proxy",
    Outcome.TLS_ERROR: "TLS error",
    Outcome.NOT_A_REGISTRY: "Not a registry",
}
