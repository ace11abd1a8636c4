package io.kgate.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What kgate can tell about the pre-commit run that started it. */
final class PreCommit {
    private PreCommit() {
    }

    /**
     * True under {@code pre-commit run --all-files} (or {@code -a}): the user asks for every file to
     * be checked, so a change-only check would wrongly say "nothing new". pre-commit exports no
     * variable for it (it sets PRE_COMMIT=1 for every hook), so the command line of the pre-commit
     * process above kgate tells.
     */
    static boolean runsAllFiles(Map<String, String> env) {
        if (!"1".equals(env.get("PRE_COMMIT"))) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.current().parent();
        for (int depth = 0; depth < 4 && p.isPresent(); depth++, p = p.get().parent()) {
            ProcessHandle.Info info = p.get().info();
            List<String> args = info.arguments().map(List::of).orElse(List.of());
            String command = info.command().orElse("");
            boolean preCommit = command.endsWith("pre-commit")
                    || args.stream().anyMatch(a -> a.endsWith("pre-commit") || a.equals("pre_commit"));
            if (preCommit) {
                return args.contains("run") && (args.contains("--all-files") || args.contains("-a"));
            }
        }
        return false;
    }
}
