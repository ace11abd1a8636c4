package io.kgate.finding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule id one run knows, with its documentation and the severity and state it has in this run
 * (after profile, {@code .kgate.yaml} and command line). Built once per run from the rule files
 * (the rule set) and handed to whoever needs it: checks take their severities from it, suppressions
 * and {@code --only} their known ids, reports the rule descriptions. An immutable value: two runs in
 * one JVM never see each other's rules.
 */
public final class RuleCatalog {
    /** One rule as this run has it. */
    public record Entry(RuleDoc doc, Severity severity, boolean enabled) {
    }

    private final Map<String, Entry> entries;

    public RuleCatalog(List<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.doc().id(), e);
        }
        this.entries = java.util.Collections.unmodifiableMap(m);
    }

    public Optional<RuleDoc> doc(String id) {
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.of(e.doc());
    }

    /** The severity rule {@code id} reports at in this run; every reported id needs a rule file. */
    public Severity severity(String id) {
        return entry(id).severity();
    }

    /** False for a rule switched off by the profile, config or command line: its findings are dropped. */
    public boolean enabled(String id) {
        Entry e = entries.get(id);
        return e == null || e.enabled();
    }

    public boolean knows(String id) {
        return entries.containsKey(id);
    }

    public Set<String> ids() {
        return entries.keySet();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    private Entry entry(String id) {
        Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no rule file defines rule '" + id + "' (add rules/" + id + ".yaml)");
        }
        return e;
    }
}
