package io.kgate.load;

/**
 * Bounds that keep hostile input (alias bombs, absurd nesting, huge files) from exhausting time,
 * memory or stack. The defaults are far above anything a real manifest needs.
 */
public record LoadLimits(long maxFileBytes, int maxDepth, long maxAliasExpansion) {
    public static final LoadLimits DEFAULT = new LoadLimits(64L * 1024 * 1024, 256, 1_000_000);

    public LoadLimits withMaxFileBytes(long bytes) {
        return new LoadLimits(bytes, maxDepth, maxAliasExpansion);
    }
}
