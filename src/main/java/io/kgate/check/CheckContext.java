package io.kgate.check;

import io.kgate.finding.Finding;
import io.kgate.finding.RuleCatalog;
import io.kgate.load.LoadResult;
import io.kgate.model.KubeObject;
import io.kgate.model.Pos;
import io.kgate.unit.Unit;
import java.util.List;

/**
 * What a check sees: every object of the tree, whatever file or directory it came from; the
 * deployment units that cross-object checks link within; and the run's rule catalogue, which gives
 * each finding the severity of its rule file (after profile and config). A check names the rule id
 * it reports; id, severity and docs live in {@code rules/ID.yaml}.
 */
public record CheckContext(LoadResult load, RuleCatalog rules, List<Unit> units) {
    /** The whole tree as one unit (a single file, standard input, a test). */
    public CheckContext(LoadResult load, RuleCatalog rules) {
        this(load, rules, List.of(new Unit("tree", "the whole tree", load.objects(), List.of())));
    }

    public List<KubeObject> objects() {
        return load.objects();
    }

    /** A finding of rule {@code rule} at the key of {@code pointer} in {@code obj}, at the rule's severity. */
    public Finding finding(String rule, KubeObject obj, String pointer, String message) {
        return Finding.at(rule, rules.severity(rule), obj, pointer, message);
    }

    /** A finding of rule {@code rule} about a whole file, at the rule's severity. */
    public Finding fileFinding(String rule, String file, Pos pos, String message) {
        return Finding.onFile(rule, rules.severity(rule), message, file, pos);
    }
}
