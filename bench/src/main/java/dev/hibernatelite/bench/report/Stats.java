package dev.hibernatelite.bench.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians, ranges and the number formats of the reports. */
public final class Stats {
    private Stats() {
    }

    /**
     * A figure over rounds: the median, and the lowest and highest round.
     *
     * @param n how many values (0: none, all NaN)
     */
    public record Spread(double median, double min, double max, int n) {
        /** @return "median [min–max]" in {@code format}, "median" alone for one value, "–" for none */
        public String text(String format) {
            if (n == 0) {
                return "–";
            }
            String m = fmt(format, median);
            return n == 1 || fmt(format, min).equals(fmt(format, max)) ? m
                    : m + " [" + fmt(format, min) + "–" + fmt(format, max) + "]";
        }
    }

    /** @return the median and range of the values that are numbers */
    public static Spread spread(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Spread(median, v[0], v[v.length - 1], v.length);
    }

    /** @return {@code value} in {@code format} (Locale.ROOT), "–" when it is NaN */
    public static String fmt(String format, double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    /** @return a whole number without decimals, else two decimals */
    public static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    /** @return a map of the given keys and values, in order (values may be null) */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** @return {@code list}, or null when it is empty (a template section then renders nothing) */
    public static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
