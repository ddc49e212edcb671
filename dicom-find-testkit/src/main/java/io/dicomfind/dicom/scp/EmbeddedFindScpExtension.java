package io.dicomfind.dicom.scp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running an {@link EmbeddedFindScp} around tests. On a {@code static} field it starts once
 * before all tests of the class and stops after them; on an instance field it starts before and stops after each
 * test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmbeddedFindScpExtension scp = new EmbeddedFindScpExtension(EmbeddedFindScp.builder()
 *         .aeTitle("WORKLIST").worklist(Path.of("src/test/resources/worklist")));
 *
 * @Test
 * void queriesTheWorklist() {
 *     String uri = "dicomfind://127.0.0.1:" + scp.port() + "?calledAeTitle=" + scp.aeTitle();
 *     ...
 * }
 * }</pre>
 *
 * junit-jupiter-api is a dependency of this test kit: a project using this class has JUnit 5 anyway.
 */
public final class EmbeddedFindScpExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final EmbeddedFindScp.Builder builder;
    private EmbeddedFindScp scp;
    private boolean perClass;

    public EmbeddedFindScpExtension(EmbeddedFindScp.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true; // only called for extensions registered on static fields
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void start() {
        try {
            scp = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded C-FIND SCP: " + e.getMessage(), e);
        }
    }

    private void stop() {
        if (scp != null) {
            scp.close();
        }
    }

    /** The running SCP. */
    public EmbeddedFindScp scp() {
        if (scp == null) {
            throw new IllegalStateException("the embedded C-FIND SCP runs only while tests run");
        }
        return scp;
    }

    public int port() {
        return scp().port();
    }

    public String host() {
        return scp().host();
    }

    public String aeTitle() {
        return scp().aeTitle();
    }

    public ScpCounters counters() {
        return scp().counters();
    }
}
