package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import java.io.Closeable;
import java.util.Iterator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * The StreamList body when {@code responseHeaders} is set: the same lazy stream of responses, each as a
 * {@link Message} whose body is the identifier and whose headers are the exchange's plus the promoted attributes.
 * Camel's splitter routes a Message element as the part's message, so every part of
 * {@code split(body()).streaming()} carries the headers of its own response. Closing it closes the C-FIND.
 */
final class ResponseMessages implements Iterator<Message>, Closeable {
    private final FindRun run;
    private final Exchange exchange;
    private final ResponseHeaders headers;

    ResponseMessages(FindRun run, Exchange exchange, ResponseHeaders headers) {
        this.run = run;
        this.exchange = exchange;
        this.headers = headers;
    }

    @Override
    public boolean hasNext() {
        return run.hasNext();
    }

    @Override
    public Message next() {
        Attributes identifier = run.next();
        Message m = new DefaultMessage(exchange.getContext());
        m.copyFromWithNewBody(exchange.getMessage(), identifier);
        headers.applyTo(m, identifier);
        return m;
    }

    @Override
    public void close() {
        run.close();
    }
}
