"""Downloads trust the certificate authorities configured in QGIS, as government networks
that inspect TLS need: a server whose certificate only a CA in QGIS's authentication
database vouches for is loaded; without that CA the error says where to add it."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtNetwork import QSslCertificate

from crs_plugin.core.errors import SourceError
from crs_plugin.core.sources.file import FileSource
from crs_plugin.toolbelt.network import qgis_http_client
from tests.conftest import SAMPLE_DIR

cryptography = pytest.importorskip("cryptography")


def certificate_authority_and_server(tmp_path):
    """A private CA (as an organisation's) and a 127.0.0.1 server certificate it signed."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Government Inspection CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
              .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
              .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                             critical=False)
              .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
              .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
              .sign(ca_key, hashes.SHA256()))  # fmt: skip
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return ca.public_bytes(serialization.Encoding.PEM), cert_file, key_file


@pytest.fixture
def https_server(tmp_path):
    ca_pem, cert_file, key_file = certificate_authority_and_server(tmp_path)
    body = (SAMPLE_DIR / "service_bc_offices.csv").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/service_bc_offices.csv", ca_pem, body
    server.shutdown()


def test_a_ca_only_qgis_trusts_is_trusted_and_its_absence_explained(qgis_app, https_server):
    url, ca_pem, body = https_server
    with pytest.raises(SourceError, match=r"not trusted .*Settings › Options › Authentication"):
        qgis_http_client(retries=1).get(url)
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test-master-password", True)
    authority = QSslCertificate(ca_pem)
    assert manager.storeCertAuthority(authority)
    manager.rebuildCaCertsCache()
    manager.rebuildTrustedCaCertsCache()
    try:
        assert qgis_http_client(retries=1).get(url).body == body
        # A source loads through it as the panel and crs:loadsources load it.
        raw, provenance = FileSource(url, "bc", client=qgis_http_client(retries=1)).fetch()
        assert provenance.record_count == len(raw) > 50
    finally:
        manager.removeCertAuthority(authority)
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()


def test_the_trust_store_is_read_once_while_it_stays_the_same(qgis_app):
    """Reading the trust stores takes ~0.1 s: every request of a load shares one context."""
    from crs_plugin.toolbelt.network import qgis_ssl_context

    assert qgis_ssl_context() is qgis_ssl_context()
