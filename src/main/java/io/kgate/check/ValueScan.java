package io.kgate.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of many strings occur in a text, found in one pass over the text (Aho-Corasick): a report's
 * messages are checked against every Secret value of the tree, and asking each value in turn costs
 * messages × values.
 */
final class ValueScan {
    /** Per node: its children by character (null for a leaf), its fallback node, the values ending there. */
    private final List<Map<Character, Integer>> children = new ArrayList<>();
    private final List<Integer> fallback = new ArrayList<>();
    private final List<List<String>> ending = new ArrayList<>();

    ValueScan(List<String> values) {
        node();
        for (String v : values) {
            int at = 0;
            for (int i = 0; i < v.length(); i++) {
                Map<Character, Integer> next = children.get(at);
                if (next == null) {
                    next = new HashMap<>(4);
                    children.set(at, next);
                }
                Integer child = next.get(v.charAt(i));
                if (child == null) {
                    child = node();
                    next.put(v.charAt(i), child);
                }
                at = child;
            }
            ending.get(at).add(v);
        }
        // breadth first: a node's fallback is the longest proper suffix of its path that is also a path
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int parent = queue.poll();
            Map<Character, Integer> next = children.get(parent);
            if (next == null) {
                continue;
            }
            for (Map.Entry<Character, Integer> e : next.entrySet()) {
                int child = e.getValue();
                int f = parent == 0 ? 0 : step(fallback.get(parent), e.getKey());
                fallback.set(child, f);
                if (!ending.get(f).isEmpty()) {
                    List<String> all = new ArrayList<>(ending.get(child));
                    all.addAll(ending.get(f)); // f is nearer the root: its list is complete already
                    ending.set(child, all);
                }
                queue.add(child);
            }
        }
    }

    private int node() {
        children.add(null);
        fallback.add(0);
        ending.add(new ArrayList<>());
        return children.size() - 1;
    }

    /** The node after reading {@code c} at node {@code at}. */
    private int step(int at, char c) {
        while (true) {
            Map<Character, Integer> next = children.get(at);
            Integer child = next == null ? null : next.get(c);
            if (child != null) {
                return child;
            }
            if (at == 0) {
                return 0;
            }
            at = fallback.get(at);
        }
    }

    /** Its nodes: one per distinct prefix of the values. */
    int nodes() {
        return children.size();
    }

    /** The values that occur in {@code text}, in no particular order; empty when none does. */
    Set<String> in(String text) {
        Set<String> found = null;
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            at = step(at, text.charAt(i));
            List<String> here = ending.get(at);
            if (!here.isEmpty()) {
                if (found == null) {
                    found = new LinkedHashSet<>();
                }
                found.addAll(here);
            }
        }
        return found == null ? Set.of() : found;
    }
}
