package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.DumpWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.OutputLimitException;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.UserIdentityRejectedException;
import io.dicomfind.dicom.net.PresentationContextResult;
import io.dicomfind.dicom.net.SplitFind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One findscu run: reads the query files, opens ONE association, sends one C-FIND per query file (or one for the
 * keys alone), each {@code --repeat} times in a row, logs and extracts the responses, then releases (or aborts).
 *
 * <p>Numbering, verified against DCMTK 3.6.7: responses are counted across the whole association, the final
 * response of each C-FIND included; the count names the extracted files ({@code rsp0001.dcm}; the final responses'
 * numbers are skipped), {@code -Xlo n} extracts the responses numbered up to n, and {@code --cancel n} cancels the
 * C-FIND during which response number n arrives.
 */
final class FindRunner {
    /** A query data set and what to call it in messages. */
    private record Query(String source, Attributes identifier, TransferSyntax fileTransferSyntax,
            Set<Sequence> fileSequences) {
    }

    private final FindscuOptions options;
    private final CliLog log;
    private final EncodeOptions encodeOptions;
    /** DCMTK's {@code -d} changes the shape of the message log, not only its amount. */
    private final boolean debug;
    private int responseCount;
    private boolean queryFailed;
    private boolean truncatedByScp;
    private boolean outputFailed;
    /** A response was shown shortened or not in full (an output limit, exit code 6). */
    private boolean outputLimited;
    private BackgroundOutput output;
    /** The response listing's writer, made at the first response shown, for the transfer syntax of its query. */
    private DumpWriter dump;
    private TransferSyntax dumpSyntax;

    /** TLS of the run ({@code +tls}/{@code +tla}); null: plain TCP. */
    private final io.dicomfind.dicom.net.tls.DicomTls tls;

    FindRunner(FindscuOptions options, CliLog log) {
        this(options, log, null);
    }

    FindRunner(FindscuOptions options, CliLog log, io.dicomfind.dicom.net.tls.DicomTls tls) {
        this.tls = tls;
        this.options = options;
        this.log = log;
        this.encodeOptions = new EncodeOptions(options.newVRs, false, options.compressionLevel);
        this.debug = log.isEnabled(LogLevel.DEBUG);
    }

    int run() {
        List<Query> queries;
        try {
            queries = loadQueries();
        } catch (UsageException e) {
            log.fatal(e.getMessage());
            return ExitCodes.COMMAND_LINE;
        }
        AssociationConfig config = config();
        if (debug) {
            log.debug(AssociateDump.request(config));
        }
        log.info("Requesting Association");
        Association association;
        try {
            association = Association.open(config);
        } catch (UserIdentityRejectedException e) {
            log.error("User Identity Rejected: " + e.getMessage());
            return ExitCodes.USER_IDENTITY;
        } catch (AssociationRejectedException e) {
            log.error("Association Rejected:");
            log.error("Result: " + AssociationText.result(e.result()) + ", Source: " + AssociationText.source(e.source()));
            log.error("Reason: " + AssociationText.reason(e.source(), e.reason()));
            return ExitCodes.ASSOCIATION;
        } catch (NoPresentationContextException e) {
            log.fatal("No Acceptable Presentation Contexts: " + e.getMessage());
            return ExitCodes.ASSOCIATION;
        } catch (IOException | RuntimeException e) {
            log.error("Association Request Failed: " + AssociationText.failure(e));
            return ExitCodes.ASSOCIATION;
        }
        String sopClass = options.model.sopClassUid();
        PresentationContextResult pc = association.acceptedContext(sopClass);
        if (pc == null) {
            log.fatal("No Acceptable Presentation Contexts (" + options.model.option() + ", SOP Class " + sopClass
                    + " not accepted by " + association.peer() + ")");
            association.abort();
            return ExitCodes.ASSOCIATION;
        }
        if (debug) {
            log.debug(AssociateDump.accepted(association));
        }
        long peerMax = association.peerMaxPduLength();
        log.info("Association Accepted (Max Send PDV: " + (peerMax == 0 ? 0 : peerMax - 12) + ")");
        NegotiationDump.verbose(association, sopClass).forEach(log::info);

        try {
            output = openOutput(sopClass);
        } catch (IOException e) {
            log.fatal("cannot create output: " + e.getMessage());
            association.abort();
            return ExitCodes.COMMAND_LINE;
        }
        try {
            for (Query q : queries) {
                for (int r = 0; r < options.repeat; r++) {
                    runQuery(association, sopClass, q, r > 0);
                }
            }
        } catch (AssociationAbortedException e) {
            log.error("Peer Aborted Association (" + e.getMessage() + ")");
            closeOutput();
            association.abort();
            return ExitCodes.ASSOCIATION;
        } catch (IOException | RuntimeException e) {
            log.error("Find SCU Failed: " + AssociationText.failure(e));
            closeOutput();
            association.abort();
            return ExitCodes.ASSOCIATION;
        } catch (OutOfMemoryError | StackOverflowError e) {
            // never a stack trace for the user: say what ran out, at which response, and how to give more
            log.fatal("Find SCU Failed: " + (e instanceof OutOfMemoryError ? "out of memory" : "stack exhausted")
                    + " at response " + responseCount + " (the JVM's -Xmx/-Xss are too small for it; set them in"
                    + " FINDSCU_JAVA_OPTS)");
            association.abort();
            closeOutput();
            return ExitCodes.ASSOCIATION;
        }
        closeOutput();
        if (options.abort) {
            log.info("Aborting Association");
            association.abort();
        } else {
            log.info("Releasing Association");
            try {
                association.release();
            } catch (IOException | RuntimeException e) {
                log.error("Association Release Failed: " + AssociationText.failure(e));
                return ExitCodes.TEARDOWN;
            }
        }
        if (queryFailed) {
            return ExitCodes.QUERY_FAILED;
        }
        if (truncatedByScp) {
            return ExitCodes.TRUNCATED_BY_SCP;
        }
        return outputFailed ? ExitCodes.OUTPUT_FAILED : outputLimited ? ExitCodes.OUTPUT_LIMITED : ExitCodes.OK;
    }

