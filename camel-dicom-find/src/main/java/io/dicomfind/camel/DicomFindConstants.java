package io.dicomfind.camel;

import org.apache.camel.spi.Metadata;

/** The message headers of the dicomfind component. */
public final class DicomFindConstants {
    // ---- request: per-exchange overrides (producer) ----
    @Metadata(label = "producer", javaType = "String",
              description = "Overrides the model option for this exchange: worklist, patient, study, psonly, a model"
                            + " name such as StudyRoot or HangingProtocol, or a FIND SOP Class UID")
    public static final String MODEL = "CamelDicomFindModel";
    @Metadata(label = "producer", javaType = "String",
              description = "Query/Retrieve Level (0008,0052) for this exchange; wins over keys and body")
    public static final String QUERY_RETRIEVE_LEVEL = "CamelDicomFindQueryRetrieveLevel";
    @Metadata(label = "producer", javaType = "String", description = "Overrides the called AE title for this exchange")
    public static final String CALLED_AET = "CamelDicomFindCalledAet";
    @Metadata(label = "producer", javaType = "io.dicomfind.dicom.net.Priority",
              description = "Overrides the priority for this exchange: LOW, MEDIUM or HIGH")
    public static final String PRIORITY = "CamelDicomFindPriority";
    @Metadata(label = "producer", javaType = "Object",
              description = "Keys that override the endpoint keys and the body: a Map of findscu key path to value (a"
                            + " String, or a typed value formatted for the key's VR: LocalDate, Integer, a List,"
                            + " DicomRange ...), a Collection of findscu -k strings, or a String with one -k string per"
                            + " line")
    public static final String KEYS = "CamelDicomFindKeys";
    @Metadata(label = "producer", javaType = "String",
              description = "Prefix of headers that each override one key, e.g. header CamelDicomFindKey.PatientName"
                            + " with value SMITH, or CamelDicomFindKey.ScheduledProcedureStepSequence.Modality with"
                            + " value CT (a path into sequence items, as for the key options); a typed value is"
                            + " formatted for the key's VR as in a Map body")
    public static final String KEY_PREFIX = "CamelDicomFindKey.";
    @Metadata(label = "producer", javaType = "Integer", description = "Overrides maxResults for this exchange")
    public static final String MAX_RESULTS = "CamelDicomFindMaxResults";

