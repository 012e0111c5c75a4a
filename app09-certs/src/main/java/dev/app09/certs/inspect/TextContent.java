package dev.app09.certs.inspect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Content read as text, if it is text: UTF-8 with or without a byte order mark, or UTF-16 with one
 * (what Windows PowerShell 5's {@code Out-File} writes). DER never passes: its length and tag bytes
 * are control characters or malformed UTF-8.
 */
final class TextContent {

    private TextContent() {}

    /**
     * @param content untrusted bytes
     * @return the text without its byte order mark, or null when the content is not text
     */
    static @Nullable String decode(byte[] content) {
        String text;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            text = strict(content, 3, StandardCharsets.UTF_8);
        } else if (startsWith(content, 0xFF, 0xFE)) {
            text = strict(content, 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(content, 0xFE, 0xFF)) {
            text = strict(content, 2, StandardCharsets.UTF_16BE);
        } else {
            text = strict(content, 0, StandardCharsets.UTF_8);
        }
        if (text == null || text.chars().anyMatch(TextContent::isBinary)) {
            return null;
        }
        return text;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String strict(byte[] content, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isBinary(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }
}
