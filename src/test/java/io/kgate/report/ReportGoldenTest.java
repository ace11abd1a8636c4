package io.kgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report format on fixed fixture trees, compared byte for byte with
 * {@code src/test/resources/golden/CASE.FORMAT} (the version string normalised to "VERSION").
 * Regenerate all of them after an intended change with
 * {@code ./mvnw -o test -Dtest=ReportGoldenTest -Dkgate.updateGoldens=true} and review the diff.
 */
class ReportGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final List<String> CASES = List.of("duplicate-service", "loader-edge-cases", "split-architecture",
            "split-architecture-first-attempt");

    /** Every format of the registry, and the audit report: a format registered without golden files fails here. */
    static List<String> formats() {
        List<String> formats = new ArrayList<>(Reporters.names());
        formats.add("audit");
        return formats;
    }

    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String c : CASES) {
            for (String f : formats()) {
                out.add(Arguments.of(c, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("runs")
    void reportMatchesGolden(String caseName, String format) throws IOException {
        List<String> args = new ArrayList<>();
        if (format.equals("audit")) {
            args.add("audit");
        } else {
            args.addAll(List.of("--output", format));
        }
        args.addAll(List.of("--no-color", "--fail-on", "info", "testdata/" + caseName));
        KgateRunner.Run run = KgateRunner.get().run(args);
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, () -> "unexpected exit: " + run);
        String actual = normaliseVersion(run.out());
        Path golden = GOLDEN.resolve(caseName + "." + format);
        if (Boolean.getBoolean("kgate.updateGoldens")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            return;
        }
        assertTrue(Files.exists(golden), () -> golden + " is missing; create it with -Dkgate.updateGoldens=true");
        assertEquals(Files.readString(golden), actual, () -> "report differs from " + golden
                + " (after an intended change: -Dkgate.updateGoldens=true)");
    }

    @Test
    void everyGoldenFileBelongsToACaseAndARegisteredFormat() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path golden : files.toList()) {
                String name = golden.getFileName().toString();
                int dot = name.lastIndexOf('.');
                assertTrue(dot > 0 && CASES.contains(name.substring(0, dot)) && formats().contains(name.substring(dot + 1)),
                        () -> golden + " is no case of ReportGoldenTest in a format of Reporters: stale, delete it");
            }
        }
    }

    /** The report with kgate's version replaced by "VERSION", so goldens survive releases. */
    static String normaliseVersion(String report) {
        String v = version();
        return report.replace(v, "VERSION");
    }

    static String version() {
        String line = KgateRunner.get().run("--version").out().strip();
        String v = line.substring(line.indexOf(' ') + 1);
        assertTrue(v.matches("\\d+\\.\\d+.*"), () -> "kgate --version does not name a version: " + line);
        return v;
    }
}
