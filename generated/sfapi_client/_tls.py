# Copied from templates/static/runtime/_tls.py by `python -m generator codegen`. Do not edit here.
"""The TLS setup of the default transport, from the client's ``verify`` and ``cert``.

``verify`` is True (the system's CA bundle, or ``SSL_CERT_FILE``/``SSL_CERT_DIR`` when
the environment is trusted), a CA bundle file or folder, an ``ssl.SSLContext`` the
caller set up, or False (no verification: for testing only). ``cert`` is a client
certificate: one PEM file holding certificate and key, or (certificate, key) or
(certificate, key, password). Every problem is a ValueError when the client is built,
naming the file, never an error in the middle of a call.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx2

__all__: list[str] = []

#: What ``verify=`` takes.
VerifySetting = ssl.SSLContext | str | Path | bool
#: What ``cert=`` takes.
CertSetting = str | Path | tuple[str, str] | tuple[str, str, str] | None


def ssl_context(verify: VerifySetting, cert: CertSetting, trust_env: bool) -> ssl.SSLContext:
    """The SSL context ``verify`` and ``cert`` ask for; ValueError when a file named in
    them is missing or unusable."""
    if isinstance(verify, ssl.SSLContext):
        if cert is not None:
            raise ValueError(
                "cert= cannot be combined with an ssl.SSLContext as verify=: load the "
                "client certificate into that context (load_cert_chain)"
            )
        return verify
    if isinstance(verify, bool):
        context = httpx2.create_ssl_context(verify=verify, trust_env=trust_env)
    elif isinstance(verify, str | Path):
        context = _ca_context(Path(verify).expanduser())
    else:
        raise TypeError("verify must be True, False, a CA bundle path or an ssl.SSLContext")
    if cert is not None:
        _load_certificate(context, cert)
    return context


def _ca_context(path: Path) -> ssl.SSLContext:
    try:
        if path.is_dir():
            return ssl.create_default_context(capath=str(path))
        return ssl.create_default_context(cafile=str(path))
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"verify={str(path)!r} is not a readable CA bundle: {exc}") from None


def _load_certificate(context: ssl.SSLContext, cert: CertSetting) -> None:
    if isinstance(cert, str | Path):
        files: tuple[str, ...] = (str(Path(cert).expanduser()),)
    elif isinstance(cert, tuple) and len(cert) in (2, 3):
        files = (str(Path(cert[0]).expanduser()), str(Path(cert[1]).expanduser()), *cert[2:])
    else:
        raise TypeError("cert must be a PEM file path, or (certificate, key[, password])")
    try:
        context.load_cert_chain(*files)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"cert={cert!r} cannot be loaded as a client certificate: {exc}") from None