    private void runQuery(Association association, String sopClass, Query q, boolean sentBefore) throws IOException {
        if (options.resultCap != null) {
            runSplit(association, sopClass, q);
            return;
        }
        Attributes identifier = Attributes.copyOf(q.identifier());
        FindQuery query = association.find(sopClass, identifier);
        // DCMTK at -d names the message in a DIMSE dump instead of the "(MsgID n)" suffix
        if (debug) {
            log.info("Sending Find Request");
            log.debug(DimseDump.findRequest(query.presentationContextId(), query.messageId(), sopClass,
                    association.config().priority()));
        } else if (log.isEnabled(LogLevel.INFO)) { // no message built per query when quiet (--repeat)
            log.info("Sending Find Request (MsgID " + query.messageId() + ")");
        }
        if (log.isEnabled(LogLevel.INFO)) {
            log.info("Request Identifiers:");
            log.info(RequestDump.of(q.identifier(), q.fileTransferSyntax(), q.fileSequences(), sentBefore));
        }
        TransferSyntax ts = query.transferSyntax();
        FindResponse rsp;
        while ((rsp = query.nextResponse()) != null) {
            responseCount++;
            DimseStatus status = rsp.status();
            if (!rsp.isPending()) {
                if (debug) {
                    log.info("Received Final Find Response");
                    log.debug(DimseDump.findResponse(rsp));
                } else if (log.isEnabled(LogLevel.INFO)) {
                    log.info("Received Final Find Response (" + StatusText.of(status.code()) + ")");
                }
                if (status.isFailure()) {
                    queryFailed = true;
                    log.error("Find Response Failed: " + status + " (query " + q.source() + ")");
                } else if (status.category() == DimseStatus.Category.WARNING) {
                    log.warn("Find Response Warning: " + status);
                } else if (rsp.isTruncatedByScp()) {
                    truncatedByScp = true;
                    log.warn(truncationWarning(association, query.pendingCount(), q.source()));
                }
                continue;
            }
            pending(rsp, ts);
            if (options.cancelAfter != null && options.cancelAfter == responseCount && !query.isCancelRequested()) {
                log.info("Sending Cancel Request (MsgID " + query.messageId() + ", PresID "
                        + query.presentationContextId() + ")");
                query.cancel();
            }
        }
    }

    /** Logs, shows and extracts one Pending response (number {@link #responseCount}). */
    private void pending(FindResponse rsp, TransferSyntax ts) {
        boolean show = options.showResponses();
        if (debug) {
            log.info("Received Find Response " + responseCount);
            log.debug(DimseDump.findResponse(rsp));
            if (show) {
                log.debug("Response Identifiers:");
                listing(LogLevel.DEBUG, ts, rsp.identifier());
            }
        } else if (show) {
            log.write(LogLevel.INFO, "---------------------------");
            log.write(LogLevel.INFO, "Find Response: " + responseCount + " (" + StatusText.of(rsp.status().code()) + ")");
            listing(LogLevel.INFO, ts, rsp.identifier());
        } else if (log.isEnabled(LogLevel.INFO)) { // no message built per response when quiet
            log.info("Received Find Response " + responseCount + " (" + StatusText.of(rsp.status().code()) + ")");
        }
        // the identifier is decoded only if shown or written out in another form: -X copies a canonical one
        if (output != null && rsp.hasIdentifier()
                && (options.limitOutput == null || responseCount <= options.limitOutput)) {
            extract(rsp, ts);
        }
    }