    // ---- result ----
    @Metadata(javaType = "Integer",
              description = "The final status code of the C-FIND (0 Success, 0xFE00 Cancel, Bxxx warnings); with"
                            + " StreamList it is set when the stream ends")
    public static final String STATUS = "CamelDicomFindStatus";
    @Metadata(javaType = "String", description = "The final status in words, e.g. Success or Cancel: matching terminated")
    public static final String STATUS_NAME = "CamelDicomFindStatusName";
    @Metadata(javaType = "String", description = "Error Comment (0000,0902) of the final response, when the SCP sent one")
    public static final String ERROR_COMMENT = "CamelDicomFindErrorComment";
    @Metadata(javaType = "Integer",
              description = "How many matches (Pending responses) the SCP sent, including those not delivered because"
                            + " of maxResults")
    public static final String RESPONSE_COUNT = "CamelDicomFindResponseCount";
    @Metadata(javaType = "java.util.List<String>",
              description = "Warnings: Pending FF01 (optional keys not supported) once, a warning final status,"
                            + " responses without identifier, a failed release after the final response")
    public static final String WARNINGS = "CamelDicomFindWarnings";
    @Metadata(javaType = "Integer", description = "Message ID (0000,0110) of the C-FIND request")
    public static final String MESSAGE_ID = "CamelDicomFindMessageId";
    @Metadata(javaType = "String", description = "The FIND SOP Class UID the query ran under")
    public static final String SOP_CLASS_UID = "CamelDicomFindSopClassUid";
    @Metadata(javaType = "String", description = "The transfer syntax UID the SCP accepted for the identifiers")
    public static final String TRANSFER_SYNTAX_UID = "CamelDicomFindTransferSyntaxUid";
    @Metadata(javaType = "Long", description = "Milliseconds from opening the association to the final response")
    public static final String ELAPSED = "CamelDicomFindElapsed";
    @Metadata(javaType = "Boolean",
              description = "True when the SCP had more matches than maxResults (or SelectOne got more than one) and"
                            + " the query was cancelled")
    public static final String TRUNCATED = "CamelDicomFindTruncated";
    @Metadata(javaType = "java.util.List<String>",
              description = "The C-FIND extended negotiation features the SCP accepted (PS3.4 C.5.1.1), by option name"
                            + " (relationalQueries, combinedDateTimeMatching ...); set only when the endpoint asked for"
                            + " any. A feature asked for and missing here was not accepted and is not used")
    public static final String ACCEPTED_EXTENDED_NEGOTIATION = "CamelDicomFindAcceptedExtendedNegotiation";
    @Metadata(javaType = "Boolean",
              description = "Whether the SCP confirmed our user identity with a positive response (PS3.7 D.3.3.7.2);"
                            + " set only when the endpoint sends a user identity")
    public static final String USER_IDENTITY_CONFIRMED = "CamelDicomFindUserIdentityConfirmed";
    @Metadata(javaType = "Boolean",
              description = "True when the SCP ended the C-FIND with Cancel (FE00) although no C-CANCEL was sent: it"
                            + " truncated its answer (a result cap, e.g. Orthanc's LimitFindResults), so matches are"
                            + " missing; a warning is logged and added to CamelDicomFindWarnings")
    public static final String TRUNCATED_BY_SCP = "CamelDicomFindTruncatedByScp";
    @Metadata(javaType = "Boolean",
              description = "True when the final status says every match was sent (Success or a Warning); false after"
                            + " any Cancel (maxResults, maxMessagesPerPoll, cancelAfter, or CamelDicomFindTruncatedByScp)."
                            + " On consumer exchanges it is the same for the whole poll: an incomplete poll must not be"
                            + " taken as the full list (an entry missing from it may still exist)")
    public static final String COMPLETE = "CamelDicomFindComplete";
    @Metadata(label = "consumer", javaType = "Integer",
              description = "1-based position of the response in its C-FIND (consumer exchanges)")
    public static final String RESPONSE_INDEX = "CamelDicomFindResponseIndex";

    // ---- consumer: changeTracking ----
    @Metadata(label = "consumer", javaType = "String",
              description = "With changeTracking: NEW, CHANGED or REMOVED, what happened to the item since the last"
                            + " successful poll")
    public static final String CHANGE_TYPE = "CamelDicomFindChangeType";
    @Metadata(label = "consumer", javaType = "String",
              description = "With changeTracking: the item key (changeKey); by default for the worklist the Study"
                            + " Instance UID and the SPS ID, joined by a vertical bar")
    public static final String ITEM_KEY = "CamelDicomFindItemKey";
    @Metadata(label = "consumer", javaType = "String",
              description = "With changeTracking: hex SHA-256 of the item's decoded content (for REMOVED: of its last"
                            + " known content)")
    public static final String CONTENT_HASH = "CamelDicomFindContentHash";
    @Metadata(label = "consumer", javaType = "java.util.List<String>",
              description = "With changeTracking, on CHANGED: the attribute paths whose value changed, appeared or"
                            + " disappeared, such as the Modality in item 0 of the ScheduledProcedureStepSequence")
    public static final String CHANGED_ATTRIBUTES = "CamelDicomFindChangedAttributes";
    @Metadata(label = "consumer", javaType = "java.util.Map<String,String>",
              description = "With changeTracking: on CHANGED the previous values of the changed attributes (absent"
                            + " ones as null), on REMOVED the item's last known values (the body is then null)")
    public static final String PREVIOUS_VALUES = "CamelDicomFindPreviousValues";
    @Metadata(label = "consumer", javaType = "io.dicomfind.camel.change.SnapshotItem",
              description = "With changeTracking, an exchange property (not a header): the snapshot entry the change"
                            + " leaves behind (null for REMOVED), for routes that record it in their own transaction"
                            + " with JdbcChangeSnapshotStore")
    public static final String SNAPSHOT_ITEM = "CamelDicomFindSnapshotItem";

    private DicomFindConstants() {
    }
}
