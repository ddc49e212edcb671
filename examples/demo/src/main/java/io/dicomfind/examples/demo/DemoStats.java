package io.dicomfind.examples.demo;

import io.dicomfind.dicom.data.Attributes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** What the demo's routes did, for the summary; the routes call it as a bean. */
public class DemoStats {
    private final AtomicInteger overviewItems = new AtomicInteger();
    private final AtomicInteger idlePolls = new AtomicInteger();
    private final List<String> newItems = new CopyOnWriteArrayList<>();
    private final AtomicInteger priorQueries = new AtomicInteger();
    private final AtomicInteger priorsFound = new AtomicInteger();

    public void overview(@Body List<Attributes> items) {
        overviewItems.addAndGet(items.size());
    }

    public void idlePoll() {
        idlePolls.incrementAndGet();
    }

    public void newItem(@Header("AccessionNumber") String accessionNumber) {
        newItems.add(accessionNumber);
    }

    public void priors(@Body List<Attributes> studies) {
        priorQueries.incrementAndGet();
        priorsFound.addAndGet(studies.size());
    }

    public int overviewItems() {
        return overviewItems.get();
    }

    public int idlePolls() {
        return idlePolls.get();
    }

    public List<String> newItems() {
        return List.copyOf(newItems);
    }

    public int priorQueries() {
        return priorQueries.get();
    }

    public int priorsFound() {
        return priorsFound.get();
    }
}
