package io.dicomfind.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Closes a {@link OutputType#StreamList} body when its exchange is done, on every path: completed, failed, or
 * stopped before the iterator was drained (an unfinished C-FIND is then cancelled and the association released).
 * The same role as camel-sql's ResultSetIteratorCompletion.
 */
final class FindRunCompletion extends SynchronizationAdapter {
    private final FindRun run;

    FindRunCompletion(FindRun run) {
        this.run = run;
    }

    @Override
    public void onDone(Exchange exchange) {
        run.close();
    }
}
