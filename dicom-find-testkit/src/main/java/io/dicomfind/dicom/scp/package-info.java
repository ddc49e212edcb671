/**
 * An embedded DICOM C-FIND SCP for tests: {@link io.dicomfind.dicom.scp.EmbeddedFindScp} (builder, start, close),
 * {@link io.dicomfind.dicom.scp.EmbeddedFindScpExtension} (JUnit 5), data from
 * {@link io.dicomfind.dicom.scp.DataSetSource} or {@link io.dicomfind.dicom.scp.DataSetFolder}, matching per PS3.4
 * C.2.2.2 ({@link io.dicomfind.dicom.scp.KeyMatcher}). Acceptor side of PS3.8 on the shared PDU and DIMSE codecs of
 * {@code io.dicomfind.dicom.net}. No Camel imports. See {@code docs/embedded-scp.md}.
 */
package io.dicomfind.dicom.scp;
