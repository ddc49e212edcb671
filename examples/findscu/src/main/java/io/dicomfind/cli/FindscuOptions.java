package io.dicomfind.cli;

import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line: plain values, defaults as findscu documents them, no behaviour. Built by
 * {@link CommandLineParser}, read by {@link FindRunner}; unit-testable without a network.
 * Null for a number means "not given" (findscu's "unlimited" / "never").
 */
final class FindscuOptions {
    /** What the invocation asks for besides a query: {@code --help}, {@code --version}, {@code +cc}. */
    enum Action { QUERY, HELP, VERSION, LIST_CIPHERS }

    Action action = Action.QUERY;
    /** The arguments after {@code @file} expansion, for {@code --arguments}. */
    List<String> expandedArguments = new ArrayList<>();
    boolean printArguments;

    // logging
    LogLevel logLevel = LogLevel.WARN;
    Path logConfig;

    // network
    List<String> keySpecs = new ArrayList<>();
    List<QueryKey> keys = new ArrayList<>();
    InformationModel model = InformationModel.WORKLIST;
    String callingAeTitle = "FINDSCU";
    String calledAeTitle = "ANY-SCP";
    boolean newVRs = true;
    TransferSyntaxProposal proposal = TransferSyntaxProposal.UNCOMPRESSED;
    int compressionLevel = 6;
    Integer connectTimeoutSeconds;
    int socketTimeoutSeconds = 60;
    int acseTimeoutSeconds = 30;
    Integer dimseTimeoutSeconds;
    int maxPdu = 16384;
    int repeat = 1;
    boolean abort;
    Integer cancelAfter;
    /** --result-cap N: split the query below N matches (issue 14 item 6); null: off. */
    Integer resultCap;
    /** --split-key: the date key to split on; null: the model's default. */
    String splitKey;
    /** --split-earliest: where an open or missing range starts. */
    java.time.LocalDate splitEarliest = java.time.LocalDate.of(1900, 1, 1);

    /** Extended negotiation and user identity: our additions, spelled as dcm4che's findscu. */
    final NegotiationArguments negotiation = new NegotiationArguments();

    // TLS: parsed completely so that command lines written for findscu are understood, then refused (not supported)
    final TlsOptions tls = new TlsOptions();

    // output
    Path outputDirectory = Path.of(".");
    boolean dataCorrection;
    /** {@code +sr} true, {@code -sr} false, null: findscu's default (show unless extracting or quiet). */
    Boolean showResponsesOption;
    ExtractMode extract = ExtractMode.NONE;
    Path extractXmlSingleFile;
    Integer limitOutput;
    /** {@code -L}: response values shortened to 70 columns, as dcmdump's default; false: {@code +L} or default. */
    boolean printShort;
    /** {@code --max-print-length}: most characters of a value in the response listing; 0 ({@code +L}): no cap. */
    int maxPrintLength = io.dicomfind.dicom.io.DumpWriter.DEFAULT_MAX_VALUE_LENGTH;

    // parameters
    String peer;
    int port;
    List<Path> queryFiles = new ArrayList<>();

    /** findscu's rule: responses go to the logger unless hidden, extracted, or quiet; {@code +sr} forces them. */
    boolean showResponses() {
        if (showResponsesOption != null) {
            return showResponsesOption;
        }
        return extract == ExtractMode.NONE && logLevel.compareTo(LogLevel.FATAL) < 0;
    }

    /** TLS settings as findscu's {@code +tls ...} options give them. */
    static final class TlsOptions {
        enum Mode { NONE, AUTHENTICATED, ANONYMOUS }

        Mode mode = Mode.NONE;
        String privateKeyFile;
        String certificateFile;
        /** {@code +ps} (null: prompt), {@code +pw p}, {@code -pw} (empty). */
        String password;
        boolean passwordPrompt = true;
        boolean derKeys;
        List<String> certificateFiles = new ArrayList<>();
        List<String> certificateDirectories = new ArrayList<>();
        List<String> crlFiles = new ArrayList<>();
        /** none, leaf ({@code +crv}) or all ({@code +cra}). */
        String crlVerification = "none";
        String profile = "--profile-8996";
        List<String> ciphers = new ArrayList<>();
        String serverName;
        String seedFile;
        boolean writeSeed;
        String writeSeedFile;
        boolean requirePeerCertificate = true;

        boolean enabled() {
            return mode != Mode.NONE;
        }
    }
}
