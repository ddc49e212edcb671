package io.dicomfind.camel;

import io.dicomfind.dicom.net.DimseStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a component or an endpoint did on the network, for the dev console, the health check and tests: associations
 * open now and in total, C-FINDs run, responses read, and the last final status or error. An endpoint's activity also
 * counts into its component's ({@link #parent}). Thread-safe.
 */
public final class FindActivity {
    private final FindActivity parent;
    private final AtomicInteger openAssociations = new AtomicInteger();
    private final AtomicLong associationsOpened = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private volatile DimseStatus lastStatus; // in words only when asked: toString() per C-FIND showed in profiles
    private volatile String lastError;
    private volatile Instant lastActivity;
    private volatile String lastNegotiation;

    FindActivity(FindActivity parent) {
        this.parent = parent;
    }

    void associationOpened() {
        openAssociations.incrementAndGet();
        associationsOpened.incrementAndGet();
        touch();
        if (parent != null) {
            parent.associationOpened();
        }
    }

    void associationClosed() {
        openAssociations.decrementAndGet();
        if (parent != null) {
            parent.associationClosed();
        }
    }

    void queryStarted() {
        queries.incrementAndGet();
        if (parent != null) {
            parent.queryStarted();
        }
    }

    void responseRead() {
        responses.incrementAndGet();
        if (parent != null) {
            parent.responseRead();
        }
    }

    void echoed() {
        echoes.incrementAndGet();
        if (parent != null) {
            parent.echoed();
        }
    }

    void finished(DimseStatus status) {
        lastStatus = status;
        if (status.isFailure()) {
            failures.incrementAndGet();
        }
        touch();
        if (parent != null) {
            parent.finished(status);
        }
    }

    void failed(Throwable error) {
        lastError = error.getMessage();
        failures.incrementAndGet();
        touch();
        if (parent != null) {
            parent.failed(error);
        }
    }

    /** What the last association accepted beyond presentation contexts, in words without secrets. */
    void negotiated(String description) {
        lastNegotiation = description;
        if (parent != null) {
            parent.negotiated(description);
        }
    }

    /** E.g. "accepted relationalQueries; user identity user name for 'alice' confirmed"; null if none asked. */
    public String getLastNegotiation() {
        return lastNegotiation;
    }

    private void touch() {
        lastActivity = Instant.now();
    }

    /** Associations open right now (0 when idle: every path out closes them). */
    public int getOpenAssociations() {
        return openAssociations.get();
    }

    public long getAssociationsOpened() {
        return associationsOpened.get();
    }

    /** C-FIND requests sent. */
    public long getQueries() {
        return queries.get();
    }

    /** Pending C-FIND responses read. */
    public long getResponses() {
        return responses.get();
    }

    /** Failure final statuses and association errors. */
    public long getFailures() {
        return failures.get();
    }

    public long getEchoes() {
        return echoes.get();
    }

    /** The last final status, e.g. "0000H Success"; null before the first C-FIND ended. */
    public String getLastStatus() {
        DimseStatus s = lastStatus;
        return s == null ? null : s.toString();
    }

    /** The message of the last association error; null if none. */
    public String getLastError() {
        return lastError;
    }

    public Instant getLastActivity() {
        return lastActivity;
    }

    /** The figures as a map (dev console JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("openAssociations", getOpenAssociations());
        m.put("associationsOpened", getAssociationsOpened());
        m.put("queries", getQueries());
        m.put("responses", getResponses());
        m.put("failures", getFailures());
        m.put("echoes", getEchoes());
        String status = getLastStatus();
        if (status != null) {
            m.put("lastStatus", status);
        }
        if (lastError != null) {
            m.put("lastError", lastError);
        }
        if (lastActivity != null) {
            m.put("lastActivity", lastActivity.toString());
        }
        if (lastNegotiation != null) {
            m.put("lastNegotiation", lastNegotiation);
        }
        return m;
    }
}
