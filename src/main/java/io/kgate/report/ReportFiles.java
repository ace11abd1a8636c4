package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.load.Skipped;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectRef;
import io.kgate.model.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run regrouped per file and per object, for the formats that list files (JUnit, Checkstyle)
 * and the audit report. Order: files as read, then files only known from findings; objects in
 * document order; findings in report order.
 */
record ReportFiles(List<FileEntry> files) {

    /** One object of a file and its findings; {@code ref} is null for the findings about the whole file. */
    record ObjectEntry(ObjectRef ref, List<Finding> findings) {
    }

    record FileEntry(String name, List<ObjectEntry> objects, List<Finding> fileFindings, List<Finding> findings,
            String skipReason) {
    }

    static ReportFiles of(LintResult r) {
        Set<String> names = new LinkedHashSet<>();
        r.load().files().stream().map(SourceFile::displayName).forEach(names::add);
        r.findings().stream().map(Finding::file).forEach(names::add);
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Skipped s : r.load().skipped()) {
            skipped.putIfAbsent(s.file(), s.reason());
        }
        names.addAll(skipped.keySet());
        // grouped by file once: looking each file's objects and findings up in the whole run made a
        // JUnit or Checkstyle report of 33,000 files take minutes
        Map<String, List<KubeObject>> objectsByFile = new LinkedHashMap<>();
        for (KubeObject o : r.load().objects()) {
            objectsByFile.computeIfAbsent(o.file().displayName(), k -> new ArrayList<>()).add(o);
        }
        Map<String, List<Finding>> findingsByFile = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            findingsByFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        List<FileEntry> out = new ArrayList<>();
        for (String name : names) {
            Map<ObjectRef, List<Finding>> objects = new LinkedHashMap<>();
            for (KubeObject o : objectsByFile.getOrDefault(name, List.of())) {
                objects.putIfAbsent(o.ref(), new ArrayList<>());
            }
            List<Finding> fileFindings = new ArrayList<>();
            List<Finding> all = new ArrayList<>();
            for (Finding f : findingsByFile.getOrDefault(name, List.of())) {
                all.add(f);
                if (f.object() == null) {
                    fileFindings.add(f);
                } else {
                    objects.computeIfAbsent(f.object(), k -> new ArrayList<>()).add(f);
                }
            }
            List<ObjectEntry> entries = new ArrayList<>();
            objects.forEach((ref, fs) -> entries.add(new ObjectEntry(ref, List.copyOf(fs))));
            out.add(new FileEntry(name, List.copyOf(entries), List.copyOf(fileFindings), List.copyOf(all),
                    skipped.get(name)));
        }
        return new ReportFiles(List.copyOf(out));
    }
}
