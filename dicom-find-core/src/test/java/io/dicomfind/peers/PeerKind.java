package io.dicomfind.peers;

/** The kinds of real DICOM peer the harness runs; each corpus query targets one kind. */
public enum PeerKind {
    /** DCMTK {@code wlmscpfs}: Modality Worklist Information Model - FIND (PS3.4 K). */
    WORKLIST,
    /** DCMTK {@code dcmqrscp}: Patient Root, Study Root and Patient/Study Only Q/R - FIND (PS3.4 C). */
    QUERY_RETRIEVE,
    /** Orthanc: a PACS with a C-FIND SCP for Patient Root and Study Root. */
    ORTHANC
}
