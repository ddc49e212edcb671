package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory SCP behind the {@link FindService} seam: it answers every C-FIND with the scripted matches and final
 * status, honours C-CANCEL (after {@link #inFlightAfterCancel} more Pendings it ends with FE00), and counts what the
 * Camel side did: associations opened and closed, C-CANCELs, cursor closes, responses read.
 */
final class FakeFindService implements FindService {
    final List<Attributes> matches = new CopyOnWriteArrayList<>();
    volatile int pendingStatus = DimseStatus.PENDING;
    volatile DimseStatus finalStatus = DimseStatus.of(DimseStatus.SUCCESS);
    volatile int inFlightAfterCancel;
    volatile IOException openFailure;

    final List<FindSettings> settings = new CopyOnWriteArrayList<>();
    final List<Attributes> identifiers = new CopyOnWriteArrayList<>();
    final List<Priority> priorities = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger sessionsClosed = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    final AtomicInteger cursorCloses = new AtomicInteger();
    final AtomicInteger responsesRead = new AtomicInteger();
    final AtomicInteger echoes = new AtomicInteger();

    FakeFindService matches(Attributes... ids) {
        matches.clear();
        matches.addAll(List.of(ids));
        return this;
    }

    /** Associations opened and not yet closed: must be 0 after every test. */
    int openAssociations() {
        return opened.get() - sessionsClosed.get();
    }

    static Attributes patient(String name, String id) {
        Attributes a = new Attributes();
        a.setString(io.dicomfind.dicom.data.Tag.PatientName, io.dicomfind.dicom.data.VR.PN, name);
        a.setString(io.dicomfind.dicom.data.Tag.PatientID, io.dicomfind.dicom.data.VR.LO, id);
        return a;
    }

    static Attributes[] patients(int n) {
        Attributes[] out = new Attributes[n];
        for (int i = 0; i < n; i++) {
            out[i] = patient("DOE^P" + (i + 1), "ID" + (i + 1));
        }
        return out;
    }

    @Override
    public FindSession open(FindSettings s) throws IOException {
        if (openFailure != null) {
            throw openFailure;
        }
        settings.add(s);
        opened.incrementAndGet();
        return new Session();
    }

    @Override
    public DimseStatus echo(FindSettings s) {
        echoes.incrementAndGet();
        return DimseStatus.of(DimseStatus.SUCCESS);
    }

    private final class Session implements FindSession {
        private boolean closed;
        private int messageId;

        @Override
        public FindCursor find(String sopClassUid, Attributes identifier, Priority priority) {
            identifiers.add(Attributes.copyOf(identifier));
            priorities.add(priority);
            return new Cursor(++messageId, new ArrayList<>(matches));
        }

        @Override
        public void close() {
            if (closed) {
                throw new IllegalStateException("association closed twice");
            }
            closed = true;
            sessionsClosed.incrementAndGet();
        }
    }

    private final class Cursor implements FindCursor {
        private final int messageId;
        private final List<Attributes> script;
        private int next;
        private int index;
        private boolean cancelled;
        private int afterCancel;
        private boolean finished;
        private boolean closed;

        Cursor(int messageId, List<Attributes> script) {
            this.messageId = messageId;
            this.script = script;
        }

        @Override
        public FindResponse next() {
            if (finished) {
                return null;
            }
            responsesRead.incrementAndGet();
            index++;
            boolean more = next < script.size() && (!cancelled || afterCancel++ < inFlightAfterCancel);
            if (more) {
                return new FindResponse(messageId, DimseStatus.of(pendingStatus), Attributes.copyOf(script.get(next++)),
                        null, index);
            }
            finished = true;
            return new FindResponse(messageId, cancelled && next < script.size()
                    ? DimseStatus.of(DimseStatus.CANCEL) : finalStatus, null, null, index);
        }

        @Override
        public void cancel() {
            if (finished || cancelled) {
                return;
            }
            cancelled = true;
            cancels.incrementAndGet();
        }

        @Override
        public int messageId() {
            return messageId;
        }

        @Override
        public String transferSyntaxUid() {
            return "1.2.840.10008.1.2.1";
        }

        @Override
        public void close() {
            if (closed) {
                throw new IllegalStateException("cursor closed twice");
            }
            closed = true;
            cursorCloses.incrementAndGet();
            if (!finished) {
                cancel();
                while (next() != null) {
                    // drain to the final response, as the network layer does
                }
            }
        }
    }
}
