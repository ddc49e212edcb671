package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Turns a C-FIND Identifier into the lazy stream of response Identifiers: validation of the Identifier against the
 * information model, then filter (matching), de-duplication (Q/R levels above the stored instances) and projection,
 * one stored data set at a time.
 *
 * <p>Query/Retrieve (PS3.4 C.4.1.2.1 hierarchical search): the Query/Retrieve Level (0008,0052) must name a level of
 * the model; each level above it must have its Unique Key with a single value (Patient ID for Patient Root and
 * Patient/Study Only below PATIENT; Study Instance UID below STUDY; Series Instance UID at IMAGE). One response is
 * sent per distinct entity of the level, identified by the Unique Keys of its level and the levels above; its values
 * are those of the first stored instance of the entity. Keys of other levels are matched against the stored instance
 * too (relational behaviour, no error). Modality Worklist (PS3.4 K.2.2): every item is matched as a whole.
 */
final class QueryEngine {
    private final KeyMatcher matcher;
    private final ResponseBuilder builder;
    private final String retrieveAeTitle;
    private final SupportedKeys supportedKeys;

    /** @param retrieveAeTitle added to every Q/R response as (0008,0054), or null for none */
    QueryEngine(KeyMatcher matcher, ResponseCharacterSet charsetPolicy, String retrieveAeTitle,
            SupportedKeys supportedKeys) {
        this.matcher = matcher;
        this.supportedKeys = supportedKeys;
        this.retrieveAeTitle = retrieveAeTitle;
        this.builder = new ResponseBuilder(matcher, charsetPolicy);
    }

    /**
     * The responses for {@code keys}; the returned stream owns the opened source and must be closed.
     *
     * @throws FindFailure the Identifier does not fit the model (sent as a Failure status)
     */
    Stream<Attributes> find(InformationModel model, Attributes keys, DataSetSource source)
            throws FindFailure, IOException {
        if (!model.isHierarchical()) {
            Stream<Attributes> data = source.open();
            return data.filter(r -> matcher.matches(keys, r)).map(r -> builder.build(keys, r));
        }
        QueryLevel level = checkLevel(model, keys);
        checkUniqueKeys(model, level, keys);
        Attributes supported = supportedKeys.filter(keys);
        Stream<Attributes> data = source.open();
        return data.filter(r -> matcher.matches(supported, r)).filter(distinctEntities(model, level))
                .map(r -> {
                    Attributes rsp = builder.build(supported, r);
                    rsp.set(Tag.QueryRetrieveLevel, VR.CS, level.name());
                    if (retrieveAeTitle != null) {
                        // where the entity can be retrieved from (PS3.4 C.4.1.1.3.2); dcmqrscp always adds it
                        rsp.set(Tag.RetrieveAETitle, VR.AE, retrieveAeTitle);
                    }
                    return rsp;
                });
    }

    private static QueryLevel checkLevel(InformationModel model, Attributes keys) throws FindFailure {
        // the statuses dcmqrscp answers: A900 without a level, C000 (Unable to process) for a level the model lacks
        String value = keys.getString(Tag.QueryRetrieveLevel);
        if (value == null) {
            throw new FindFailure(FindFailure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level (0008,0052) missing");
        }
        QueryLevel level = QueryLevel.of(value);
        if (level == null || !model.levels().contains(level)) {
            throw new FindFailure(FindFailure.UNABLE_TO_PROCESS,
                    "Query/Retrieve Level " + value + " not in " + model.levels());
        }
        return level;
    }

    /** PS3.4 C.4.1.2.2.1: a single value in the Unique Key of each level above the query level. */
    private static void checkUniqueKeys(InformationModel model, QueryLevel level, Attributes keys)
            throws FindFailure {
        for (QueryLevel above : model.levels()) {
            if (above.ordinal() >= level.ordinal()) {
                break;
            }
            String[] v = keys.getStrings(above.uniqueKey());
            if (v == null || v.length != 1 || v[0].isEmpty() || v[0].indexOf('*') >= 0 || v[0].indexOf('?') >= 0) {
                throw new FindFailure(FindFailure.UNABLE_TO_PROCESS, // as dcmqrscp
                        "Unique Key " + Tag.toString(above.uniqueKey()) + " of level " + above
                                + " needs a single value below it");
            }
        }
    }

    /** Keeps the first stored instance of each entity of {@code level}; instances without its Unique Key are dropped. */
    private static Predicate<Attributes> distinctEntities(InformationModel model, QueryLevel level) {
        Set<String> seen = new HashSet<>();
        return r -> {
            StringBuilder id = new StringBuilder();
            for (QueryLevel l : model.levels()) {
                if (l.ordinal() > level.ordinal()) {
                    break;
                }
                String v = r.getString(l.uniqueKey());
                if (v == null) {
                    if (l == level) {
                        return false;
                    }
                    v = "";
                }
                id.append(v).append('\u0000');
            }
            return seen.add(id.toString());
        };
    }
}