    /**
     * {@code --result-cap}: the query split on a date range until each part is below the cap (issue 14 item 6,
     * {@link SplitFind}); each distinct match is shown and extracted as it arrives.
     */
    private void runSplit(Association association, String sopClass, Query q) throws IOException {
        Attributes identifier = Attributes.copyOf(q.identifier());
        io.dicomfind.dicom.net.FindInformationModel model = options.model.model();
        String key = options.splitKey != null ? options.splitKey : SplitFind.defaultSplitKey(model);
        SplitFind split = new SplitFind(association, sopClass, options.resultCap, key,
                SplitFind.uniqueKeysFor(model, identifier), options.splitEarliest, java.time.LocalDate.now());
        log.info("Sending Find Requests split on " + key + " below a result cap of " + options.resultCap);
        if (log.isEnabled(LogLevel.INFO)) {
            log.info("Request Identifiers:");
            log.info(RequestDump.of(q.identifier(), q.fileTransferSyntax(), q.fileSequences(), false));
        }
        TransferSyntax ts = association.transferSyntax(sopClass);
        long n = split.run(identifier, rsp -> {
            responseCount++;
            pending(rsp, ts);
        });
        log.info("Split query: " + split.queries() + " C-FINDs, " + n + " distinct matches (at most "
                + split.maxKeysHeld() + " keys held)");
        for (String w : split.warnings()) {
            log.warn(w);
        }
        if (!split.incompleteRanges().isEmpty()) {
            truncatedByScp = true;
            AssociationConfig c = association.config();
            log.warn("SCP " + c.calledAeTitle() + "@" + c.host() + ":" + c.port() + " still truncates "
                    + String.join(", ", split.incompleteRanges()) + ": the list is incomplete (query "
                    + q.source() + ")");
        }
    }

    /**
     * PS3.4 C.4.1.2: Cancel answers a C-CANCEL; we sent none, so the SCP stopped on its own (a result cap such as
     * Orthanc's LimitFindResults) and the list is incomplete. DCMTK findscu exits 0 here; we say so and exit 7.
     */
    private String truncationWarning(Association association, int matches, String source) {
        AssociationConfig c = association.config();
        return "SCP " + c.calledAeTitle() + "@" + c.host() + ":" + c.port() + " truncated the answer: it ended the"
                + " C-FIND with Cancel (FE00) after " + matches + " match" + (matches == 1 ? "" : "es")
                + " although no C-CANCEL was sent; the list is incomplete (query " + source + ")";
    }

    /** DCMTK shows a file in the -od directory as "dir/name", and just "name" for the default ".". */
    private String shownPath(String name) {
        String dir = options.outputDirectory.toString();
        return dir.equals(".") ? name : dir + "/" + name;
    }

    private void extract(FindResponse rsp, TransferSyntax ts) {
        String name = options.extract == ExtractMode.XML_SINGLE ? null
                : DicomFileOutput.fileName(responseCount, options.extract.extension());
        if (name != null && log.isEnabled(LogLevel.INFO)) { // no message built per response when quiet
            log.info("Writing response dataset to file: " + shownPath(name));
        }
        try {
            output.write(responseCount, name, rsp, ts);
        } catch (IOException | RuntimeException e) {
            outputFailed = true;
            log.error("cannot write response " + responseCount + (name != null ? " to " + name : "") + ": "
                    + e.getMessage());
        }
    }

    private BackgroundOutput openOutput(String sopClass) throws IOException {
        ResponseOutput target = switch (options.extract) {
            case NONE -> null;
            case XML_SINGLE -> {
                Path file = options.extractXmlSingleFile;
                log.info("Writing all response datasets to file: "
                        + (file.isAbsolute() ? file.toString() : shownPath(file.toString())));
                yield Outputs.open(options);
            }
            case DICOM -> new DicomFileOutput(options.outputDirectory, sopClass, options.callingAeTitle,
                    encodeOptions);
            default -> Outputs.open(options);
        };
        // files are written on threads of their own while the next responses arrive; a file per response: two
        // writers, as creating a file in a directory of 100,000 costs more than receiving its response
        // (docs/performance.md); -Xs appends to one document, in order: one writer
        return target == null ? null : new BackgroundOutput(target, log,
                options.extract == ExtractMode.XML_SINGLE ? 1 : 2);
    }

    private void closeOutput() {
        if (output != null) {
            try {
                output.close();
            } catch (IOException e) {
                outputFailed = true;
                log.error("cannot complete output: " + e.getMessage());
            }
            output = null;
        }
    }

