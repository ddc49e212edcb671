package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.SplitFind;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The producer with {@code resultCap} (issue 14 item 6): the query split on a date range by the core's
 * {@link SplitFind} on one association, the distinct matches collected as a SelectList body.
 */
final class SplitQuery {
    private final DicomFindEndpoint endpoint;

    SplitQuery(DicomFindEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void process(Exchange exchange, FindRequest request) throws IOException {
        DicomFindConfiguration c = endpoint.getConfiguration();
        if (c.getOutputType() != OutputType.SelectList) {
            throw new IllegalArgumentException("dicomfind: resultCap needs outputType=SelectList, not "
                    + c.getOutputType());
        }
        LocalDate earliest = LocalDate.parse(c.getSplitEarliest(), DateTimeFormatter.BASIC_ISO_DATE);
        FindSettings s = request.settings();
        List<Attributes> matches = new ArrayList<>();
        SplitFind split;
        long started = System.nanoTime();
        try (FindSession session = endpoint.getComponent().getOrCreateFindService().open(s)) {
            split = session.split(s.sopClassUid(), request.identifier(), c.getResultCap(), c.getSplitKey(), earliest,
                    r -> matches.add(r.identifier()));
        } catch (IOException e) {
            throw DicomFindAssociationException.of(s.peer(), "C-FIND", e);
        }
        Message out = exchange.getMessage();
        List<String> warnings = new ArrayList<>(split.warnings());
        for (String range : split.incompleteRanges()) {
            warnings.add("the SCP still truncates " + range);
        }
        boolean complete = split.incompleteRanges().isEmpty();
        out.setHeader(DicomFindConstants.SOP_CLASS_UID, s.sopClassUid());
        out.setHeader(DicomFindConstants.RESPONSE_COUNT, matches.size());
        out.setHeader(DicomFindConstants.WARNINGS, warnings);
        out.setHeader(DicomFindConstants.ELAPSED, (System.nanoTime() - started) / 1_000_000);
        out.setHeader(DicomFindConstants.TRUNCATED, false);
        out.setHeader(DicomFindConstants.TRUNCATED_BY_SCP, !complete);
        out.setHeader(DicomFindConstants.COMPLETE, complete);
        out.setBody(matches);
    }
}
