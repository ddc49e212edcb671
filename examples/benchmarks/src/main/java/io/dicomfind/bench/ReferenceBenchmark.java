package io.dicomfind.bench;

final class ReferenceBenchmark {
    private final Benchmarks b;

    ReferenceBenchmark(Benchmarks b) {
        this.b = b;
    }

    void run() throws Exception {
        b.report.println("(Reference not yet)");
    }
}
