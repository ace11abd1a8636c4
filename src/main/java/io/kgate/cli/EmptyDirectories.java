package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import io.kgate.finding.RuleCatalog;
import io.kgate.model.Pos;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule {@code no-objects}: a directory to check in which no Kubernetes object was found is an error
 * at that directory, so a wrong path in CI cannot pass the gate by checking nothing. Files given
 * explicitly are not concerned (pre-commit may pass a kustomization.yaml alone).
 */
final class EmptyDirectories {
    static final String RULE = "no-objects";

    private EmptyDirectories() {
    }

    static LintResult report(LintResult r, List<String> targets, RuleCatalog catalog) {
        if (!catalog.enabled(RULE)) {
            return r;
        }
        List<Finding> added = new ArrayList<>();
        for (String t : targets) {
            if (t.equals("-") || !isDirectory(t)) {
                continue;
            }
            String base = t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
            // a broken file there already fails the gate and says why
            if (r.load().objects().stream().anyMatch(o -> under(o.file().displayName(), base))
                    || r.findings().stream().anyMatch(f -> under(f.file(), base))) {
                continue;
            }
            long files = r.load().files().stream().filter(f -> under(f.displayName(), base)).count();
            long skipped = r.load().skipped().stream().filter(s -> under(s.file(), base)).count();
            added.add(Finding.onFile(RULE, catalog.severity(RULE), "no Kubernetes objects under " + t + " ("
                    + files + (files == 1 ? " file" : " files") + " read, " + skipped + " skipped): nothing was "
                    + "validated; check the path, or pass --allow-empty", t, Pos.START));
        }
        if (added.isEmpty()) {
            return r;
        }
        added.addAll(r.findings());
        added.sort(Finding.ORDER);
        return new LintResult(r.load(), List.copyOf(added));
    }

    private static boolean isDirectory(String t) {
        try {
            return Files.isDirectory(Path.of(t));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** True for a display name the loader gave to a file under the directory argument {@code base}. */
    private static boolean under(String name, String base) {
        return !name.equals("-") && (base.equals(".") || name.equals(base) || name.startsWith(base + "/"));
    }
}
