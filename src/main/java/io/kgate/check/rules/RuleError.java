package io.kgate.check.rules;

import io.kgate.model.Pos;

/** A rule file, profile or config that cannot be used: names the file and line (exit code 2). */
public final class RuleError extends Exception {
    private final String file;
    private final Pos pos;
    private final String problem;

    public RuleError(String file, Pos pos, String problem) {
        super((file == null ? "" : file + (pos == null ? "" : ":" + pos.line() + ":" + pos.column()) + ": ") + problem,
                null, false, false);
        this.file = file;
        this.pos = pos;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public Pos pos() {
        return pos;
    }

    public String problem() {
        return problem;
    }
}
