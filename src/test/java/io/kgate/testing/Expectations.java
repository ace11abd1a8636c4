package io.kgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the findings a fixture tree expects, written beside the offending lines:
 * {@code replicas: two   # expect: schema} (several: {@code # expect: schema, image-tag}).
 * Files that cannot carry comments (JSON, binary) list theirs in {@code expected.txt} at the
 * root of the case as {@code relative/path:LINE rule}.
 */
public final class Expectations {
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*)\\s*$");

    /** One expected finding; {@code file} is relative to the case directory. */
    public record Expected(String file, int line, String rule) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected o) {
            int c = file.compareTo(o.file);
            if (c != 0) {
                return c;
            }
            return line != o.line ? Integer.compare(line, o.line) : rule.compareTo(o.rule);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    private Expectations() {
    }

    public static List<Expected> read(Path caseDir) throws IOException {
        List<Expected> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(caseDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = caseDir.relativize(f).toString();
                if (rel.equals("expected.txt")) {
                    for (String line : Files.readAllLines(f)) {
                        String t = line.strip();
                        if (t.isEmpty() || t.startsWith("#")) {
                            continue;
                        }
                        String[] parts = t.split("\\s+");
                        int colon = parts[0].lastIndexOf(':');
                        out.add(new Expected(parts[0].substring(0, colon),
                                Integer.parseInt(parts[0].substring(colon + 1)), parts[1]));
                    }
                    continue;
                }
                String name = f.getFileName().toString();
                if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                List<String> lines = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find()) {
                        for (String rule : m.group(1).split(",")) {
                            out.add(new Expected(rel, i + 1, rule.strip()));
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }
}
