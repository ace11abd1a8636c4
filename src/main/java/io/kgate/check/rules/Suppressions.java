package io.kgate.check.rules;

import io.kgate.finding.Finding;
import io.kgate.check.Linter;
import io.kgate.finding.RuleCatalog;
import io.kgate.load.LoadResult;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Pos;
import io.kgate.model.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Silences findings the user has accepted, without touching what is deployed:
 * <ul>
 * <li>{@code # kgate:ignore RULE[,RULE] -- reason} on the line of a finding silences it there;</li>
 * <li>the same comment in the comment lines directly above an object's first line silences those
 * rules for the whole object;</li>
 * <li>the annotation {@code kgate.io/ignore: "RULE,RULE"} silences them for the whole object.</li>
 * </ul>
 * A suppression without a reason, naming an unknown rule, or silencing nothing is reported as
 * {@value #RULE}, which itself cannot be silenced.
 */
public final class Suppressions implements Linter.FindingFilter {
    public static final String RULE = "suppression";
    public static final String ANNOTATION = "kgate.io/ignore";
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)#\\s*kgate:ignore\\b(.*)$");
    private static final Pattern BODY = Pattern.compile(
            "\\s*([A-Za-z0-9-]+(?:\\s*,\\s*[A-Za-z0-9-]+)*)?\\s*(?:--\\s*(.*))?");

    private final RuleCatalog rules;
    /** The rules that ran: a suppression of another rule cannot be told to silence nothing. */
    private final Predicate<String> ran;

    /** Suppressions that may name the rules of {@code rules}, reported at the severity of rule {@value #RULE}. */
    public Suppressions(RuleCatalog rules) {
        this(rules, rule -> true);
    }

    /** The same, in a run where only the rules {@code ran} accepts ran ({@code --only}, {@code --skip}). */
    public Suppressions(RuleCatalog rules, Predicate<String> ran) {
        this.rules = rules;
        this.ran = ran;
    }

    /** One suppression as written, and which of its rules silenced something. */
    private static final class Ignore {
        final String file;
        final Pos pos;
        final List<String> rules;
        final Set<String> used = new LinkedHashSet<>();
        final String how;

        Ignore(String file, Pos pos, List<String> rules, String how) {
            this.file = file;
            this.pos = pos;
            this.rules = rules;
            this.how = how;
        }
    }

    @Override
    public List<Finding> apply(LoadResult load, List<Finding> findings) {
        List<Finding> problems = new ArrayList<>();
        Map<String, List<KubeObject>> objectsByFile = new HashMap<>();
        for (KubeObject o : load.objects()) {
            objectsByFile.computeIfAbsent(o.file().displayName(), k -> new ArrayList<>()).add(o);
        }
        objectsByFile.values().forEach(l -> l.sort(Comparator.comparing(KubeObject::pos)));
        // file -> line -> comment suppressions on that line; object -> suppressions for the whole object
        Map<String, Map<Integer, Ignore>> byLine = new HashMap<>();
        Map<KubeObject, List<Ignore>> byObject = new IdentityHashMap<>();
        List<Ignore> all = new ArrayList<>();
        for (SourceFile f : load.files()) {
            List<KubeObject> objs = objectsByFile.getOrDefault(f.displayName(), List.of());
            for (int i : f.keptLines()) {
                Matcher m = COMMENT.matcher(f.line(i));
                if (!m.find()) {
                    continue;
                }
                Pos pos = new Pos(i, f.line(i).indexOf('#', m.start()) + 1);
                Matcher b = BODY.matcher(m.group(1));
                if (!b.matches() || b.group(1) == null) {
                    problems.add(problem(f.displayName(), pos,
                            "kgate:ignore names no rule; write # kgate:ignore RULE[,RULE] -- reason"));
                    continue;
                }
                Ignore ig = new Ignore(f.displayName(), pos, split(b.group(1)), "kgate:ignore");
                all.add(ig);
                if (b.group(2) == null || b.group(2).isBlank()) {
                    problems.add(problem(f.displayName(), pos, "kgate:ignore " + String.join(",", ig.rules)
                            + " gives no reason; write # kgate:ignore " + String.join(",", ig.rules) + " -- why"));
                }
                byLine.computeIfAbsent(f.displayName(), k -> new HashMap<>()).put(i, ig);
                KubeObject below = objectBelow(f, i, objs);
                if (below != null) {
                    byObject.computeIfAbsent(below, k -> new ArrayList<>()).add(ig);
                }
            }
        }
        for (KubeObject o : load.objects()) {
            MapNode ann = o.at("/metadata/annotations") instanceof MapNode m ? m : null;
            String value = ann == null ? null : ann.string(ANNOTATION);
            if (value != null) {
                Ignore ig = new Ignore(o.file().displayName(), ann.entry(ANNOTATION).keyPos(), split(value),
                        "annotation " + ANNOTATION);
                all.add(ig);
                byObject.computeIfAbsent(o, k -> new ArrayList<>()).add(ig);
            }
        }
        if (all.isEmpty() && problems.isEmpty()) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (f.rule().equals(RULE) || !silenced(f, byLine, byObject, objectsByFile)) {
                kept.add(f);
            }
        }
        Set<String> known = rules.ids();
        for (Ignore ig : all) {
            for (String r : ig.rules) {
                if (!known.contains(r)) {
                    problems.add(problem(ig.file, ig.pos, ig.how + " names unknown rule '" + r + "' (see kgate rules)"));
                } else if (!ig.used.contains(r) && ran.test(r)) {
                    problems.add(problem(ig.file, ig.pos, ig.how + " " + r + " silences nothing here; remove it"));
                }
            }
        }
        kept.addAll(problems); // dropped by the linter when rule suppression is disabled
        kept.sort(Finding.ORDER);
        return kept;
    }

    private Finding problem(String file, Pos pos, String message) {
        return Finding.onFile(RULE, rules.severity(RULE), message, file, pos);
    }

    private static List<String> split(String rules) {
        List<String> out = new ArrayList<>();
        for (String r : rules.split(",")) {
            if (!r.isBlank()) {
                out.add(r.strip());
            }
        }
        return out;
    }

    /** The object whose first line follows the comment block that holds line {@code line}. */
    private static KubeObject objectBelow(SourceFile f, int line, List<KubeObject> objs) {
        int next = line + 1;
        while (next <= f.lines().size() && f.line(next).strip().startsWith("#")) {
            next++;
        }
        for (KubeObject o : objs) {
            if (o.pos().line() == next) {
                return o;
            }
        }
        return null;
    }

    private static boolean silenced(Finding f, Map<String, Map<Integer, Ignore>> byLine,
            Map<KubeObject, List<Ignore>> byObject, Map<String, List<KubeObject>> objectsByFile) {
        boolean hit = false;
        Ignore onLine = byLine.getOrDefault(f.file(), Map.of()).get(f.line());
        if (onLine != null && onLine.rules.contains(f.rule())) {
            onLine.used.add(f.rule());
            hit = true;
        }
        if (f.object() != null) {
            KubeObject owner = owner(f, objectsByFile.getOrDefault(f.file(), List.of()));
            for (Ignore ig : owner == null ? List.<Ignore>of() : byObject.getOrDefault(owner, List.of())) {
                if (ig.rules.contains(f.rule())) {
                    ig.used.add(f.rule());
                    hit = true;
                }
            }
        }
        return hit;
    }

    /** The object of the file whose text holds the finding: the last one starting at or before it. */
    private static KubeObject owner(Finding f, List<KubeObject> objs) {
        KubeObject best = null;
        Pos at = f.pos();
        for (KubeObject o : objs) {
            if (o.pos().compareTo(at) <= 0 || o.pos().line() == at.line()) {
                best = o;
            } else {
                break;
            }
        }
        return best;
    }
}
