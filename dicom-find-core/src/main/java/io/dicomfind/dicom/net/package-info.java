/**
 * The DICOM network layer of a C-FIND SCU: Upper Layer requestor (PS3.8), DIMSE C-FIND, C-CANCEL and C-ECHO
 * (PS3.7). No Camel imports; depends on {@code dicom.data} and {@code dicom.io} only.
 *
 * <p>Entry points: {@link io.dicomfind.dicom.net.AssociationConfig} (findscu's options as a builder),
 * {@link io.dicomfind.dicom.net.Association#open}, {@link io.dicomfind.dicom.net.Association#find} returning a
 * lazily read {@link io.dicomfind.dicom.net.FindQuery} of {@link io.dicomfind.dicom.net.FindResponse}s,
 * {@link io.dicomfind.dicom.net.Association#echo}, {@code release()}, {@code abort()}. Failures are
 * {@link io.dicomfind.dicom.net.DicomNetworkException}s whose messages name the peer, the called AE title and
 * what was awaited. Subpackages {@code pdu} (PDU encoding, bounded reading) and {@code dimse} (command sets,
 * fragmentation, reassembly) are internal building blocks.
 */
package io.dicomfind.dicom.net;
