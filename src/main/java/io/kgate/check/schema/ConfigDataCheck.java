package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.ScalarNode;
import io.kgate.model.Sops;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The part of {@code schema} about the data of Secrets and ConfigMaps that the OpenAPI definitions
 * leave out: keys must be valid config keys (they become file names in volumes), {@code data} of a
 * Secret and {@code binaryData} of a ConfigMap hold base64, and a ConfigMap key may not be in both
 * {@code data} and {@code binaryData}. Messages never repeat a value.
 */
public final class ConfigDataCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (!"v1".equals(o.apiVersion())) {
            return;
        }
        boolean sops = Sops.isEncrypted(o); // encrypted values are not base64 of the plain value
        if ("Secret".equals(o.kind())) {
            keys(ctx, o, "/data", !sops, out);
            keys(ctx, o, "/stringData", false, out);
        } else if ("ConfigMap".equals(o.kind())) {
            keys(ctx, o, "/data", false, out);
            keys(ctx, o, "/binaryData", !sops, out);
            if (o.at("/data") instanceof MapNode data && o.at("/binaryData") instanceof MapNode binary) {
                for (MapNode.Entry e : binary.entries()) {
                    if (data.has(e.key())) {
                        out.accept(ctx.finding(ID, o, JsonPointer.child("/binaryData", e.key()), "binaryData."
                                + e.key() + ": the key is also in data (line " + data.entry(e.key()).keyPos().line()
                                + "); a ConfigMap key must be unique across data and binaryData"));
                    }
                }
            }
        }
    }

    private static void keys(CheckContext ctx, KubeObject o, String field, boolean base64, Consumer<Finding> out) {
        if (!(o.at(field) instanceof MapNode map)) {
            return;
        }
        for (MapNode.Entry e : map.entries()) {
            // the pointer and its dotted form are made only for a finding: every key passes here
            String keyProblem = configKey(e.key());
            if (keyProblem != null) {
                String pointer = JsonPointer.child(field, e.key());
                out.accept(ctx.finding(ID, o, pointer, JsonPointer.toDotted(pointer) + ": key \"" + e.key() + "\" "
                        + keyProblem));
            }
            if (base64 && e.value() instanceof ScalarNode s && s.value() instanceof String value) {
                String problem = base64(value);
                if (problem != null) {
                    String pointer = JsonPointer.child(field, e.key());
                    out.accept(ctx.finding(ID, o, pointer, JsonPointer.toDotted(pointer)
                            + ": the value is not valid base64 (" + problem
                            + "); " + field.substring(1) + " holds base64-encoded values"
                            + ("Secret".equals(o.kind()) ? ", plain text goes in stringData" : "")));
                }
            }
        }
    }

    /** Null when {@code key} is a valid config key (Kubernetes' IsConfigMapKey), else what is wrong. */
    static String configKey(String key) {
        if (key.length() > 253) {
            return "is longer than 253 characters";
        }
        if (!CONFIG_KEY.matcher(key).matches()) {
            return "may hold only letters, digits, '-', '_' and '.' (it names a file when mounted)";
        }
        if (key.equals(".") || key.equals("..") || key.startsWith("..")) {
            return "may not be '.' or '..' or start with '..'";
        }
        return null;
    }

    /**
     * Null when {@code value} decodes as the API server decodes {@code []byte} fields (Go's standard
     * base64 with padding; line breaks are ignored), else where it fails, without the value itself.
     */
    static String base64(String value) {
        int n = 0;
        int padding = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                continue;
            }
            n++;
            if (c == '=') {
                padding++;
                if (padding > 2) {
                    return "too much '=' padding";
                }
            } else if (padding > 0) {
                return "'=' padding before the end, at character " + n;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return "character " + n + " is not in the base64 alphabet";
            }
        }
        return n % 4 == 0 ? null : "its length is not a multiple of 4; is the '=' padding missing?";
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
