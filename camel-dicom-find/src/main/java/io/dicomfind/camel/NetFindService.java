package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.Priority;
import io.dicomfind.dicom.net.SopClasses;
import java.io.IOException;

/**
 * The {@link FindService} of the component: a thin adapter over {@link Association} and {@link FindQuery} of
 * {@code io.dicomfind.dicom.net}. Every option was already mapped into the {@link FindSettings#association()} config
 * by the endpoint; what is left here is findscu's {@code --abort} choice when a session ends.
 */
public final class NetFindService implements FindService {

    @Override
    public FindSession open(FindSettings settings) throws IOException {
        return new Session(Association.open(settings.association()), settings.abort());
    }

    /** Proposes Verification only (PS3.4 A.4), so that a peer that supports no FIND still answers the echo. */
    @Override
    public DimseStatus echo(FindSettings settings) throws IOException {
        try (Association as = Association.open(settings.association().toBuilder()
                .abstractSyntaxes(SopClasses.VERIFICATION).build())) {
            return as.echo();
        }
    }

    private static final class Session implements FindSession {
        private final Association association;
        private final boolean abort;

        Session(Association association, boolean abort) {
            this.association = association;
            this.abort = abort;
        }

        @Override
        public FindCursor find(String sopClassUid, Attributes identifier, Priority priority) throws IOException {
            return new Cursor(association.find(sopClassUid, identifier, priority));
        }

        @Override
        public boolean isReusable() {
            return association.checkIdle();
        }

        @Override
        public io.dicomfind.dicom.net.SplitFind split(String sopClassUid, Attributes identifier, int cap,
                String splitKey, java.time.LocalDate earliest,
                java.util.function.Consumer<FindResponse> sink) throws IOException {
            io.dicomfind.dicom.net.FindInformationModel m =
                    io.dicomfind.dicom.net.FindInformationModel.forSopClass(sopClassUid);
            io.dicomfind.dicom.net.SplitFind split = new io.dicomfind.dicom.net.SplitFind(association, sopClassUid,
                    cap, splitKey != null ? splitKey : io.dicomfind.dicom.net.SplitFind.defaultSplitKey(m),
                    io.dicomfind.dicom.net.SplitFind.uniqueKeysFor(m, identifier), earliest,
                    java.time.LocalDate.now());
            split.run(identifier, sink);
            return split;
        }

        @Override
        public void close() throws IOException {
            if (abort) {
                // findscu --abort: A-ABORT ends an unfinished C-FIND too (PS3.8 7.3), no C-CANCEL needed
                association.abort();
            } else {
                association.close(); // cancels and drains an unfinished C-FIND, then A-RELEASE
            }
        }

        @Override
        public io.dicomfind.dicom.net.NegotiatedOptions negotiatedOptions() {
            return association.negotiatedOptions();
        }

        @Override
        public String toString() {
            return "association with " + association.peer();
        }
    }

    private record Cursor(FindQuery query) implements FindCursor {
        @Override
        public FindResponse next() throws IOException {
            return query.nextResponse();
        }

        @Override
        public void cancel() throws IOException {
            query.cancel();
        }

        @Override
        public int messageId() {
            return query.messageId();
        }

        @Override
        public String transferSyntaxUid() {
            return query.transferSyntax().uid();
        }

        @Override
        public void close() throws IOException {
            query.close();
        }
    }
}
