package io.kgate.check.rules;

import io.kgate.check.rules.Param.Qty;

/**
 * The cluster the rules assume: {@code nodes} nodes (0: unknown) with {@code nodeMemory} and
 * {@code nodeCpu} allocatable each (null when unset). The audit's resource budget table compares the
 * workloads' totals with it.
 */
public record ClusterCapacity(long nodes, Qty nodeMemory, Qty nodeCpu) {
}
