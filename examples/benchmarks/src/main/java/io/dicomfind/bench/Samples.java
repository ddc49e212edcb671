package io.dicomfind.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The measurements of one case (several runs): median, minimum, maximum. */
final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
        values.add(v);
    }

    int count() {
        return values.size();
    }

    double median() {
        List<Double> s = sorted();
        int n = s.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        List<Double> s = sorted();
        return s.get(s.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }
}
