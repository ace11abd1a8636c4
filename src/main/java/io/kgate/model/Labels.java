package io.kgate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads string-to-string maps (labels, annotations, selectors) from a positioned tree. */
public final class Labels {
    private Labels() {
    }

    /** The string entries of {@code parent.key}; values that are not strings are left out. */
    public static Map<String, String> of(MapNode parent, String key) {
        return of(parent == null ? null : parent.get(key));
    }

    /** The string entries of {@code node} when it is a mapping (read by pointer: nothing else decoded). */
    public static Map<String, String> of(Node node) {
        if (!(node instanceof MapNode m)) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < m.size(); i++) {
            String v = m.valueAt(i).text();
            if (v != null) {
                out.put(m.keyAt(i), v);
            }
        }
        return out;
    }
}
