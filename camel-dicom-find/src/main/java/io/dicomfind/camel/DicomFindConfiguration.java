package io.dicomfind.camel;

import io.dicomfind.dicom.net.Priority;
import io.dicomfind.dicom.net.tls.TlsProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code dicomfind:} endpoint. Every findscu network option has one here with the same meaning and
 * default; the component holds one as the defaults for its endpoints.
 */
@UriParams
public class DicomFindConfiguration implements Cloneable {
    /**
     * The {@code maxResponses} of SelectList, SelectOne and the consumer when not set: they hold every match of a
     * C-FIND in memory before the body is set or the batch is routed.
     */
    public static final int DEFAULT_MAX_RESPONSES = 100_000;
    /** The default responseHeaderPrefix: headers such as DicomFindPatientID. */
    public static final String DEFAULT_RESPONSE_HEADER_PREFIX = "DicomFind";

    // ---- path ----
    @UriPath(label = "common", defaultValue = "ANY-SCP",
             description = "The called AE title of the peer (findscu -aec), written before the at sign in the URI;"
                           + " may also be given as the calledAet query option")
    private String calledAet = "ANY-SCP";
    @UriPath(label = "common", description = "Host name or IP address of the DICOM peer (SCP)")
    @Metadata(required = true)
    private String host;
    @UriPath(label = "common", description = "TCP port of the DICOM peer")
    @Metadata(required = true)
    private int port;

    // ---- what to query ----
    @UriParam(label = "common", defaultValue = "worklist",
              enums = "worklist,patient,study,psonly,PatientRoot,StudyRoot,PatientStudyOnly,MWL,GPWL,UPSPull,UPSWatch,"
                      + "UPSQuery,HangingProtocol,ColorPalette,GenericImplantTemplate,ImplantAssemblyTemplate,"
                      + "ImplantTemplateGroup,DefinedProcedureProtocol,ProtocolApproval,Inventory",
              description = "The query information model: worklist (findscu -W, Modality Worklist), patient (-P, Patient"
                            + " Root), study (-S, Study Root), psonly (-O, Patient/Study Only); any FIND SOP Class by"
                            + " its dcm4che findscu -M name (any case), e.g. StudyRoot, MWL, UPSPull, UPSWatch,"
                            + " HangingProtocol, ColorPalette, GenericImplantTemplate, Inventory; or the SOP Class UID"
                            + " of any other FIND service (retired or private ones work raw)")
    private String model = "worklist";
    @UriParam(label = "common", defaultValue = "FINDSCU", description = "Our calling AE title (findscu -aet)")
    private String callingAet = "FINDSCU";
    @UriParam(label = "common", enums = "PATIENT,STUDY,SERIES,IMAGE",
              description = "Query/Retrieve Level (0008,0052) to put in the identifier; a key, the body or a header"
                            + " can still set it")
    private String queryRetrieveLevel;
    @UriParam(label = "common", prefix = "key.", multiValue = true,
              description = "Query keys as findscu -k, one option per key: key.PatientName=DOE with wildcards,"
                            + " key.(0010,0020)=123, or a path into sequence items such as"
                            + " key.ScheduledProcedureStepSequence.Modality=CT (an item index in brackets may follow"
                            + " the sequence; item 0 by default). An empty value is a return key. Values may hold"
                            + " Simple expressions such as ${date:now:yyyyMMdd}, evaluated for every exchange or poll."
                            + " Repeating a key gives a multi-valued key")
    private Map<String, Object> keys;
    @UriParam(label = "common", defaultValue = "MEDIUM", enums = "LOW,MEDIUM,HIGH",
              description = "Priority (0000,0700) of the C-FIND request (findscu always sends MEDIUM)")
    private Priority priority = Priority.MEDIUM;
    @UriParam(label = "common", defaultValue = "0",
              description = "Send C-CANCEL after this many responses (findscu --cancel); responses already in flight"
                            + " are still delivered. 0 never cancels")
    private int cancelAfter;

