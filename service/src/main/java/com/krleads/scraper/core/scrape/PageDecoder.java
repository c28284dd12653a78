package com.krleads.scraper.core.scrape;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a page's bytes into text as a browser would: the encoding comes from the byte order
 * mark, else the Content-Type charset, else a {@code <meta charset>} or {@code http-equiv}
 * declaration in the first 1,024 bytes, else detection. Detection is "UTF-8 if the bytes are
 * valid UTF-8, windows-949 otherwise": pure ASCII reads the same either way, a page that is
 * valid UTF-8 by chance in any other encoding is vanishingly rare, and the undeclared non-UTF-8
 * pages of Korean directory sites are CP949/EUC-KR (windows-949 reads both). Bytes that do not
 * decode become U+FFFD, and are counted.
 */
public final class PageDecoder {
    static final int PRESCAN_BYTES = 1024;
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern META = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?\\s*([^\"'\\s;/>]+)",
            Pattern.CASE_INSENSITIVE);

    /** The text, the encoding it was read with and how many U+FFFD the decoding put in. */
    public record Decoded(String text, Charset charset, int replacements) {
    }

    private PageDecoder() {
    }

    public static Decoded decode(byte[] body, String contentTypeCharset) {
        Charset bom = bom(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return decode(body, skip, bom);
        }
        Charset charset = EncodingLabels.lookup(contentTypeCharset);
        if (charset == null) {
            charset = declaredInMeta(body);
        }
        if (charset == null) {
            charset = detect(body);
        }
        return decode(body, 0, charset);
    }

    static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** The prescan: a meta declaration in the first 1,024 bytes; UTF-16 there means UTF-8. */
    static Charset declaredInMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META.matcher(COMMENT.matcher(head).replaceAll(""));
        while (meta.find()) {
            Matcher charset = CHARSET.matcher(meta.group());
            if (charset.find()) {
                Charset found = EncodingLabels.lookup(charset.group(1));
                if (found != null) {
                    String name = found.name().toLowerCase(Locale.ROOT);
                    return name.startsWith("utf-16") ? StandardCharsets.UTF_8 : found;
                }
            }
        }
        return null;
    }

    static Charset detect(byte[] body) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(body));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return EncodingLabels.WINDOWS_949;
        }
    }

    /** Decodes with one U+FFFD per malformed or unmappable sequence, counting them. */
    static Decoded decode(byte[] body, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, offset, body.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (in.remaining() * (double) decoder.maxCharsPerByte()) + 16));
        int replacements = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow() || out.remaining() < 2) {
                out = grow(out);
            }
            if (result.isError()) {
                out.put('\uFFFD');
                replacements++;
                in.position(in.position() + result.length());
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        return new Decoded(out.toString(), charset, replacements);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        return bigger.put(out);
    }
}
