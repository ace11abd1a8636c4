package io.kgate;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeded mutation fuzzing of the example trees: copies of them with flipped bytes, truncations,
 * deleted or duplicated lines, shifted indentation, odd scalars and reordered documents. Whatever the
 * damage, kgate answers with a report (exit 0 or 1), never an internal error, within 10 s a run.
 * Mutated trees are checked in batches (one kgate run each) so the native suite can afford them; a
 * failing batch is re-run tree by tree to name the mutation. Reproduce or explore with
 * {@code -Dkgate.fuzz.seed=N -Dkgate.fuzz.count=N}.
 */
class MutationFuzzTest {
    private static final long SEED = Long.getLong("kgate.fuzz.seed", 20261130L);
    private static final int COUNT = Integer.getInteger("kgate.fuzz.count", 300);
    private static final int BATCH = 20;
    private static final Duration PER_RUN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values that YAML, the schema or a rule might choke on. */
    private static final List<String> ODD_SCALARS = List.of("~", "null", "\"\"", "''", ".inf", "-.nan", "0x1F",
            "0o17", "0777", "1e400", "-0", "99999999999999999999999999", "1_000", "yes", "off", "!!binary AAAA",
            "!!int abc", "!custom x", "&anchor v", "*nowhere", "[", "{", "[]", "{}", "|", ">-", "- a", "? k",
            "\"\\u0000\"", "\"\\x7f\"", "\"💥 ✓\"", "2001-12-14t21:59:43.10-05:00", "<<: *x", "x".repeat(5000),
            "9".repeat(3000), "-1", "1.5", "\"a\tb\"", "'multi\n  line'", "@", "`", "%TAG", "#");

    @TempDir
    Path dir;

    private final KgateRunner kgate = KgateRunner.get();

    /** The example trees: the bundled reference tree and the passing rule fixtures. */
    static List<Path> exampleTrees() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("testdata"))) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().equals("split-architecture")
                            || d.getFileName().toString().endsWith("-pass")
                            || d.getFileName().toString().equals("schema-valid"))
                    .sorted().toList();
        }
    }

    @Test
    void mutatedTreesAlwaysGetAReportNeverAnInternalError() throws IOException {
        List<Path> trees = exampleTrees();
        assertTrue(trees.size() > 1, "no example trees under testdata/");
        Random random = new Random(SEED);
        List<String> descriptions = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Path source = trees.get(random.nextInt(trees.size()));
            Path target = dir.resolve(String.format("m%04d", i));
            descriptions.add(source.getFileName() + ": " + mutateCopy(source, target, random));
            batch.add(target);
            if (batch.size() == BATCH || i == COUNT - 1) {
                check(batch, descriptions);
                batch.clear();
            }
        }
    }

    private void check(List<Path> batch, List<String> descriptions) {
        KgateRunner.Run run = run(batch);
        if (healthy(run)) {
            return;
        }
        for (Path tree : batch) { // name the mutation that broke it
            KgateRunner.Run alone = run(List.of(tree));
            if (!healthy(alone)) {
                int index = Integer.parseInt(tree.getFileName().toString().substring(1));
                fail("seed " + SEED + ", mutation " + index + " (" + descriptions.get(index) + ") in " + tree + ":\n"
                        + alone);
            }
        }
        fail("seed " + SEED + ": a batch failed, no tree alone did:\n" + run);
    }

    private KgateRunner.Run run(List<Path> trees) {
        List<String> args = new ArrayList<>(List.of("--output", "json"));
        trees.forEach(t -> args.add(t.toString()));
        return assertTimeoutPreemptively(PER_RUN, () -> kgate.run(args), () -> "kgate ran longer than " + PER_RUN
                + " on " + trees);
    }

    /** Exit 0 or 1 and a complete JSON report. */
    private static boolean healthy(KgateRunner.Run run) {
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            return false;
        }
        try {
            JsonNode report = JSON.readTree(run.out());
            return report.get("findings") != null && report.get("summary") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Copies {@code source} to {@code target}, damaging one to three of its manifests; says how. */
    private static String mutateCopy(Path source, Path target, Random random) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(source)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("kgate-args.txt"))
                    .sorted().toList();
        }
        List<Path> manifests = files.stream().filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                .toList();
        List<String> done = new ArrayList<>();
        int damage = 1 + random.nextInt(3);
        List<Path> damaged = new ArrayList<>();
        for (int k = 0; k < damage && !manifests.isEmpty(); k++) {
            damaged.add(manifests.get(random.nextInt(manifests.size())));
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (Path d : damaged) {
                if (d.equals(f)) {
                    Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
                    bytes = m.apply(bytes, random);
                    done.add(m.name().toLowerCase() + " " + source.relativize(f));
                }
            }
            Path out = target.resolve(source.relativize(f).toString());
            Files.createDirectories(out.getParent());
            Files.write(out, bytes);
        }
        return String.join(", ", done);
    }

    /** One kind of damage to a file. */
    enum Mutation {
        FLIP_BYTE {
            @Override
            byte[] apply(byte[] b, Random r) {
                if (b.length == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int at = r.nextInt(c.length);
                c[at] = r.nextBoolean() ? (byte) (c[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
                return c;
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] b, Random r) {
                return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            }
        },
        DELETE_LINE {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                if (!lines.isEmpty()) {
                    lines.remove(r.nextInt(lines.size()));
                }
                return join(lines);
            }
        },
        DELETE_KIND {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                lines.removeIf(l -> l.startsWith("kind:") && r.nextBoolean());
                return join(lines);
            }
        },
        DUPLICATE_LINE {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                if (!lines.isEmpty()) {
                    int at = r.nextInt(lines.size());
                    lines.add(at, lines.get(at));
                }
                return join(lines);
            }
        },
        SHIFT_INDENTATION {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                if (lines.isEmpty()) {
                    return b;
                }
                int from = r.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 1 + r.nextInt(5));
                int shift = r.nextInt(5) - 2;
                for (int i = from; i < to; i++) {
                    String l = lines.get(i);
                    lines.set(i, shift > 0 ? " ".repeat(shift) + l : l.substring(Math.min(-shift, indent(l))));
                }
                return join(lines);
            }
        },
        ODD_SCALAR {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> lines = lines(b);
                List<Integer> values = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).matches("\\s*(- )?[\\w./-]+: \\S.*")) {
                        values.add(i);
                    }
                }
                if (values.isEmpty()) {
                    return b;
                }
                int at = values.get(r.nextInt(values.size()));
                String l = lines.get(at);
                lines.set(at, l.substring(0, l.indexOf(": ") + 2) + ODD_SCALARS.get(r.nextInt(ODD_SCALARS.size())));
                return join(lines);
            }
        },
        REORDER_DOCUMENTS {
            @Override
            byte[] apply(byte[] b, Random r) {
                List<String> docs = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8)
                        .split("(?m)^---\\s*$")));
                Collections.shuffle(docs, r);
                if (r.nextBoolean() && !docs.isEmpty()) {
                    docs.add(docs.get(0)); // and one twice
                }
                return String.join("---\n", docs).getBytes(StandardCharsets.UTF_8);
            }
        };

        abstract byte[] apply(byte[] bytes, Random random);

        private static List<String> lines(byte[] b) {
            return new ArrayList<>(new String(b, StandardCharsets.UTF_8).lines().toList());
        }

        private static byte[] join(List<String> lines) {
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        }

        private static int indent(String l) {
            int i = 0;
            while (i < l.length() && l.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }
}
