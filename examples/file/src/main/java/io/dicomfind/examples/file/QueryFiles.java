package io.dicomfind.examples.file;

import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * Query files in findscu's key syntax ({@code .keys}): one {@code -k} key per line, e.g.
 * {@code PatientName=DOE*}, {@code (0040,0100)[0].Modality=CT} or just {@code PatientID} for a return key. Lines
 * starting with {@code #} are comments; values may use Simple, e.g. {@code ${date:now:yyyyMMdd}} for today.
 */
public class QueryFiles {

    /** The keys, comments removed and Simple expressions evaluated: the value of header CamelDicomFindKeys. */
    public static String keys(@Body String text, Exchange exchange) {
        String withoutComments = text.replaceAll("(?m)^\\s*#.*$", "");
        return exchange.getContext().resolveLanguage("simple").createExpression(withoutComments)
                .evaluate(exchange, String.class);
    }
}
