package io.kgate.cli;

import io.kgate.check.rules.RuleError;
import io.kgate.check.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options that choose the rules of a run, shared by linting, {@code rules} and {@code explain}. */
public final class RuleOptions {
    @Option(scope = ScopeType.INHERIT, names = "--rules", paramLabel = "DIR",
            description = "Add the rule files (and profiles) in DIR; repeatable.")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(scope = ScopeType.INHERIT, names = "--config", paramLabel = "FILE",
            description = "Use FILE instead of the nearest .kgate.yaml in the current directory or above.")
    Path config;

    /** The rules these options select; a bad rule file or config is a usage error (exit 2). */
    RuleSet load() {
        try {
            return RuleSet.load(ruleDirs, config, Path.of(""));
        } catch (RuleError e) {
            throw new KgateCommand.UsageError(e.getMessage());
        }
    }
}
