package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.net.Priority;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Builds the C-FIND for an exchange or a poll. Keys are applied from the weakest source to the strongest: the
 * endpoint's queryRetrieveLevel, the endpoint's {@code key.*} options, the body, the {@code CamelDicomFindKeys} and
 * {@code CamelDicomFindKey.*} headers, and last the {@code CamelDicomFindQueryRetrieveLevel} header.
 */
final class FindRequestFactory {
    /** Messages name a CamelDicomFindKey.* header's key as "header CamelDicomFindKey.PatientID". */
    private static final String KEY_HEADERS = "header " + DicomFindConstants.KEY_PREFIX.substring(0,
            DicomFindConstants.KEY_PREFIX.length() - 1);

    private final DicomFindConfiguration config;
    private final QueryKeyTemplate keys;
    private final FindSettings baseSettings;
    private final FindSettings pollSettings;
    private final QueryBodyReader bodyReader = new QueryBodyReader(DecodeLimits.DEFAULT);

    /**
     * @param baseSettings for producer exchanges (their maxResponses follows the outputType)
     * @param pollSettings for consumer polls, which hold a poll's matches before routing them
     */
    FindRequestFactory(DicomFindConfiguration config, QueryKeyTemplate keys, FindSettings baseSettings,
            FindSettings pollSettings) {
        this.config = config;
        this.keys = keys;
        this.baseSettings = baseSettings;
        this.pollSettings = pollSettings;
    }

    /** A consumer poll: endpoint options only, with Simple expressions evaluated against {@code exchange}. */
    FindRequest forPoll(Exchange exchange) {
        Attributes identifier = endpointKeys(exchange);
        return new FindRequest(pollSettings, identifier, config.getPriority(), 0, config.getCancelAfter());
    }

    /** A producer exchange: endpoint options, then the body, then the headers. */
    FindRequest forExchange(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Attributes identifier = endpointKeys(exchange);
        Identifiers.overlay(identifier, bodyReader.read(in.getBody()));
        applyHeaderKeys(in, identifier);
        String level = in.getHeader(DicomFindConstants.QUERY_RETRIEVE_LEVEL, String.class);
        if (level != null) {
            identifier.setString(Tag.QueryRetrieveLevel, VR.CS, level.trim().toUpperCase(Locale.ROOT));
        }
        String model = in.getHeader(DicomFindConstants.MODEL, String.class);
        String calledAet = in.getHeader(DicomFindConstants.CALLED_AET, String.class);
        FindSettings settings = baseSettings;
        if (model != null || calledAet != null) {
            settings = settings.with(calledAet != null ? calledAet : settings.calledAeTitle(),
                    model != null ? Model.sopClassUidOf(model) : settings.sopClassUid());
        }
        Priority priority = in.getHeader(DicomFindConstants.PRIORITY, config.getPriority(), Priority.class);
        int maxResults = in.getHeader(DicomFindConstants.MAX_RESULTS, config.getMaxResults(), Integer.class);
        if (config.isDataCorrection()) {
            IdentifierCorrection.apply(identifier); // +dc: e.g. a Part-10 body with group lengths or UN elements
        }
        return new FindRequest(settings, identifier, priority, maxResults, config.getCancelAfter());
    }

    private Attributes endpointKeys(Exchange exchange) {
        Attributes identifier = new Attributes();
        if (config.getQueryRetrieveLevel() != null) {
            identifier.setString(Tag.QueryRetrieveLevel, VR.CS, config.getQueryRetrieveLevel());
        }
        keys.applyTo(identifier, exchange);
        return identifier;
    }

    private static void applyHeaderKeys(Message in, Attributes identifier) {
        Object keys = in.getHeader(DicomFindConstants.KEYS);
        if (keys instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                QueryBodyReader.applyValue(String.valueOf(e.getKey()), e.getValue(), identifier,
                        "header " + DicomFindConstants.KEYS);
            }
        } else if (keys instanceof Collection<?> c) {
            for (Object spec : c) {
                QueryBodyReader.applyKey(String.valueOf(spec), null, identifier, "header " + DicomFindConstants.KEYS);
            }
        } else if (keys instanceof String s) {
            for (String line : s.split("\\R")) {
                if (!line.isBlank()) {
                    QueryBodyReader.applyKey(line.strip(), null, identifier, "header " + DicomFindConstants.KEYS);
                }
            }
        } else if (keys != null) {
            throw new IllegalArgumentException("header " + DicomFindConstants.KEYS + " must be a Map, a Collection of"
                    + " findscu -k strings or a String, not " + keys.getClass().getName());
        }
        for (Map.Entry<String, Object> h : in.getHeaders().entrySet()) {
            if (h.getKey().startsWith(DicomFindConstants.KEY_PREFIX)) {
                String path = h.getKey().substring(DicomFindConstants.KEY_PREFIX.length());
                QueryBodyReader.applyValue(path, h.getValue(), identifier, KEY_HEADERS);
            }
        }
    }
}
