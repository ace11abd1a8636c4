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
 * {@code replicas: two   # expect: schema} (several: {@code # expect: schema, image-tag}); one rule
 * with a part of its message: {@code # expect: schema: must be integer}. Files that cannot carry
 * comments (JSON, binary) list theirs in {@code expected.txt} at the root of the case as
 * {@code relative/path:LINE rule} (or {@code relative/path:LINE rule: message part}).
 */
public final class Expectations {
    private static final Pattern EXPECT = Pattern.compile(
            "#\\s*expect:\\s*(?:([a-z0-9-]+):\\s+(\\S.*?)|([a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*))\\s*$");

    /**
     * One expected finding; {@code file} is relative to the case directory; {@code message} is a part
     * the finding's message must contain, or null when only file, line and rule are expected.
     */
    public record Expected(String file, int line, String rule, String message) implements Comparable<Expected> {
        public Expected(String file, int line, String rule) {
            this(file, line, rule, null);
        }

        @Override
        public int compareTo(Expected o) {
            int c = file.compareTo(o.file);
            if (c != 0) {
                return c;
            }
            c = line != o.line ? Integer.compare(line, o.line) : rule.compareTo(o.rule);
            return c != 0 ? c : String.valueOf(message).compareTo(String.valueOf(o.message));
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule + (message == null ? "" : ": " + message);
        }
    }

    /**
     * The actual findings ({@code file}, {@code line}, {@code rule}, full {@code message}) as they
     * compare with {@code expected}: a finding that contains the message part of an expectation at
     * its place is shown with that part, every other one without a message. So equal lists mean
     * every expectation was met, and a difference shows what is missing or extra.
     */
    public static List<Expected> compared(List<Expected> expected, List<Expected> actual) {
        List<Expected> wanted = new ArrayList<>(expected.stream().filter(e -> e.message() != null).toList());
        List<Expected> out = new ArrayList<>();
        for (Expected a : actual) {
            Expected match = wanted.stream().filter(e -> e.file().equals(a.file()) && e.line() == a.line()
                    && e.rule().equals(a.rule()) && a.message().contains(e.message())).findFirst().orElse(null);
            if (match != null) {
                wanted.remove(match);
            }
            out.add(new Expected(a.file(), a.line(), a.rule(), match == null ? null : match.message()));
        }
        out.sort(null);
        return out;
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
                        String[] parts = t.split("\\s+", 2);
                        int colon = parts[0].lastIndexOf(':');
                        String[] ruleAndMessage = parts[1].split(":\\s+", 2);
                        out.add(new Expected(parts[0].substring(0, colon),
                                Integer.parseInt(parts[0].substring(colon + 1)), ruleAndMessage[0].strip(),
                                ruleAndMessage.length > 1 ? ruleAndMessage[1].strip() : null));
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
                    if (!m.find()) {
                        continue;
                    }
                    if (m.group(1) != null) {
                        out.add(new Expected(rel, i + 1, m.group(1), m.group(2)));
                    } else {
                        for (String rule : m.group(3).split(",")) {
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