    // ---- producer ----
    @UriParam(label = "producer", defaultValue = "SelectList", enums = "SelectList,SelectOne,StreamList",
              description = "SelectList: a List of identifiers; SelectOne: the first identifier (the query is"
                            + " cancelled after it); StreamList: a lazy closeable Iterator for split streaming,"
                            + " which cancels the query when closed early")
    private OutputType outputType = OutputType.SelectList;
    @UriParam(label = "producer", defaultValue = "0",
              description = "Most identifiers a SelectList or StreamList returns; when the SCP has more, the query is"
                            + " cancelled and header CamelDicomFindTruncated is true. 0 means no limit")
    private int maxResults;
    @UriParam(label = "producer", defaultValue = "0",
              description = "Exhaustive queries past an SCP's result cap: a C-FIND that returns this many matches, ends"
                            + " with a Cancel we did not ask for or fails with A700 is split on a date range"
                            + " (splitKey) into halves until each part is below the cap; each match once. SelectList"
                            + " only (the matches are collected). 0 means off")
    private int resultCap;
    @UriParam(label = "producer",
              description = "The date key resultCap splits on, a findscu -k path; default StudyDate, or"
                            + " Scheduled Procedure Step Start Date (inside item 0 of the Scheduled Procedure Step"
                            + " Sequence) for the worklist")
    private String splitKey;
    @UriParam(label = "producer", defaultValue = "19000101",
              description = "Where an open or missing split range starts (YYYYMMDD); it ends today")
    private String splitEarliest = "19000101";
    @UriParam(label = "advanced",
              description = "Most Pending responses one C-FIND may receive: the next one aborts the association and"
                            + " fails the exchange or poll with DicomFindResponseLimitException. This bounds memory,"
                            + " because SelectList, SelectOne and the consumer hold every match of a C-FIND before"
                            + " the body is set or the batch is routed. When not set: 100000 for those, and no limit"
                            + " for StreamList, which streams. 0 means no limit. Responses still in flight after a"
                            + " C-CANCEL count too")
    private Integer maxResponses;

    // ---- consumer ----
    @UriParam(label = "consumer", defaultValue = "0",
              description = "Most exchanges per poll; the C-FIND is cancelled once this many new matches arrived."
                            + " 0 means no limit")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Skip matches already seen in an earlier poll, by idempotentKey")
    private boolean idempotent;
    @UriParam(label = "consumer",
              description = "Simple expression giving the key of a match for idempotent. The identifier converts"
                            + " to a Map of keywords, so the expression can pick one value such as the"
                            + " StudyInstanceUID (the Consumer section of the documentation shows the syntax). By"
                            + " default the whole identifier, sequence items included, is the key")
    private String idempotentKey;
    @UriParam(label = "consumer,advanced",
              description = "Repository of seen keys; by default an in-memory one holding 1000 keys per endpoint")
    private IdempotentRepository idempotentRepository;

