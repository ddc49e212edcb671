package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedList;
import java.util.Queue;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * Runs the endpoint's C-FIND on every poll and routes one exchange per match, with the batch properties
 * (CamelBatchIndex, CamelBatchSize, CamelBatchComplete). The association is released before the batch is routed, so
 * a slow route never holds it open. {@code maxMessagesPerPoll} cancels the C-FIND once that many new matches arrived.
 */
public class DicomFindConsumer extends ScheduledBatchPollingConsumer {
    private static final String IDEMPOTENT_KEY = "CamelDicomFindIdempotentKey";
    private static final String CHANGE = "CamelDicomFindChange";

    private Expression idempotentKey;
    private ChangeTracker changes;
    private volatile boolean lastPollComplete;

    public DicomFindConsumer(DicomFindEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /**
     * Whether the last poll got the SCP's whole answer (see {@link DicomFindConstants#COMPLETE}): false after the SCP
     * truncated it (an unsolicited Cancel), after maxMessagesPerPoll cancelled it, and before the first poll ended.
     */
    public boolean isLastPollComplete() {
        return lastPollComplete;
    }

    @Override
    public DicomFindEndpoint getEndpoint() {
        return (DicomFindEndpoint) super.getEndpoint();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        DicomFindConfiguration config = getEndpoint().getConfiguration();
        setMaxMessagesPerPoll(config.getMaxMessagesPerPoll());
        if (config.isIdempotent() && config.getIdempotentKey() != null) {
            idempotentKey = getEndpoint().getCamelContext().resolveLanguage("simple")
                    .createExpression(config.getIdempotentKey());
            idempotentKey.init(getEndpoint().getCamelContext());
        }
        if (config.isChangeTracking()) {
            changes = ChangeTracker.of(getEndpoint());
        }
    }

    @Override
    protected int poll() throws Exception {
        DicomFindEndpoint endpoint = getEndpoint();
        IdempotentRepository repository = endpoint.idempotentRepository();
        Exchange template = createExchange(false);
        FindRequest request;
        try {
            request = endpoint.requestFactory().forPoll(template);
        } finally {
            releaseExchange(template, false);
        }
        if (changes != null) {
            return pollChanges(request);
        }
        Queue<Exchange> batch = new LinkedList<>();
        Set<String> keysInPoll = new HashSet<>();
        MessageDigest digest = repository != null && idempotentKey == null ? sha256() : null;
        int max = getMaxMessagesPerPoll();
        FindRun run = endpoint.startRun(request);
        run.stopWhen(this::isStoppingPoll); // e.g. leadership lost: PS3.7 9.3.2.3 C-CANCEL
        try (run) {
            while (run.hasNext()) {
                Attributes identifier = run.next();
                Exchange exchange = createExchange(false);
                Message in = exchange.getMessage();
                in.setBody(identifier);
                in.setHeader(DicomFindConstants.RESPONSE_INDEX, run.responseCount());
                DicomFindProducer.setQueryHeaders(in, run);
                endpoint.responseHeaders().applyTo(in, identifier);
                if (repository != null) {
                    String key = keyOf(exchange, identifier, digest);
                    if (key != null && (!keysInPoll.add(key) || repository.contains(key))) {
                        releaseExchange(exchange, false); // seen before
                        continue;
                    }
                    if (key != null) {
                        exchange.setProperty(IDEMPOTENT_KEY, key);
                    }
                }
                batch.add(exchange);
                if (max > 0 && batch.size() >= max) {
                    run.cancel(); // PS3.7 9.3.2.3: the rest is not needed in this poll
                }
            }
        } catch (RuntimeException e) {
            releaseAll(batch);
            throw e;
        }
        // false after an unsolicited Cancel (FindRun logged it) or our own: this poll is not the SCP's full list
        lastPollComplete = run.complete();
        for (Exchange exchange : batch) {
            DicomFindProducer.setResultHeaders(exchange.getMessage(), run);
        }
        return processBatch(new ArrayDeque<>(batch));
    }

    /**
     * changeTracking: the whole C-FIND is read (maxMessagesPerPoll does not cancel it, since an unfinished answer
     * cannot tell what was removed); up to maxMessagesPerPoll changes are routed, the rest come with the next poll.
     */
    private int pollChanges(FindRequest request) throws Exception {
        ChangeTracker.Poll poll = changes.begin(request.identifier());
        FindRun run = getEndpoint().startRun(request);
        run.stopWhen(this::isStoppingPoll); // e.g. leadership lost: PS3.7 9.3.2.3 C-CANCEL
        try (run) {
            while (run.hasNext()) {
                poll.match(run.next());
            }
        }
        Queue<Object> batch = new ArrayDeque<>();
        int max = getMaxMessagesPerPoll();
        for (ChangeTracker.Change change : poll.complete(run.finalStatus())) {
            if (max > 0 && batch.size() >= max) {
                break;
            }
            Exchange exchange = createExchange(false);
            Message in = exchange.getMessage();
            in.setBody(change.identifier());
            ChangeTracker.setHeaders(in, change);
            DicomFindProducer.setQueryHeaders(in, run);
            DicomFindProducer.setResultHeaders(in, run);
            exchange.setProperty(CHANGE, change);
            exchange.setProperty(DicomFindConstants.SNAPSHOT_ITEM, change.recorded());
            batch.add(exchange);
        }
        try {
            return processBatch(batch);
        } finally {
            changes.flush();
        }
    }

    /**
     * The route is being stopped or suspended: Camel's shutdown strategy suspends a polling consumer first and
     * waits for the running poll, so a poll that only looked at isRunAllowed() would read the C-FIND to its end.
     */
    private boolean isStoppingPoll() {
        return !isRunAllowed() || isSuspendingOrSuspended();
    }

    private void releaseAll(Queue<Exchange> batch) {
        for (Exchange e : batch) {
            releaseExchange(e, false);
        }
    }

    private String keyOf(Exchange exchange, Attributes identifier, MessageDigest digest) throws Exception {
        if (idempotentKey != null) {
            return idempotentKey.evaluate(exchange, String.class);
        }
        // Default: the identifier itself, so that the same match is routed once while a changed one is new.
        return defaultKey(identifier, digest);
    }

    /**
     * SHA-256 of the identifier encoded in Explicit VR Little Endian (PS3.5 A.2): every element, including those
     * inside sequence items (e.g. Modality or the start time in a Scheduled Procedure Step), so that a changed
     * worklist entry gets a new key. A value too long for an explicit VR 16-bit length field is hashed in Implicit VR
     * Little Endian instead (PS3.5 A.1), which has no such limit.
     */
    static String defaultKey(Attributes identifier, MessageDigest digest) throws IOException {
        digest.reset();
        try {
            encodeInto(identifier, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, digest);
        } catch (IOException e) {
            digest.reset();
            encodeInto(identifier, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, digest);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void encodeInto(Attributes identifier, TransferSyntax ts, MessageDigest digest)
            throws IOException {
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            DataSetWriter.write(identifier, ts, EncodeOptions.DEFAULT, out);
        }
    }

    /** One digest per poll: a MessageDigest is not thread-safe, and looking one up per match is wasted work. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int processed = 0;
        IdempotentRepository repository = getEndpoint().idempotentRepository();
        for (int index = 0; index < total; index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            if (!isBatchAllowed()) {
                releaseExchange(exchange, false); // stopping: the rest is found again next time
                continue;
            }
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            String key = exchange.getProperty(IDEMPOTENT_KEY, String.class);
            if (key != null && !repository.add(key)) {
                releaseExchange(exchange, false); // another consumer on the same repository took it meanwhile
                continue;
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                if (key != null) {
                    repository.remove(key); // not done: route it again on the next poll
                }
                getExceptionHandler().handleException("Error processing C-FIND match", exchange,
                        exchange.getException());
            } else if (key != null) {
                repository.confirm(key);
            }
            if (exchange.getException() == null && changes != null) {
                changes.recorded(exchange.getProperty(CHANGE, ChangeTracker.Change.class)); // reported: once
            }
            releaseExchange(exchange, false);
            processed++;
        }
        pendingExchanges = 0;
        return processed;
    }
}
