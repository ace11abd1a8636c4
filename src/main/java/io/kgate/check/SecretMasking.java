package io.kgate.check;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Placeholders;
import io.kgate.model.ScalarNode;
import io.kgate.model.SecretData;
import io.kgate.model.SeqNode;
import io.kgate.model.Sops;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last step of every run: no finding's message quotes a Secret's value (a schema error that
 * shows the wrong value, a future check that quotes what it read). Every value under a Secret's
 * data and stringData, as written and decoded from base64, is replaced by {@link #MASK}; every
 * report format prints messages only, so none of them can leak a value.
 */
final class SecretMasking {
    static final String MASK = "****";
    /** What the tree pass must keep of every Secret to know its values. */
    static final List<String> RETAINED = List.of("Secret:/data", "Secret:/stringData");
    /** Shorter values are not masked: they would blank out numbers and words all over the messages. */
    private static final int MIN_LENGTH = 4;

    private SecretMasking() {
    }

    /**
     * The values to hide, longest first, and a scan that finds which of them a message holds. Values
     * longer than {@code scannedLength} are few (certificates, blobs: the scan holds a node per
     * character) and are asked for directly, as are values holding the mask's character (masking
     * others can create them).
     */
    record Values(List<String> longestFirst, Map<String, Integer> rank, ValueScan scan, List<String> alwaysTried) {
        /** Longer than any message quotes, shorter than a certificate. */
        static final int SCANNED_LENGTH = 256;

        static Values of(List<String> longestFirst) {
            return of(longestFirst, SCANNED_LENGTH);
        }

        static Values of(List<String> longestFirst, int scannedLength) {
            Map<String, Integer> rank = new HashMap<>();
            for (String v : longestFirst) {
                rank.putIfAbsent(v, rank.size());
            }
            return new Values(List.copyOf(longestFirst), rank,
                    new ValueScan(longestFirst.stream().filter(v -> v.length() <= scannedLength).toList()),
                    longestFirst.stream().filter(v -> v.length() > scannedLength || v.indexOf(MASK.charAt(0)) >= 0)
                            .distinct().toList());
        }

        String mask(String message) {
            if (longestFirst.isEmpty()) {
                return message;
            }
            Set<String> present = scan.in(message);
            if (present.isEmpty() && alwaysTried.isEmpty()) {
                return message;
            }
            // as if each value, longest first, were replaced wherever it is: a value not in the message
            // cannot be there after others are masked unless it holds the mask's character
            Set<String> tried = new HashSet<>(present);
            tried.addAll(alwaysTried);
            List<String> inOrder = new ArrayList<>(tried);
            inOrder.sort(Comparator.comparing(rank::get));
            String out = message;
            for (String v : inOrder) {
                if (out.contains(v)) {
                    out = out.replace(v, MASK);
                }
            }
            return out;
        }
    }

    /** {@code findings} with {@code values} masked in their messages. */
    static List<Finding> mask(Values values, List<Finding> findings) {
        if (values.longestFirst().isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String message = values.mask(f.message());
            out.add(message.equals(f.message()) ? f
                    : new Finding(f.rule(), f.severity(), message, f.file(), f.pos(), f.object(), f.path()));
        }
        return out;
    }

    /** The values to hide, longest first (so a value containing another is replaced whole). */
    static Values secretValues(List<KubeObject> objects) {
        Set<String> values = new LinkedHashSet<>();
        for (KubeObject o : objects) {
            if (!SecretData.isSecret(o)) {
                continue;
            }
            for (SecretData.Value v : SecretData.values(o)) {
                add(values, v.encoded());
                add(values, v.text());
            }
            // values of the wrong type too (a number, a list): the schema check describes them
            scalars(o.root().get("data"), values);
            scalars(o.root().get("stringData"), values);
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return Values.of(sorted);
    }

    private static void scalars(Node n, Set<String> values) {
        if (n instanceof MapNode m) {
            m.entries().forEach(e -> scalars(e.value(), values));
        } else if (n instanceof SeqNode s) {
            s.items().forEach(i -> scalars(i, values));
        } else if (n instanceof ScalarNode s && s.value() != null) {
            add(values, s.raw());
            add(values, n.text());
        }
    }

    private static void add(Set<String> values, String v) {
        if (v == null) {
            return;
        }
        String s = v.strip();
        // encrypted values and bare placeholders hold nothing secret
        if (s.length() >= MIN_LENGTH && !Sops.isEncryptedValue(s) && !Placeholders.defaults().isOnlyPlaceholder(s)) {
            values.add(s);
        }
    }
}
