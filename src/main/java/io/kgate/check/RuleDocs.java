package io.kgate.check;

import io.kgate.check.rules.RuleDef;
import io.kgate.check.rules.RuleFiles;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation of every rule id kgate can report. Sources register their rules once at start
 * (every rule file under rules/ here; other sources may add theirs), reports look them up.
 */
public final class RuleDocs {
    private static final Map<String, RuleDoc> DOCS = Collections.synchronizedMap(new LinkedHashMap<>());

    static {
        // one source: the rule files in rules/, embedded at build time
        for (RuleDef d : RuleFiles.embedded().rules()) {
            register(new RuleDoc(d.id(), d.severity(), d.summary(), d.description(), d.remediation()));
        }
    }

    private RuleDocs() {
    }

    public static void register(RuleDoc doc) {
        DOCS.put(doc.id(), doc);
    }

    public static Optional<RuleDoc> find(String id) {
        return Optional.ofNullable(DOCS.get(id));
    }

    public static Collection<RuleDoc> all() {
        synchronized (DOCS) {
            return java.util.List.copyOf(DOCS.values());
        }
    }
}
