package io.kgate.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The output formats by the name {@code --output} takes. */
public final class Reporters {
    private static final Map<String, Supplier<Reporter>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("text", TextReporter::new);
        FORMATS.put("json", JsonReporter::new);
        FORMATS.put("sarif", SarifReporter::new);
        FORMATS.put("junit", JunitReporter::new);
        FORMATS.put("github", GithubReporter::new);
        FORMATS.put("checkstyle", CheckstyleReporter::new);
    }

    private Reporters() {
    }

    /** The reporter for {@code name}, or null when there is no such format. */
    public static Reporter byName(String name) {
        Supplier<Reporter> s = FORMATS.get(name);
        return s == null ? null : s.get();
    }

    public static Set<String> names() {
        return FORMATS.keySet();
    }

    /** Formats meant for machines: with them on stdout, the summary line goes to stderr. */
    public static boolean isMachineFormat(String name) {
        return !name.equals("text");
    }
}
