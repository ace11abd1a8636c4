package io.kgate.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes resource quantities ("128Mi", "0.5", "500m", "1e3", "2G"), parsed exactly as the
 * API server's {@code resource.ParseQuantity} accepts them, into an exact decimal value.
 */
public final class Quantity {
    private static final BigDecimal KI = BigDecimal.valueOf(1024);

    private Quantity() {
    }

    /** Quantities each thread parsed last: a tree writes the same few (128Mi, 500m) in every container. */
    private static final RecentlyComputed<Optional<BigDecimal>> RECENTLY_PARSED =
            new RecentlyComputed<>(64, 24, Quantity::parsed);

    /** The exact value of {@code text}, or empty when Kubernetes would reject it. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return RECENTLY_PARSED.get(text);
    }

    private static Optional<BigDecimal> parsed(String text) {
        int i = 0;
        int n = text.length();
        boolean negative = false;
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            negative = text.charAt(0) == '-';
            i++;
        }
        int numStart = i;
        int digits = 0;
        boolean dot = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        if (digits == 0) {
            return Optional.empty();
        }
        BigDecimal number = decimal(text.substring(numStart, i));
        String suffix = text.substring(i);
        BigDecimal multiplier = multiplier(suffix);
        if (multiplier == null) {
            return Optional.empty();
        }
        BigDecimal v = number.multiply(multiplier);
        return Optional.of(negative ? v.negate() : v);
    }

    /** Significant digits kept of a number written longer (only hostile input has such numbers). */
    private static final int MAX_DIGITS = 1000;

    /**
     * The value of {@code digits} (decimal digits with at most one '.'), exact up to {@link #MAX_DIGITS}
     * digits and truncated beyond: parsing a long number exactly takes time quadratic in its length.
     */
    static BigDecimal decimal(String digits) {
        if (digits.length() <= MAX_DIGITS) {
            return new BigDecimal(digits);
        }
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        int zeros = 0;
        while (zeros < whole.length() && whole.charAt(zeros) == '0') {
            zeros++;
        }
        whole = whole.substring(zeros);
        if (whole.length() >= MAX_DIGITS) {
            return new BigDecimal(whole.substring(0, MAX_DIGITS)).scaleByPowerOfTen(whole.length() - MAX_DIGITS);
        }
        String kept = fraction.substring(0, Math.min(fraction.length(), MAX_DIGITS - whole.length()));
        return new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + kept + "0");
    }

    /** A YAML value that Kubernetes accepts as a quantity: a string in quantity syntax or a number. */
    public static Optional<BigDecimal> of(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof String str) {
                return parse(str);
            }
            return Optional.ofNullable(s.decimal());
        }
        return Optional.empty();
    }

    /** The suffixes' multipliers, made once: a tree has a quantity per resource of every container. */
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)),
            Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
            Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)),
            Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
            Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)),
            Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
            Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)),
            Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
            Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)),
            Map.entry("Ki", KI),
            Map.entry("Mi", KI.pow(2)),
            Map.entry("Gi", KI.pow(3)),
            Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)),
            Map.entry("Ei", KI.pow(6)));

    private static BigDecimal multiplier(String suffix) {
        BigDecimal m = MULTIPLIERS.get(suffix);
        if (m != null) {
            return m;
        }
        if (suffix.length() >= 2 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            String exp = suffix.substring(1);
            int start = exp.startsWith("+") || exp.startsWith("-") ? 1 : 0;
            if (exp.length() == start || exp.length() > start + 9) {
                return null;
            }
            for (int k = start; k < exp.length(); k++) {
                if (!Character.isDigit(exp.charAt(k))) {
                    return null;
                }
            }
            int e = Integer.parseInt(exp.startsWith("+") ? exp.substring(1) : exp);
            return BigDecimal.ONE.scaleByPowerOfTen(e);
        }
        return null;
    }

    /** "128Mi" for 134217728, "500m" for 0.5, for messages that show a computed value. */
    public static String formatMemory(BigDecimal bytes) {
        BigDecimal mi = KI.pow(2);
        BigDecimal gi = KI.pow(3);
        if (bytes.compareTo(gi) >= 0 && bytes.remainder(gi.divide(BigDecimal.valueOf(1024))).signum() == 0) {
            return strip(bytes.divide(gi, 3, java.math.RoundingMode.HALF_UP)) + "Gi";
        }
        if (bytes.compareTo(mi) >= 0) {
            return strip(bytes.divide(mi, 1, java.math.RoundingMode.HALF_UP)) + "Mi";
        }
        return strip(bytes) + "";
    }

    public static String formatCpu(BigDecimal cores) {
        BigDecimal milli = cores.scaleByPowerOfTen(3);
        if (milli.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
            return strip(cores);
        }
        return strip(milli.setScale(0, java.math.RoundingMode.HALF_UP)) + "m";
    }

    private static String strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

}
