package io.kgate.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The table of deprecated and removed apiVersions ({@code kgate/api-lifecycle.yaml}). */
public final class ApiLifecycle {
    /** One row: an apiVersion's kinds, deprecated in / removed in (minor versions, removed may be null). */
    public record Entry(String apiVersion, List<String> kinds, String deprecated, String removed,
            String replacement) {
        public boolean removedIn(String target) {
            return removed != null && compare(target, removed) >= 0;
        }

        public boolean deprecatedIn(String target) {
            return deprecated != null && compare(target, deprecated) >= 0;
        }
    }

    /**
     * The table, read when first used. The native build initializes this class while it builds
     * ({@code --initialize-at-build-time} in application.properties), so the executable holds the
     * table ready: parsing this YAML was about a tenth of the CPU time of a run on a small tree.
     */
    private static final class Table {
        static final List<Entry> ENTRIES = load();
    }

    private ApiLifecycle() {
    }

    public static List<Entry> entries() {
        return Table.ENTRIES;
    }

    /** The row for apiVersion + kind, or null. */
    public static Entry find(String apiVersion, String kind) {
        for (Entry e : entries()) {
            if (e.apiVersion.equals(apiVersion) && e.kinds.contains(kind)) {
                return e;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> load() {
        try (InputStream in = ApiLifecycle.class.getClassLoader().getResourceAsStream("kgate/api-lifecycle.yaml")) {
            if (in == null) {
                throw new IllegalStateException("embedded resource missing: kgate/api-lifecycle.yaml");
            }
            Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromInputStream(in);
            List<Entry> out = new ArrayList<>();
            for (Object o : (List<Object>) doc.get("apis")) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new Entry((String) m.get("apiVersion"), List.copyOf((List<String>) m.get("kinds")),
                        (String) m.get("deprecated"), (String) m.get("removed"), (String) m.get("replacement")));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares "1.9" and "1.16" as versions. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
