package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.TransferSyntax;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@link EmbeddedFindScp.Builder} configured, immutable, shared by all associations. */
record ScpConfig(String aeTitle, boolean checkCalledAeTitle, Set<String> callingAeTitles, int maxPduLength,
        int maxAssociations, List<TransferSyntax> transferSyntaxes, Map<InformationModel, Served> models,
        Duration responseDelay, FindStatusOverride statusOverride, Duration acseTimeout, Duration idleTimeout,
        IdleAction idleAction, String implementationClassUid, String implementationVersionName, DecodeLimits decodeLimits,
        boolean batchResponses, ScpNegotiation negotiation) {

    /** A model the SCP serves: where its data comes from and how it is searched. */
    record Served(DataSetSource source, QueryEngine engine) {
    }

    /** Bound on a received P-DATA-TF when we declared no limit (0): generous, but never unbounded. */
    static final int UNLIMITED_PDU_CAP = 16 << 20;

    int receiveBound() {
        return maxPduLength == 0 ? UNLIMITED_PDU_CAP : maxPduLength;
    }
}