    /** Reads every query file before connecting, so that a bad file costs no association (exit 1). */
    private List<Query> loadQueries() throws UsageException {
        List<Query> queries = new ArrayList<>();
        DataCorrection correction = options.dataCorrection ? new DataCorrection(log) : null;
        if (options.queryFiles.isEmpty()) {
            // -M NAME: the model's usual keys first (its level, return keys), then -k; -W -P -S -O as DCMTK: none
            Attributes ds = options.model.named() && options.model.model() != null
                    ? options.model.model().defaultIdentifier() : new Attributes();
            applyKeys(ds);
            checkLevel(ds, "(keys)");
            queries.add(new Query("(keys)", ds, null, Set.of()));
            return queries;
        }
        for (Path file : options.queryFiles) {
            Part10.File f;
            try {
                f = Part10.read(file, DecodeLimits.DEFAULT);
            } catch (IOException | RuntimeException e) {
                throw new UsageException("Bad DICOM file: " + file + ": " + e.getMessage());
            }
            Attributes ds = f.dataSet();
            if (correction != null) {
                correction.apply(ds, file.toString());
            }
            Set<Sequence> fileSequences = RequestDump.sequencesOf(ds);
            applyKeys(ds);
            checkLevel(ds, file.toString());
            queries.add(new Query(file.toString(), ds, f.transferSyntax(), fileSequences));
        }
        return queries;
    }

    /** -M only: the model's Query/Retrieve Level rule (sent anyway: the SCP decides, as DCMTK lets it). */
    private void checkLevel(Attributes ds, String source) {
        if (options.model.named() && options.model.model() != null) {
            String problem = options.model.model().levelProblem(ds);
            if (problem != null) {
                log.warn(problem + " (query " + source + ")");
            }
        }
    }

    private void applyKeys(Attributes ds) {
        for (QueryKey k : options.keys) {
            k.applyTo(ds);
        }
    }

    private AssociationConfig config() {
        AssociationConfig.Builder b = AssociationConfig.builder(options.peer, options.port)
                .callingAeTitle(options.callingAeTitle)
                .calledAeTitle(options.calledAeTitle)
                .abstractSyntaxes(options.model.sopClassUid())
                .proposal(options.proposal)
                .deflateLevel(options.compressionLevel)
                .newVRs(options.newVRs)
                .maxPduLength(options.maxPdu)
                .socketTimeout(Duration.ofSeconds(options.socketTimeoutSeconds))
                .acseTimeout(Duration.ofSeconds(options.acseTimeoutSeconds));
        if (tls != null) {
            b.socketFactory(tls.socketFactory());
        }
        if (options.connectTimeoutSeconds != null) {
            b.connectTimeout(Duration.ofSeconds(options.connectTimeoutSeconds));
        }
        if (options.dimseTimeoutSeconds != null) {
            b.dimseTimeout(Duration.ofSeconds(options.dimseTimeoutSeconds));
        }
        NegotiationArguments n = options.negotiation;
        b.queryOptions(n.queryOptions).userIdentity(n.userIdentity)
                .commonExtendedNegotiations(n.commonExtendedNegotiations(options.model.sopClassUid()));
        return b.build();
    }

    /**
     * Logs the dump of a response identifier, one log event per line (as DCMTK's findscu), between empty lines;
     * formatted only when shown (formatting is most of a quiet run's cost, and a dump needs the data dictionary,
     * which a quiet run never loads). Responses are shown as received: padding kept, each sequence with the length
     * encoding the peer chose, values up to {@code --max-print-length} characters.
     */
    private void listing(LogLevel level, TransferSyntax ts, Attributes id) {
        if (dump == null || dumpSyntax != ts) {
            dump = new DumpWriter(ts).showPadding(true).shortenLongValues(options.printShort)
                    .maxValueLength(options.maxPrintLength)
                    .sequenceLengths(DumpWriter.SequenceLengths.AS_RECEIVED);
            dumpSyntax = ts;
        }
        CliLog.Lines lines = log.lines(level);
        lines.line("");
        if (id == null) {
            lines.flush();
            return;
        }
        try {
            DumpWriter.Shortened s = dump.write(id, lines);
            lines.line("");
            lines.flush();
            if (s != null) {
                outputLimited = true;
                log.warn("Find Response " + responseCount + ": " + s.count() + " value(s) shown shortened to "
                        + s.limit() + " characters, the first in " + s.firstElement()
                        + " (--max-print-length; +L prints values completely)");
            }
        } catch (OutputLimitException e) {
            lines.flush();
            outputLimited = true;
            log.error("Find Response " + responseCount + " not shown in full: " + e.getMessage());
        }
    }
}
