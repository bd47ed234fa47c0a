package dev.cradle.scenario.measured;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The text of a measurement file as its tool meant it, with its lines normalised to {@code \n}.
 * Decoding: a byte-order mark selects UTF-8 or UTF-16 (and is dropped); otherwise strict UTF-8, and if
 * that fails windows-1252 — what CodeCarbon 1.x writes on Windows, where Python's {@code open(path,
 * "a+")} uses the locale's code page (codecarbon v1.2.0 {@code codecarbon/output.py}, FileOutput.out).
 * Line ends: {@code \r\r\n} (Python's csv module writes {@code \r\n} through a Windows text-mode file,
 * which turns its {@code \n} into {@code \r\n} again), {@code \r\n} and a lone {@code \r} each end one
 * line, so line numbers are those an editor shows for the file.
 *
 * @param encoding the charset the bytes were decoded with
 */
public record DecodedText(String text, String encoding) {
    private static final Pattern LINE_ENDS = Pattern.compile("\r\r\n|\r\n|\r");

    /** Decodes {@code bytes}; never fails (windows-1252 falls back to ISO-8859-1 for its five unmapped bytes). */
    public static DecodedText decode(byte[] bytes) {
        String text;
        String encoding;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = lenient(bytes, 3, StandardCharsets.UTF_8);
            encoding = "UTF-8 with byte-order mark";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = lenient(bytes, 2, StandardCharsets.UTF_16LE);
            encoding = "UTF-16LE";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = lenient(bytes, 2, StandardCharsets.UTF_16BE);
            encoding = "UTF-16BE";
        } else {
            String strict = strict(bytes, StandardCharsets.UTF_8);
            if (strict != null) {
                text = strict;
                encoding = "UTF-8";
            } else {
                strict = strict(bytes, Charset.forName("windows-1252"));
                text = strict != null ? strict : new String(bytes, StandardCharsets.ISO_8859_1);
                encoding = strict != null ? "windows-1252" : "ISO-8859-1";
            }
        }
        return new DecodedText(LINE_ENDS.matcher(text).replaceAll("\n"), encoding);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String lenient(byte[] b, int offset, Charset cs) {
        return new String(b, offset, b.length - offset, cs);
    }

    private static String strict(byte[] b, Charset cs) {
        try {
            CharBuffer chars = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
