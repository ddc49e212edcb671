package io.dicomfind.examples.file;

import io.dicomfind.camel.DicomDataFormat;
import io.dicomfind.camel.DicomFindConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * A drop folder for C-FIND queries. Each file dropped into a subfolder of {@code queries.dir} named after the query
 * model ({@code worklist/}, {@code study/}, {@code patient/}, {@code psonly/}) is one query:
 * <ul>
 * <li>{@code *.keys}: findscu {@code -k} keys, one per line ({@link QueryFiles});</li>
 * <li>{@code *.json}, {@code *.xml}: the identifier as DICOM JSON (PS3.18 F.2) or Native DICOM XML (PS3.19 A.1);</li>
 * <li>{@code *.dcm}: a Part-10 file, as findscu's {@code dcmfile-in}.</li>
 * </ul>
 * The responses of {@code study/priors.keys} go to {@code output.dir/study/priors/}: {@code rsp0001.dcm} (findscu
 * {@code -X}), {@code rsp0001.json} ({@code -J}), {@code rsp0001.xml} ({@code -Xx}) for every response, and
 * {@code responses.xml} with all of them ({@code -Xs}). A processed query file moves to {@code .done/}, one that
 * failed to {@code .failed/} (the reason is logged).
 */
public class FileRoutes extends RouteBuilder {
    static final String LOGGER = "io.dicomfind.examples.file";

    @Override
    public void configure() {
        DicomDataFormat part10 = new DicomDataFormat(DicomDataFormat.Format.part10);
        DicomDataFormat json = new DicomDataFormat(DicomDataFormat.Format.json);
        json.setPrettyPrint(true);

        // a failed query: one line saying why, then the file moves to .failed/
        onException(Exception.class)
            .logExhausted(false)
            .log(LoggingLevel.ERROR, LOGGER, "Query ${header.CamelFileName} failed: ${exception.message}");

        from("file:{{queries.dir}}?recursive=true&antInclude=*/*.keys,*/*.json,*/*.xml,*/*.dcm"
                + "&move=.done/${file:name}&moveFailed=.failed/${file:name}&readLock=changed")
            .routeId("query-files")
            // the folder names the information model: worklist, study, patient or psonly
            .setHeader(DicomFindConstants.MODEL, header(Exchange.FILE_NAME).regexReplaceAll("[/\\\\].*", ""))
            .setProperty("query", simple("${file:name.noext}"))
            .choice()
                .when(simple("${file:ext} == 'keys'"))
                    .setHeader(DicomFindConstants.KEYS, method(QueryFiles.class, "keys"))
                    .setBody(constant(null))
                .when(simple("${file:ext} == 'dcm'"))
                    .convertBodyTo(byte[].class)
                .otherwise()
                    .convertBodyTo(String.class)
            .end()
            .log(LoggingLevel.INFO, LOGGER, "Query ${file:name} (${header.CamelDicomFindModel}) to"
                    + " {{dicom.aet}}@{{dicom.host}}:{{dicom.port}}")
            .to("dicomfind:{{dicom.aet}}@{{dicom.host}}:{{dicom.port}}?maxResults={{query.maxResults}}")
            .log(LoggingLevel.INFO, LOGGER, "Query ${file:name}: ${header.CamelDicomFindStatusName},"
                    + " ${header.CamelDicomFindResponseCount} responses, written to"
                    + " {{output.dir}}/${exchangeProperty.query}/")
            .multicast()
                .to("direct:responses-xml")    // findscu -Xs
                .to("direct:response-files")   // findscu -X, -J, -Xx
            .end();

        from("direct:response-files")
            .routeId("response-files")
            .split(body())
                .setProperty("rsp", method(ResponseFiles.class, "name"))
                .multicast()
                    .pipeline()
                        .marshal(part10)
                        .to("file:{{output.dir}}?fileName=${exchangeProperty.query}/${exchangeProperty.rsp}.dcm")
                    .end()
                    .pipeline()
                        .marshal(json)
                        .to("file:{{output.dir}}?fileName=${exchangeProperty.query}/${exchangeProperty.rsp}.json")
                    .end()
                    .pipeline()
                        .setBody(method(ResponseFiles.class, "dcmtkXml"))
                        .to("file:{{output.dir}}?fileName=${exchangeProperty.query}/${exchangeProperty.rsp}.xml")
                    .end()
                .end()
            .end();

        from("direct:responses-xml")
            .routeId("responses-xml")
            .setBody(method(ResponseFiles.class, "dcmtkXmlResponses"))
            .to("file:{{output.dir}}?fileName=${exchangeProperty.query}/responses.xml");
    }
}
