package io.kgate.load;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves plain YAML scalars the way Kubernetes' YAML decoder (go-yaml v2, YAML 1.1 rules) does,
 * so that {@code replicas: "2"}, {@code value: yes} and {@code mode: 0644} mean what they mean to
 * the API server.
 */
final class ScalarResolver {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on",
            "On", "ON");
    private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off",
            "Off", "OFF");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INT = Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");

    private ScalarResolver() {
    }

    /** Value of a plain (unquoted, untagged) scalar: null, Boolean, Long, BigInteger, Double or String. */
    static Object resolvePlain(String text) {
        if (text.length() <= 5) { // every null and boolean spelling is this short: longer text skips the lookups
            if (NULLS.contains(text)) {
                return null;
            }
            if (TRUES.contains(text)) {
                return Boolean.TRUE;
            }
            if (FALSES.contains(text)) {
                return Boolean.FALSE;
            }
        }
        char c = text.charAt(0);
        if (c == '.' || c == '-' || c == '+' || (c >= '0' && c <= '9')) {
            Object number = number(text);
            if (number != null) {
                return number;
            }
        }
        return text;
    }

    /** Parses an integer or float as YAML 1.1 writes it; null when the text is not a number. */
    static Object number(String text) {
        String plain = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        if (plain.isEmpty()) {
            return null;
        }
        Long decimal = shortDecimal(plain);
        if (decimal != null) {
            return decimal;
        }
        if (!numberCharacters(plain)) {
            return special(plain); // "1.27-alpine", "3d": no matcher needed to tell
        }
        if (INT.matcher(plain).matches()) {
            Object i = integer(plain);
            if (i != null) {
                return i;
            }
        }
        if (FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
        }
        return special(plain);
    }

    /** The infinities and NaN as YAML 1.1 spells them, else null. */
    private static Object special(String plain) {
        switch (plain) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                return null;
        }
    }

    /**
     * A signed decimal integer of up to 18 digits without a leading zero (a port, a count: most numbers
     * of a manifest), read without a matcher or a BigInteger; null for anything else.
     */
    private static Long shortDecimal(String plain) {
        int from = plain.charAt(0) == '-' || plain.charAt(0) == '+' ? 1 : 0;
        int n = plain.length() - from;
        if (n == 0 || n > 18 || (plain.charAt(from) == '0' && n > 1)) {
            return null;
        }
        long v = 0;
        for (int i = from; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return plain.charAt(0) == '-' ? -v : v;
    }

    /** Whether every character of {@code plain} may appear in an integer or float of {@link #INT} or {@link #FLOAT}. */
    private static boolean numberCharacters(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == 'x' || c == 'X'
                    || c == 'o' || c == 'O' || c == '.' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Digits beyond which a plain scalar is not read as an integer: no 64-bit value is that long, and
     * parsing a huge number takes time quadratic in its length (400,000 digits: 12 s). Such a scalar
     * is read as a float (infinite) instead, in linear time.
     */
    private static final int MAX_INTEGER_CHARS = 1000;

    private static Object integer(String plain) {
        if (plain.length() > MAX_INTEGER_CHARS) {
            return null;
        }
        boolean negative = plain.startsWith("-");
        String digits = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
        int radix = 10;
        if (digits.length() > 2 && digits.charAt(0) == '0') {
            char p = Character.toLowerCase(digits.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                digits = digits.substring(2);
            }
        }
        if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0') {
            // YAML 1.1 octal (0644); digits 8 and 9 make it a float, as go-yaml does
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) > '7') {
                    return null;
                }
            }
            radix = 8;
        }
        BigInteger v = new BigInteger(digits, radix);
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