    // ---- consumer: change tracking (io.dicomfind.camel.change) ----
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Emit per poll only what changed since the last successful poll: one exchange per NEW,"
                            + " CHANGED or REMOVED item (header CamelDicomFindChangeType), by changeKey. A poll that"
                            + " fails, is cancelled or stopped, hits a limit or ends without Success reports nothing")
    private boolean changeTracking;
    @UriParam(label = "consumer",
              description = "Attribute paths that identify an item for changeTracking, comma-separated, in the syntax"
                            + " of the key options (e.g. AccessionNumber,ScheduledProcedureStepSequence"
                            + ".ScheduledProcedureStepID). Default for the worklist: StudyInstanceUID and the Scheduled"
                            + " Procedure Step ID, or AccessionNumber and RequestedProcedureID where the SCP returns no"
                            + " SPS ID; for Q/R the unique key of the level. An item without them is keyed by its"
                            + " content hash")
    private String changeKey;
    @UriParam(label = "consumer,advanced",
              description = "Where changeTracking keeps the last successful poll: an"
                            + " io.dicomfind.camel.change.ChangeSnapshotStore, e.g. FileChangeSnapshotStore (survives"
                            + " restarts) or JdbcChangeSnapshotStore (shared by cluster members). By default in memory")
    private io.dicomfind.camel.change.ChangeSnapshotStore changeSnapshotStore;
    @UriParam(label = "consumer,advanced",
              description = "Name of this consumer's snapshot in the store; by default the endpoint URI. Give the"
                            + " same name on every cluster member")
    private String changeSnapshotName;
    // ---- response attributes as headers ----
    @UriParam(label = "common",
              description = "Response attributes to copy into headers of each exchange that carries one response (the"
                            + " consumer, SelectOne, and each part of a StreamList split): a comma-separated list of"
                            + " keywords, tags or paths into sequence items as for the key options, e.g."
                            + " PatientID,AccessionNumber,ScheduledProcedureStepSequence.Modality. The header is the"
                            + " prefix and the last keyword (DicomFindModality), its value the text of the attribute"
                            + " (several values joined by a backslash); an absent or empty attribute removes the"
                            + " header. Not for SelectList, whose body holds every response")
    private String responseHeaders;
    @UriParam(label = "common", defaultValue = DEFAULT_RESPONSE_HEADER_PREFIX,
              description = "Prefix of the headers made by responseHeaders. Without a Camel prefix, so that they are"
                            + " forwarded to JMS, HTTP or Kafka like any header of the route")
    private String responseHeaderPrefix = DEFAULT_RESPONSE_HEADER_PREFIX;

    // ---- association (findscu network options) ----
    @UriParam(label = "advanced", defaultValue = "Uncompressed",
              enums = "Uncompressed,ExplicitLittleEndianFirst,ExplicitBigEndianFirst,Deflated,ImplicitLittleEndianOnly",
              description = "Transfer syntaxes to propose: Uncompressed (findscu -x=, explicit VR in local byte order"
                            + " first), ExplicitLittleEndianFirst (-xe), ExplicitBigEndianFirst (-xb), Deflated (-xd),"
                            + " ImplicitLittleEndianOnly (-xi)")
    private ProposedTransferSyntaxes proposedTransferSyntaxes = ProposedTransferSyntaxes.Uncompressed;
    @UriParam(label = "advanced", defaultValue = "6",
              description = "Deflate compression level 0-9 with proposedTransferSyntaxes=Deflated (findscu --compression-level)")
    private int deflateLevel = 6;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Support the post-1993 VRs such as UN and UT (findscu --enable-new-vr); false converts"
                            + " them to OB (--disable-new-vr)")
    private boolean enableNewVr = true;
    @UriParam(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "Timeout for the TCP connection (findscu -to); 0 means unlimited")
    private long connectTimeout;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "Timeout for each socket read (findscu -ts); 0 means none")
    private long socketTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "Timeout for ACSE messages: association and release answers (findscu -ta)")
    private long acseTimeout = 30_000;
    @UriParam(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "Timeout for each DIMSE response (findscu -td); 0 means unlimited")
    private long dimseTimeout;
    @UriParam(label = "advanced", defaultValue = "5s", javaType = "java.time.Duration",
              description = "How long to wait for the peer to close the connection after our A-ABORT (the ARTIM"
                            + " timer, PS3.8 9.1.5), e.g. after a protocol error or a DIMSE timeout; a peer that keeps"
                            + " sending is cut off then")
    private long artimTimeout = 5_000;
    @UriParam(label = "advanced", defaultValue = "16384",
              description = "Our maximum receive PDU length in bytes, 4096 to 131072 (findscu -pdu)")
    private int maxPdu = 16384;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Abort the association instead of releasing it (findscu --abort)")
    private boolean abort;
    @UriParam(label = "advanced",
              description = "Specific Character Set defined terms assumed for responses without (0008,0005), for SCPs"
                            + " that omit it, e.g. ISO_IR 100 or ISO_IR 192")
    private String fallbackCharacterSet;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Repair what can be repaired in received data sets instead of failing (findscu --enable-correction)")
    private boolean dataCorrection;

    // ---- security ----
    @UriParam(label = "security",
              description = "DICOM TLS for the association (PS3.15 B.1, what findscu's TLS options configure): the key"
                            + " and certificate we present (keyManagers) and the certificates we trust"
                            + " (trustManagers). TLS versions and cipher suites come from tlsProfile. Without it the"
                            + " association is plain TCP")
    private SSLContextParameters sslContextParameters;
    // NULL_ENCRYPTION (findscu +pn, retired) authenticates but does not encrypt: Camel's catalog and tooling
    // flag it through security/insecureValue (Camel 4.22 option attributes)
    @UriParam(label = "security", defaultValue = "BCP195_RFC8996", security = "insecure:ssl",
              insecureValue = "NULL_ENCRYPTION",
              enums = "BCP195_RFC8996,BCP195_RFC8996_MODIFIED,BCP195_NON_DOWNGRADING,BCP195,BCP195_EXTENDED,BASIC,AES,"
                      + "NULL_ENCRYPTION",
              description = "The Secure Transport Connection Profile (PS3.15 Annex B) whose TLS versions and cipher"
                            + " suites are offered, findscu's profile options: BCP195_RFC8996 (the default: TLS 1.3"
                            + " and 1.2, the RFC 9325 suites), BCP195_RFC8996_MODIFIED, and the retired"
                            + " BCP195_NON_DOWNGRADING, BCP195, BCP195_EXTENDED (TLS 1.2 only), BASIC, AES,"
                            + " NULL_ENCRYPTION. Applies with sslContextParameters and replaces their protocols and"
                            + " cipher suites; a profile this JVM cannot provide fails the endpoint with the reason")
    private TlsProfile tlsProfile = TlsProfile.defaultProfile();

    // ---- association pool (camel-netty's producerPool* options) ----
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Keep associations open between exchanges and polls and reuse them, one C-FIND at a time"
                            + " on each (no asynchronous operations are negotiated), pooled per peer, AE titles, TLS"
                            + " settings and proposed presentation contexts. Off by default: many PACS cap the"
                            + " associations per calling AE and some fork a process per association, so idle pooled"
                            + " associations would hold what other clients need; turn it on for many small queries")
    private boolean producerPoolEnabled;
    @UriParam(label = "advanced", defaultValue = "8",
              description = "Most associations the pool opens to one peer (per AE titles, TLS settings and"
                            + " presentation contexts), in use and idle together; keep it below the peer's cap. -1"
                            + " means no limit")
    private int producerPoolMaxTotal = 8;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "Idle associations the pool keeps open even when nothing is queried (opened in the"
                            + " background)")
    private int producerPoolMinIdle;
    @UriParam(label = "advanced", defaultValue = "8",
              description = "Most idle associations the pool keeps; one returned beyond this is released. -1 means"
                            + " no limit")
    private int producerPoolMaxIdle = 8;
    @UriParam(label = "advanced", defaultValue = "20s", javaType = "java.time.Duration",
              description = "An association idle for this long is released (A-RELEASE) by the pool. Keep it below"
                            + " the peer's own idle timeout (Orthanc's DicomScpTimeout is 30 s by default) so that"
                            + " we release first")
    private long producerPoolMinEvictableIdle = 20_000;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "When producerPoolMaxTotal associations are in use: wait for one (up to"
                            + " producerPoolMaxWait) instead of failing at once")
    private boolean producerPoolBlockWhenExhausted = true;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "How long an exchange or poll waits for a pooled association when all are in use; then it"
                            + " fails with DicomFindAssociationException reason POOL_EXHAUSTED. 0 or less waits"
                            + " without limit")
    private long producerPoolMaxWait = 30_000;

    // ---- extended negotiation (PS3.4 C.5.1.1, PS3.7 D.3.3.5-D.3.3.6): for the patient, study and psonly models ----
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask the SCP for relational queries (extended negotiation byte 1, PS3.4 C.5.1.1; dcm4che"
                            + " findscu --relational). What the SCP accepted is in the"
                            + " CamelDicomFindAcceptedExtendedNegotiation header; a feature it did not accept is not"
                            + " used, and a warning says so")
    private boolean relationalQueries;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask for combined date and time matching (byte 2; findscu --datetime)")
    private boolean combinedDateTimeMatching;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask for fuzzy semantic matching of person names (byte 3; findscu --fuzzy)")
    private boolean fuzzySemanticMatching;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask for timezone query adjustment (byte 4; findscu --timezone)")
    private boolean timezoneQueryAdjustment;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask for enhanced multi-frame image conversion (byte 5; findscu --multiframe)")
    private boolean enhancedMultiFrameImageConversion;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask for empty value matching (byte 6; findscu --empty-value)")
    private boolean emptyValueMatching;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "Ask for multiple value matching (byte 7; findscu --multiple-value)")
    private boolean multipleValueMatching;
    @UriParam(label = "advanced",
              description = "SOP Class Common Extended Negotiation for the model's SOP class (PS3.7 D.3.3.6): the"
                            + " service class UID, then the related general SOP class UIDs, comma separated (findscu"
                            + " --common-negotiation)")
    private String commonExtendedNegotiation;

    // ---- user identity (PS3.7 D.3.3.7): secrets from property placeholders or a vault, never in logs ----
    @UriParam(label = "security", secret = true,
              description = "User name to authenticate with (User Identity Negotiation, PS3.7 D.3.3.7; findscu --user)")
    private String username;
    @UriParam(label = "security", secret = true,
              description = "The passcode that goes with username (user identity type 2; findscu --user-pass). Give it"
                            + " as a property placeholder or vault reference, e.g. RAW({{dicom.passcode}}); it never"
                            + " appears in a log, message or the dev console")
    private String password;
    @UriParam(label = "security", enums = "username,usernameAndPasscode,kerberos,saml,jwt",
              description = "The user identity type (PS3.7 Table D.3-14). Without it: usernameAndPasscode when username"
                            + " and password are set, username when only username is, jwt when only token is")
    private String userIdentityType;
    @UriParam(label = "security", secret = true,
              description = "The Kerberos service ticket (base64), SAML assertion or JSON Web Token of userIdentityType"
                            + " (findscu --user-kerberos, --user-saml, --user-jwt); from a placeholder or a vault")
    private String token;
    @UriParam(label = "security", defaultValue = "false",
              description = "Ask the SCP to confirm the user identity (findscu --user-rsp): an SCP that does not is a"
                            + " DicomFindUserIdentityException, as is one that rejects the identity")
    private boolean userIdentityPositiveResponse;

    /** A copy for one endpoint; the key map is copied too. */
    public DicomFindConfiguration copy() {
        try {
            DicomFindConfiguration c = (DicomFindConfiguration) clone();
            c.keys = keys == null ? null : new LinkedHashMap<>(keys);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getCalledAet() {
        return calledAet;
    }

    public void setCalledAet(String calledAet) {
        this.calledAet = calledAet;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getCallingAet() {
        return callingAet;
    }

    public void setCallingAet(String callingAet) {
        this.callingAet = callingAet;
    }

    public String getQueryRetrieveLevel() {
        return queryRetrieveLevel;
    }

    public void setQueryRetrieveLevel(String queryRetrieveLevel) {
        this.queryRetrieveLevel = queryRetrieveLevel;
    }

    public Map<String, Object> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, Object> keys) {
        this.keys = keys;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public int getCancelAfter() {
        return cancelAfter;
    }

    public void setCancelAfter(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    public OutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(OutputType outputType) {
        this.outputType = outputType;
    }

    public int getResultCap() {
        return resultCap;
    }

    public void setResultCap(int resultCap) {
        this.resultCap = resultCap;
    }

    public String getSplitKey() {
        return splitKey;
    }

    public void setSplitKey(String splitKey) {
        this.splitKey = splitKey;
    }

    public String getSplitEarliest() {
        return splitEarliest;
    }

    public void setSplitEarliest(String splitEarliest) {
        this.splitEarliest = splitEarliest;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public Integer getMaxResponses() {
        return maxResponses;
    }

    public void setMaxResponses(Integer maxResponses) {
        this.maxResponses = maxResponses;
    }

    /**
     * The limit in effect: {@code maxResponses} when set; otherwise none for a StreamList producer ({@code streaming})
     * and {@link #DEFAULT_MAX_RESPONSES} for what buffers the matches.
     */
    int effectiveMaxResponses(boolean streaming) {
        if (maxResponses != null) {
            return maxResponses;
        }
        return streaming ? 0 : DEFAULT_MAX_RESPONSES;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    public void setIdempotent(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public String getIdempotentKey() {
        return idempotentKey;
    }

    public void setIdempotentKey(String idempotentKey) {
        this.idempotentKey = idempotentKey;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isChangeTracking() {
        return changeTracking;
    }

    public void setChangeTracking(boolean changeTracking) {
        this.changeTracking = changeTracking;
    }

    public String getChangeKey() {
        return changeKey;
    }

    public void setChangeKey(String changeKey) {
        this.changeKey = changeKey;
    }

    public io.dicomfind.camel.change.ChangeSnapshotStore getChangeSnapshotStore() {
        return changeSnapshotStore;
    }

    public void setChangeSnapshotStore(io.dicomfind.camel.change.ChangeSnapshotStore changeSnapshotStore) {
        this.changeSnapshotStore = changeSnapshotStore;
    }

    public String getChangeSnapshotName() {
        return changeSnapshotName;
    }

    public void setChangeSnapshotName(String changeSnapshotName) {
        this.changeSnapshotName = changeSnapshotName;
    }

    public ProposedTransferSyntaxes getProposedTransferSyntaxes() {
        return proposedTransferSyntaxes;
    }

    public void setProposedTransferSyntaxes(ProposedTransferSyntaxes proposedTransferSyntaxes) {
        this.proposedTransferSyntaxes = proposedTransferSyntaxes;
    }

    public int getDeflateLevel() {
        return deflateLevel;
    }

    public void setDeflateLevel(int deflateLevel) {
        this.deflateLevel = deflateLevel;
    }

    public boolean isEnableNewVr() {
        return enableNewVr;
    }

    public void setEnableNewVr(boolean enableNewVr) {
        this.enableNewVr = enableNewVr;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(long socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public long getAcseTimeout() {
        return acseTimeout;
    }

    public void setAcseTimeout(long acseTimeout) {
        this.acseTimeout = acseTimeout;
    }

    public long getArtimTimeout() {
        return artimTimeout;
    }

    public void setArtimTimeout(long artimTimeout) {
        this.artimTimeout = artimTimeout;
    }

    public long getDimseTimeout() {
        return dimseTimeout;
    }

    public void setDimseTimeout(long dimseTimeout) {
        this.dimseTimeout = dimseTimeout;
    }

    public int getMaxPdu() {
        return maxPdu;
    }

    public void setMaxPdu(int maxPdu) {
        this.maxPdu = maxPdu;
    }

    public boolean isAbort() {
        return abort;
    }

    public void setAbort(boolean abort) {
        this.abort = abort;
    }

    public String getFallbackCharacterSet() {
        return fallbackCharacterSet;
    }

    public void setFallbackCharacterSet(String fallbackCharacterSet) {
        this.fallbackCharacterSet = fallbackCharacterSet;
    }

    public boolean isDataCorrection() {
        return dataCorrection;
    }

    public void setDataCorrection(boolean dataCorrection) {
        this.dataCorrection = dataCorrection;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public TlsProfile getTlsProfile() {
        return tlsProfile;
    }

    public void setTlsProfile(TlsProfile tlsProfile) {
        this.tlsProfile = tlsProfile;
    }

    public boolean isRelationalQueries() {
        return relationalQueries;
    }

    public void setRelationalQueries(boolean relationalQueries) {
        this.relationalQueries = relationalQueries;
    }

    public boolean isCombinedDateTimeMatching() {
        return combinedDateTimeMatching;
    }

    public void setCombinedDateTimeMatching(boolean combinedDateTimeMatching) {
        this.combinedDateTimeMatching = combinedDateTimeMatching;
    }

    public boolean isFuzzySemanticMatching() {
        return fuzzySemanticMatching;
    }

    public void setFuzzySemanticMatching(boolean fuzzySemanticMatching) {
        this.fuzzySemanticMatching = fuzzySemanticMatching;
    }

    public boolean isTimezoneQueryAdjustment() {
        return timezoneQueryAdjustment;
    }

    public void setTimezoneQueryAdjustment(boolean timezoneQueryAdjustment) {
        this.timezoneQueryAdjustment = timezoneQueryAdjustment;
    }

    public boolean isEnhancedMultiFrameImageConversion() {
        return enhancedMultiFrameImageConversion;
    }

    public void setEnhancedMultiFrameImageConversion(boolean enhancedMultiFrameImageConversion) {
        this.enhancedMultiFrameImageConversion = enhancedMultiFrameImageConversion;
    }

    public boolean isEmptyValueMatching() {
        return emptyValueMatching;
    }

    public void setEmptyValueMatching(boolean emptyValueMatching) {
        this.emptyValueMatching = emptyValueMatching;
    }

    public boolean isMultipleValueMatching() {
        return multipleValueMatching;
    }

    public void setMultipleValueMatching(boolean multipleValueMatching) {
        this.multipleValueMatching = multipleValueMatching;
    }

    public String getCommonExtendedNegotiation() {
        return commonExtendedNegotiation;
    }

    public void setCommonExtendedNegotiation(String commonExtendedNegotiation) {
        this.commonExtendedNegotiation = commonExtendedNegotiation;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getUserIdentityType() {
        return userIdentityType;
    }

    public void setUserIdentityType(String userIdentityType) {
        this.userIdentityType = userIdentityType;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isUserIdentityPositiveResponse() {
        return userIdentityPositiveResponse;
    }

    public void setUserIdentityPositiveResponse(boolean userIdentityPositiveResponse) {
        this.userIdentityPositiveResponse = userIdentityPositiveResponse;
    }

    public String getResponseHeaders() {
        return responseHeaders;
    }

    public void setResponseHeaders(String responseHeaders) {
        this.responseHeaders = responseHeaders;
    }

    public String getResponseHeaderPrefix() {
        return responseHeaderPrefix;
    }

    public void setResponseHeaderPrefix(String responseHeaderPrefix) {
        this.responseHeaderPrefix = responseHeaderPrefix;
    }

    public boolean isProducerPoolEnabled() {
        return producerPoolEnabled;
    }

    public void setProducerPoolEnabled(boolean producerPoolEnabled) {
        this.producerPoolEnabled = producerPoolEnabled;
    }

    public int getProducerPoolMaxTotal() {
        return producerPoolMaxTotal;
    }

    public void setProducerPoolMaxTotal(int producerPoolMaxTotal) {
        this.producerPoolMaxTotal = producerPoolMaxTotal;
    }

    public int getProducerPoolMinIdle() {
        return producerPoolMinIdle;
    }

    public void setProducerPoolMinIdle(int producerPoolMinIdle) {
        this.producerPoolMinIdle = producerPoolMinIdle;
    }

    public int getProducerPoolMaxIdle() {
        return producerPoolMaxIdle;
    }

    public void setProducerPoolMaxIdle(int producerPoolMaxIdle) {
        this.producerPoolMaxIdle = producerPoolMaxIdle;
    }

    public long getProducerPoolMinEvictableIdle() {
        return producerPoolMinEvictableIdle;
    }

    public void setProducerPoolMinEvictableIdle(long producerPoolMinEvictableIdle) {
        this.producerPoolMinEvictableIdle = producerPoolMinEvictableIdle;
    }

    public boolean isProducerPoolBlockWhenExhausted() {
        return producerPoolBlockWhenExhausted;
    }

    public void setProducerPoolBlockWhenExhausted(boolean producerPoolBlockWhenExhausted) {
        this.producerPoolBlockWhenExhausted = producerPoolBlockWhenExhausted;
    }

    public long getProducerPoolMaxWait() {
        return producerPoolMaxWait;
    }

    public void setProducerPoolMaxWait(long producerPoolMaxWait) {
        this.producerPoolMaxWait = producerPoolMaxWait;
    }
}
