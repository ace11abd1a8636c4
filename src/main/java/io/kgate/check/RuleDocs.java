package io.kgate.check;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation of every rule id kgate can report. Sources register their rules once at start
 * (the built-in document checks here; schema and rule engines theirs), reports look them up.
 */
public final class RuleDocs {
    private static final Map<String, RuleDoc> DOCS = Collections.synchronizedMap(new LinkedHashMap<>());

    static {
        register(new RuleDoc("yaml-syntax", Severity.ERROR, "The file is valid YAML or JSON text.",
                "A file that cannot be parsed cannot be applied. Also reported: binary files, invalid UTF-8, "
                        + "YAML tags Kubernetes does not accept, alias bombs and absurd nesting.",
                "Fix the syntax at the reported position; the other documents of the file are still checked."));
        register(new RuleDoc("file-read", Severity.ERROR, "Every manifest file can be read.",
                "A file that cannot be read (permissions, broken link) or exceeds --max-file-size is not checked.",
                "Make the file readable, or raise --max-file-size."));
        register(new RuleDoc("object-identity", Severity.ERROR,
                "Every object has apiVersion, kind and metadata.name.",
                "The API server identifies every object by apiVersion, kind, namespace and name; without them "
                        + "the object cannot be applied. metadata.generateName may replace metadata.name.",
                "Add the missing field."));
        register(new RuleDoc("duplicate-object", Severity.ERROR,
                "No object is defined twice in the tree.",
                "Two definitions with the same API group, kind, namespace and name overwrite each other when "
                        + "applied: whichever comes last wins, silently.",
                "Remove or rename one of the definitions."));
        io.kgate.check.schema.SchemaRuleDocs.register();
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
