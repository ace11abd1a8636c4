package io.kgate.check.rules.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step: writes every rule file of {@code rules/} into one resource, {@code kgate/rules/bundle.txt},
 * each after a line "{@value #HEADER} NAME LENGTH" (LENGTH in characters). The native binary looks a
 * resource up in about a millisecond, so 43 lookups cost more than all the rule files take to parse;
 * one lookup does not. {@code RuleFiles} reads it; the files themselves stay the one source.
 */
public final class RuleBundler {
    public static final String HEADER = "#kgate-rule-file";

    private RuleBundler() {
    }

    public static void main(String[] args) throws IOException {
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rules)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            String name = rules.relativize(f).toString().replace('\\', '/');
            String text = Files.readString(f, StandardCharsets.UTF_8);
            sb.append(HEADER).append(' ').append(name).append(' ').append(text.length()).append('\n').append(text);
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb, StandardCharsets.UTF_8);
        System.out.println("rule files: " + files.size() + " bundled into " + out);
    }

    /** The files of a bundle, name to text, in bundle order. */
    public static List<String[]> read(String bundle) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        while (i < bundle.length()) {
            int nl = bundle.indexOf('\n', i);
            String[] header = bundle.substring(i, nl).split(" ");
            if (header.length != 3 || !header[0].equals(HEADER)) {
                throw new IllegalStateException("kgate/rules/bundle.txt is damaged at character " + i);
            }
            int length = Integer.parseInt(header[2]);
            out.add(new String[] {header[1], bundle.substring(nl + 1, nl + 1 + length)});
            i = nl + 1 + length;
        }
        return out;
    }
}
