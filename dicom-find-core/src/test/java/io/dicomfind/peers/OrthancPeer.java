package io.dicomfind.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Orthanc (Debian's {@code /usr/sbin/Orthanc}) as a PACS with a C-FIND SCP for Patient Root and Study Root, loaded
 * with {@link PacsData#standard()} through its REST API ({@code POST /instances}).
 *
 * <p>Our own JSON configuration (PEERS.md): {@code DicomCheckCalledAet false} (any called AE), {@code
 * DicomAlwaysAllowFind true} (1.10 refuses C-FIND from unknown AEs otherwise), no result limits, no plugins
 * (Debian's default config loads some), storage and index in the temp dir, {@code DefaultEncoding Utf8}: answers are
 * {@code ISO_IR 192}, so non-ASCII names survive (Orthanc re-encodes everything; it is not a character set oracle).
 * Its answers carry padded values; compare trimmed values (the canonical form does).
 */
public final class OrthancPeer extends ServerPeer {

    public static final String AE_TITLE = "ORTHANC";
    public static final String BINARY = "/usr/sbin/Orthanc";

    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration loadTime = Duration.ZERO;

    private OrthancPeer(Path dir, int port, int httpPort, PeerProcess process) {
        super(dir, port, process);
        this.httpPort = httpPort;
    }

    /** Starts Orthanc with the standard data loaded. */
    public static OrthancPeer start() {
        OrthancPeer orthanc = startEmpty();
        try {
            orthanc.load(PacsData.standardFiles());
            return orthanc;
        } catch (RuntimeException e) {
            orthanc.close();
            throw e;
        }
    }

    /** Starts an empty Orthanc and waits for both its HTTP and DICOM ports. */
    public static OrthancPeer startEmpty() {
        return startEmpty("");
    }

    /**
     * As {@link #startEmpty()} with more configuration members ({@code "Name": value, ...} without braces), e.g. the
     * DICOM TLS settings.
     */
    public static OrthancPeer startEmpty(String extraConfig) {
        return startEmpty(extraConfig, 0);
    }

    /**
     * Starts Orthanc with {@code LimitFindResults} set and the standard data loaded: with more than {@code limit}
     * matches, Orthanc 1.10 sends {@code limit} of them and then a final Cancel (FE00) although no C-CANCEL was sent.
     */
    public static OrthancPeer startWithFindLimit(int limit) {
        OrthancPeer orthanc = startEmpty("", limit);
        try {
            orthanc.load(PacsData.standardFiles());
            return orthanc;
        } catch (RuntimeException e) {
            orthanc.close();
            throw e;
        }
    }

    /** An empty Orthanc with {@code LimitFindResults} {@code limitFindResults} (0: none) and more configuration. */
    public static OrthancPeer startEmpty(String extraConfig, int limitFindResults) {
        Peers.requireBinaries(BINARY, "dump2dcm", "dcmdump", "findscu");
        return Peers.inTempDir("orthanc", "configure Orthanc", dir -> {
            int port = Peers.freePort();
            int httpPort = Peers.freePort();
            Files.createDirectories(dir.resolve("storage"));
            Path config = dir.resolve("orthanc.json");
            Files.writeString(config, config(port, httpPort, dir, extraConfig, limitFindResults));
            PeerProcess p = PeerProcess.startListening("Orthanc", List.of(BINARY,
                    "--logfile=" + dir.resolve("orthanc.log"), config.toString()), java.util.Map.of(), dir,
                    dir.resolve("orthanc-console.log"), httpPort, port);
            OrthancPeer peer = new OrthancPeer(dir, port, httpPort, p);
            try {
                peer.awaitRest();
            } catch (RuntimeException e) {
                peer.close();
                throw e;
            }
            return peer;
        });
    }

    static String config(int port, int httpPort, Path dir) {
        return config(port, httpPort, dir, "");
    }

    static String config(int port, int httpPort, Path dir, String extraConfig) {
        return config(port, httpPort, dir, extraConfig, 0);
    }

    static String config(int port, int httpPort, Path dir, String extraConfig, int limitFindResults) {
        return """
                {
                  "Name": "dicomfind-test",
                  "DicomAet": "%s",
                  "DicomPort": %d,
                  "HttpPort": %d,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "DicomCheckCalledAet": false,
                  "DicomAlwaysAllowFind": true,
                  "LimitFindResults": %d,
                  "LimitFindInstances": 0,
                  "Plugins": [],
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "DefaultEncoding": "Utf8",
                  "SaveJobs": false,
                  "StorageCompression": false,
                  "HttpDescribeErrors": true%s
                }
                """.formatted(AE_TITLE, port, httpPort, limitFindResults, json(dir.resolve("storage")),
                json(dir.resolve("storage")),
                extraConfig.isBlank() ? "" : ",\n  " + extraConfig);
    }

    private static String json(Path p) {
        return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void awaitRest() {
        long deadline = System.nanoTime() + Peers.STARTUP_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(rest("/system")).GET()
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Orthanc", e);
            }
            Peers.sleep(100);
        }
        throw new IllegalStateException("Orthanc REST API " + rest("/system") + " not ready: " + last + "; log "
                + directory().resolve("orthanc.log"));
    }

    /**
     * Uploads Part-10 files with {@code POST /instances}; each must be accepted (200). An upload that fails with an
     * I/O error is retried twice: Orthanc's HTTP server closes idle keep-alive connections, which the client may
     * only notice on its next request (storing the same instance again is harmless: "AlreadyStored").
     */
    public void load(List<Path> files) {
        long start = System.nanoTime();
        for (Path f : files) {
            for (int attempt = 1;; attempt++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(rest("/instances"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/dicom")
                            .POST(HttpRequest.BodyPublishers.ofFile(f)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("Orthanc POST /instances of " + f + " answered "
                                + r.statusCode() + ": " + r.body());
                    }
                    break;
                } catch (IOException e) {
                    if (attempt == 3) {
                        throw new UncheckedIOException("cannot upload " + f + " to Orthanc at "
                                + rest("/instances") + " (3 attempts); log " + directory().resolve("orthanc.log"), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted uploading to Orthanc", e);
                }
            }
        }
        loadTime = loadTime.plusNanos(System.nanoTime() - start);
    }

    /** {@code GET} of a REST path (e.g. {@code /statistics}), for tests and diagnostics. */
    public String get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(rest(path)).GET()
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Orthanc GET " + path + " answered " + r.statusCode() + ": "
                        + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Orthanc GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI rest(String path) {
        return URI.create("http://" + Peers.LOOPBACK + ":" + httpPort + path);
    }

    public int httpPort() {
        return httpPort;
    }

    public Duration loadTime() {
        return loadTime;
    }

    @Override
    public PeerKind kind() {
        return PeerKind.ORTHANC;
    }

    @Override
    public String calledAeTitle() {
        return AE_TITLE;
    }

    @Override
    public String toString() {
        return "Orthanc " + AE_TITLE + "@" + host() + ":" + port() + " (HTTP " + httpPort + ")";
    }
}
