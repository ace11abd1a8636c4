package io.kgate.model;

import java.util.regex.Pattern;

/**
 * Files encrypted with SOPS: a top-level {@code sops:} mapping holds the metadata (keys, MAC,
 * version) and the encrypted values read {@code ENC[AES256_GCM,data:...,type:str]}. Such a file is
 * the fix for a secret in git, so checks recognise it: {@code sops} is not an unknown field and
 * {@code ENC[...]} values are not checked as base64, numbers or anything else.
 */
public final class Sops {
    /** The key SOPS adds at the top of every document it encrypts. */
    public static final String METADATA_KEY = "sops";
    private static final Pattern ENCRYPTED_VALUE = Pattern.compile("ENC\\[[A-Z0-9_]+,data:.*]", Pattern.DOTALL);

    private Sops() {
    }

    /** Whether {@code obj} was encrypted by SOPS: its {@code sops:} metadata names a MAC or a version. */
    public static boolean isEncrypted(KubeObject obj) {
        MapNode meta = obj.root().map(METADATA_KEY);
        return meta != null && (meta.has("mac") || meta.has("version"));
    }

    /** Whether a scalar's text is a SOPS-encrypted value. */
    public static boolean isEncryptedValue(String text) {
        return text != null && ENCRYPTED_VALUE.matcher(text.strip()).matches();
    }

    /** Whether {@code pointer} lies in the SOPS metadata of {@code obj}. */
    public static boolean isMetadata(String pointer) {
        return pointer.equals("/" + METADATA_KEY) || pointer.startsWith("/" + METADATA_KEY + "/");
    }
}
