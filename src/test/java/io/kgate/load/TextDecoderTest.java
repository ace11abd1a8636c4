package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File bytes to text: ASCII takes a shortcut, anything else the checking decoder; both agree. */
class TextDecoderTest {
    @Test
    void asciiAndUtf8DecodeToTheirText() {
        for (String text : new String[] {"", "a: 1\n", "name: café # é\nb: ü\n", "emoji: \"\uD83D\uDE80\"\n", "x: \u007f\n"}) {
            TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
            assertEquals(text, d.text());
            assertNull(d.problem());
        }
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'};
        assertEquals("a: 1", TextDecoder.decode(bom).text());
    }

    @Test
    void invalidUtf8AndNulBytesAreProblemsAtTheirLine() {
        byte[] latin1 = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        TextDecoder.Decoded d = TextDecoder.decode(latin1);
        assertNull(d.text());
        assertEquals("invalid UTF-8 (byte 0xE9 at offset 11); kgate reads UTF-8 only", d.problem());
        assertEquals("2:7", d.pos().toString());

        TextDecoder.Decoded nul = TextDecoder.decode("a: 1\n\u0000".getBytes(StandardCharsets.US_ASCII));
        assertNull(nul.text());
        assertEquals("2:1", nul.pos().toString());
    }

    /** A reading thread's buffer holds what a longer file left after the text: it is not read. */
    @Test
    void onlyTheGivenLengthIsRead() {
        for (String text : new String[] {"a: 1\n", "b: caf\u00e9\n", ""}) {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[t.length + 6];
            System.arraycopy(t, 0, buffer, 0, t.length);
            buffer[t.length] = 0; // a NUL
            buffer[t.length + 1] = (byte) 0xE9; // invalid UTF-8
            buffer[t.length + 2] = 'x';
            TextDecoder.Decoded d = TextDecoder.decode(buffer, t.length);
            assertEquals(text, d.text());
            assertNull(d.problem());
        }
        byte[] broken = "a: caf\u00e9 and more".getBytes(StandardCharsets.ISO_8859_1);
        TextDecoder.Decoded d = TextDecoder.decode(broken, 8);
        assertEquals("invalid UTF-8 (byte 0xE9 at offset 6); kgate reads UTF-8 only", d.problem());
        assertEquals("1:7", d.pos().toString());
    }
}
