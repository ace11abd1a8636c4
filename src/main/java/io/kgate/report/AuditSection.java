package io.kgate.report;

import io.kgate.check.LintResult;
import java.util.List;

/**
 * An extra part of the audit report contributed by a check family (e.g. the resource budget table
 * of the architecture rules). Empty lines are fine; the report indents nothing on its own.
 */
public interface AuditSection {
    String title();

    /** The section's lines; an empty list leaves the section out. */
    List<String> lines(LintResult result);

    /**
     * The fields of each object the section reads ({@code RetainedFields} syntax), kept for the tree pass
     * beyond those the checks read, so the audit does not keep every object whole.
     */
    List<String> reads();
}
