package io.kgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.rules.RuleSet;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's findings are finished in chunks of consecutive files: across chunk boundaries, and for
 * files that findings name but that were not read (a file that could not be read), the report is in
 * file order and the same on any number of threads.
 */
class FindingsByFileTest {

    @Test
    void filesNamedOnlyByFindingsSortIntoTheirPlaceAcrossChunks(@TempDir Path dir) throws Exception {
        // 1,100 files: chunks of 137 files on one thread (9 chunks, the last of 4), of 64 on three (the fewest files a chunk has)
        for (int i = 0; i < 1_100; i++) {
            Files.writeString(dir.resolve(String.format("pod-%04d.yaml", i)), """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: web-%d
                      namespace: shop
                    spec:
                      containers:
                        - name: web
                          image: nginx
                    """.formatted(i));
        }
        LoadResult read = new Loader(LoadLimits.DEFAULT).load(List.of(dir.toString()), new ByteArrayInputStream(new byte[0]));
        // names that sort before the first file, at the boundary of the first chunk (of either size), between two
        // files and after the last
        List<String> unread = List.of(dir + "/a.yaml", dir + "/pod-0063a.yaml", dir + "/pod-0136a.yaml",
                dir + "/pod-0137.yaml.d", dir + "/pod-0512.yaml.d", dir + "/zz.yaml");
        List<Finding> findings = new ArrayList<>(read.findings());
        for (String name : unread) {
            findings.add(Finding.onFile(Loader.FILE_READ, Severity.INFO, "cannot read " + name, name,
                    new io.kgate.model.Pos(1, 1)));
        }
        LoadResult load = new LoadResult(read.files(), read.documents(), read.objects(), findings, read.skipped());
        Linter linter = RuleSet.defaults().linter(List.of());

        LintResult one = linter.withThreads(1).lint(load);
        LintResult three = linter.withThreads(3).lint(load);

        assertEquals(one.findings(), three.findings());
        List<String> files = one.findings().stream().map(Finding::file).toList();
        List<String> ordered = new ArrayList<>(files);
        ordered.sort(Finding.FILE_ORDER);
        assertEquals(ordered, files, "in file order");
        assertEquals(1_100 + unread.size(), files.stream().distinct().count(), "a finding in every file");
        for (String name : unread) {
            List<Finding> about = one.findings().stream().filter(f -> f.file().equals(name)).toList();
            assertEquals(1, about.size(), name);
            // the loader's findings take their rule's severity when the run is finished
            assertEquals(RuleSet.defaults().linter(List.of()).rules().severity(Loader.FILE_READ), about.get(0).severity());
        }
        assertTrue(one.count(Severity.ERROR) + one.count(Severity.WARNING) + one.count(Severity.INFO) == one.findings().size());
    }
}
