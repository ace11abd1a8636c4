package io.kgate.load;

import io.kgate.model.Pos;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns file bytes into text, refusing binary data and invalid UTF-8 with the line where it starts. */
final class TextDecoder {
    /** Either {@code text} or a {@code problem} at {@code pos}. */
    record Decoded(String text, String problem, Pos pos) {
    }

    private TextDecoder() {
    }

    static Decoded decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    /** The text of the first {@code length} bytes of {@code bytes}. */
    static Decoded decode(byte[] bytes, int length) {
        int start = 0;
        if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3; // a UTF-8 byte order mark is allowed and dropped
        }
        boolean ascii = true;
        for (int i = start; i < length; i++) {
            if (bytes[i] == 0) {
                return new Decoded(null, "binary data (NUL byte at offset " + i + "), not a YAML or JSON text file",
                        posAt(bytes, start, i));
            }
            ascii &= bytes[i] > 0;
        }
        if (ascii) {
            // nearly every manifest: ASCII is valid UTF-8, and the String is made straight from the bytes
            // (a decoder would go through a buffer of chars twice the size, then compress it)
            return new Decoded(new String(bytes, start, length - start, StandardCharsets.US_ASCII), null, null);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        try {
            CharBuffer out = decoder.decode(in);
            return new Decoded(out.toString(), null, null);
        } catch (CharacterCodingException e) {
            // decode again up to the failure to find its offset
            int bad = firstInvalid(bytes, start, length);
            return new Decoded(null, String.format("invalid UTF-8 (byte 0x%02X at offset %d); kgate reads UTF-8 only",
                    bytes[bad] & 0xff, bad), posAt(bytes, start, bad));
        }
    }

    private static int firstInvalid(byte[] bytes, int start, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length);
        decoder.decode(in, out, true);
        return Math.min(in.position(), length - 1);
    }

    private static Pos posAt(byte[] bytes, int start, int offset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Pos(line, offset - lineStart + 1);
    }
}
