package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import io.kgate.model.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code --new-from-rev}: the findings of a run that the base run did not have. Findings are matched
 * by what they are about, never by line number, so an edit above a finding does not make it new.
 */
final class NewFindings {
    /** "k8s/frontend/service.yaml:4" or "…:4:3" inside a message: where, not what. */
    private static final Pattern FILE_LINE = Pattern.compile("\\S+:\\d+(:\\d+)?");

    /**
     * What a finding is about: its rule, the object (API group, kind, namespace, name) or, for a
     * finding about a whole file, the file; the field's JSON pointer; the message without file:line
     * references.
     */
    record Key(String rule, String group, String kind, String namespace, String name, String file, String path,
            String message) {
        static Key of(Finding f) {
            ObjectRef o = f.object();
            String message = FILE_LINE.matcher(f.message()).replaceAll("");
            if (o == null) {
                return new Key(f.rule(), null, null, null, null, f.file(), f.path(), message);
            }
            return new Key(f.rule(), o.group(), o.kind(), o.namespace(), o.name(), null, f.path(), message);
        }
    }

    /** The result of {@link #since}: the new findings and how many were already there. */
    record Split(LintResult fresh, int old) {
    }

    private NewFindings() {
    }

    /**
     * The findings of {@code now} whose key occurs more often than in {@code base}; of several
     * findings with one key, the first ones in report order count as the old ones.
     */
    static Split since(LintResult now, LintResult base) {
        Map<Key, Integer> before = new HashMap<>();
        for (Finding f : base.findings()) {
            before.merge(Key.of(f), 1, Integer::sum);
        }
        List<Finding> fresh = new ArrayList<>();
        int old = 0;
        for (Finding f : now.findings()) {
            Key k = Key.of(f);
            Integer left = before.get(k);
            if (left != null && left > 0) {
                before.put(k, left - 1);
                old++;
            } else {
                fresh.add(f);
            }
        }
        return new Split(new LintResult(now.load(), List.copyOf(fresh)), old);
    }
}
