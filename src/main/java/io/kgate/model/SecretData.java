package io.kgate.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The values of a v1 Secret as the cluster will see them: {@code stringData} as written, {@code data}
 * decoded from base64. For the checks that must find secrets and for the reports that must never
 * print them.
 */
public final class SecretData {
    /**
     * One value. {@code encoded} is the base64 text of a {@code data} entry (null for stringData);
     * {@code text} the value as text (decoded; null when it is not valid base64 or not UTF-8).
     */
    public record Value(String pointer, String key, String encoded, String text) {
        /** The value as written in the file. */
        public String written() {
            return encoded != null ? encoded : text;
        }
    }

    private SecretData() {
    }

    public static boolean isSecret(KubeObject o) {
        return "Secret".equals(o.kind()) && "v1".equals(o.apiVersion());
    }

    /** Every data and stringData value of {@code secret} written as a scalar, in file order. */
    public static List<Value> values(KubeObject secret) {
        List<Value> out = new ArrayList<>();
        if (secret.root().get("data") instanceof MapNode data) {
            for (MapNode.Entry e : data.entries()) {
                if (e.value() instanceof ScalarNode s && s.value() != null) {
                    String encoded = s.value() instanceof String str ? str : s.raw();
                    out.add(new Value(JsonPointer.child("/data", e.key()), e.key(), encoded, decode(encoded)));
                }
            }
        }
        if (secret.root().get("stringData") instanceof MapNode data) {
            for (MapNode.Entry e : data.entries()) {
                if (e.value() instanceof ScalarNode s && s.value() != null) {
                    String text = s.value() instanceof String str ? str : s.raw();
                    out.add(new Value(JsonPointer.child("/stringData", e.key()), e.key(), null, text));
                }
            }
        }
        return out;
    }

    /** base64 text decoded to UTF-8 text, or null. */
    private static String decode(String encoded) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(encoded.strip());
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
