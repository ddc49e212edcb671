package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.DimseStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs one C-FIND per exchange on an association of its own, the query built from the endpoint keys, the body and
 * the headers (in that order of precedence).
 */
public class DicomFindProducer extends DefaultProducer {
    private WritableHealthCheckRepository healthCheckRepository;
    private DicomFindEchoHealthCheck healthCheck;

    public DicomFindProducer(DicomFindEndpoint endpoint) {
        super(endpoint);
    }

    /** Registers the C-ECHO health check when camel-health's producer repository is present (as camel-kafka does). */
    /** responseHeaders sets headers per response: a SelectList exchange carries all of them in one body. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (getEndpoint().getConfiguration().getOutputType() == OutputType.SelectList
                && !getEndpoint().responseHeaders().isEmpty()) {
            throw new IllegalArgumentException("dicomfind: option responseHeaders sets headers from one response, but"
                    + " outputType=SelectList puts every response in one exchange; use outputType=SelectOne, or"
                    + " StreamList with split(body()), or the consumer");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new DicomFindEchoHealthCheck(getEndpoint(),
                    "producer:dicomfind-" + getEndpoint().getSettings().peer());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public DicomFindEndpoint getEndpoint() {
        return (DicomFindEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DicomFindEndpoint endpoint = getEndpoint();
        OutputType outputType = endpoint.getConfiguration().getOutputType();
        FindRequest request = endpoint.requestFactory().forExchange(exchange);
        if (outputType == OutputType.SelectOne) {
            request = new FindRequest(request.settings(), request.identifier(), request.priority(), 1,
                    request.cancelAfter());
        }
        if (endpoint.getConfiguration().getResultCap() > 0) {
            new SplitQuery(endpoint).process(exchange, request);
            return;
        }
        FindRun run = endpoint.startRun(request);
        Message out = exchange.getMessage();
        setQueryHeaders(out, run);
        if (outputType == OutputType.StreamList) {
            // The association stays open while the route iterates; the completion closes it on every exit path.
            run.onEnd(() -> setResultHeaders(exchange.getMessage(), run));
            run.stopWhen(() -> exchange.getException() != null || exchange.isRollbackOnly());
            exchange.getExchangeExtension().addOnCompletion(new FindRunCompletion(run));
            ResponseHeaders promoted = endpoint.responseHeaders();
            out.setBody(promoted.isEmpty() ? run : new ResponseMessages(run, exchange, promoted));
            return;
        }
        List<Attributes> matches = new ArrayList<>();
        try (run) {
            while (run.hasNext()) {
                matches.add(run.next());
            }
        } catch (DicomFindFailedException e) {
            setResultHeaders(out, run);
            throw e;
        }
        setResultHeaders(out, run);
        if (outputType == OutputType.SelectOne) {
            out.setBody(matches.isEmpty() ? null : matches.get(0));
            endpoint.responseHeaders().applyTo(out, matches.isEmpty() ? null : matches.get(0));
        } else {
            out.setBody(matches);
        }
    }

    static void setQueryHeaders(Message out, FindRun run) {
        out.setHeader(DicomFindConstants.MESSAGE_ID, run.messageId());
        out.setHeader(DicomFindConstants.SOP_CLASS_UID, run.sopClassUid());
        out.setHeader(DicomFindConstants.TRANSFER_SYNTAX_UID, run.transferSyntaxUid());
        NegotiationHeaders.set(out, run.negotiatedOptions(), run.sopClassUid());
    }

    static void setResultHeaders(Message out, FindRun run) {
        DimseStatus status = run.finalStatus();
        if (status != null) {
            out.setHeader(DicomFindConstants.STATUS, status.code());
            out.setHeader(DicomFindConstants.STATUS_NAME, status.description());
            if (status.errorComment() != null) {
                out.setHeader(DicomFindConstants.ERROR_COMMENT, status.errorComment());
            }
        }
        out.setHeader(DicomFindConstants.RESPONSE_COUNT, run.responseCount());
        out.setHeader(DicomFindConstants.WARNINGS, run.warnings());
        out.setHeader(DicomFindConstants.ELAPSED, run.elapsedMillis());
        out.setHeader(DicomFindConstants.TRUNCATED, run.truncated());
        out.setHeader(DicomFindConstants.TRUNCATED_BY_SCP, run.truncatedByScp());
        out.setHeader(DicomFindConstants.COMPLETE, run.complete());
    }
}
