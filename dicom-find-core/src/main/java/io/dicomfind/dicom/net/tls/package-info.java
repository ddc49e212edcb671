/**
 * DICOM TLS (PS3.15 Annex B) with the JDK alone: {@link io.dicomfind.dicom.net.tls.TlsOptions} models every TLS
 * option of DCMTK findscu, {@link io.dicomfind.dicom.net.tls.TlsProfile} the Secure Transport Connection Profiles,
 * {@link io.dicomfind.dicom.net.tls.DicomTls} builds the context and the client/server socket factories. Setup
 * problems are {@link io.dicomfind.dicom.net.tls.TlsSetupException}s; handshake failures are
 * {@link io.dicomfind.dicom.net.tls.TlsHandshakeException}s (a {@code DicomNetworkException}) that name the cause.
 * Depends on {@code dicom.net} only (for the exception type); see {@code docs/tls.md}.
 */
package io.dicomfind.dicom.net.tls;
