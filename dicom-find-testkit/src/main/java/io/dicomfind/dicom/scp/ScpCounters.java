package io.dicomfind.dicom.scp;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of an {@link EmbeddedFindScp}, for tests to assert on. Thread safe. */
public final class ScpCounters {
    final AtomicLong open = new AtomicLong();
    final AtomicLong total = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong released = new AtomicLong();
    final AtomicLong aborted = new AtomicLong();
    final AtomicLong queries = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    final AtomicLong cancels = new AtomicLong();
    final AtomicLong echoes = new AtomicLong();

    ScpCounters() {
    }

    /** Associations accepted and not yet ended. */
    public long openAssociations() {
        return open.get();
    }

    /** Associations accepted since start. */
    public long totalAssociations() {
        return total.get();
    }

    /** A-ASSOCIATE-RQs answered with A-ASSOCIATE-RJ. */
    public long rejectedAssociations() {
        return rejected.get();
    }

    /** Associations ended by A-RELEASE. */
    public long releasedAssociations() {
        return released.get();
    }

    /** Associations ended by an A-ABORT (either side) or a lost connection. */
    public long abortedAssociations() {
        return aborted.get();
    }

    /** C-FIND-RQs received. */
    public long queries() {
        return queries.get();
    }

    /** Pending C-FIND-RSPs sent (one per match). */
    public long pendingResponses() {
        return pending.get();
    }

    /** C-FINDs ended by a C-CANCEL (final status FE00). */
    public long cancels() {
        return cancels.get();
    }

    /** C-ECHOs answered. */
    public long echoes() {
        return echoes.get();
    }

    @Override
    public String toString() {
        return "associations " + open + " open / " + total + " total (" + rejected + " rejected, " + released
                + " released, " + aborted + " aborted), queries " + queries + ", pending responses " + pending
                + ", cancels " + cancels + ", echoes " + echoes;
    }
}
