package com.krleads.scraper.auth;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One HTTP/1.1 answer read off a socket: its status line and headers, its body skipped by length or chunks. */
record RawAnswer(String statusLine, String headers) {

    static RawAnswer read(InputStream in) throws IOException {
        String head = readHead(in);
        int end = head.indexOf("\r\n");
        String statusLine = head.substring(0, end);
        String headers = head.substring(end + 2).toLowerCase(Locale.ROOT);
        if (headers.contains("transfer-encoding: chunked")) {
            skipChunks(in);
        } else {
            long length = contentLength(headers);
            for (long i = 0; i < length; i++) {
                readByte(in);
            }
        }
        return new RawAnswer(statusLine, headers);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            head.write(readByte(in));
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return new String(bytes, 0, n - 4, StandardCharsets.US_ASCII);
            }
        }
    }

    private static long contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private static void skipChunks(InputStream in) throws IOException {
        while (true) {
            long size = Long.parseLong(readLine(in).split(";")[0].trim(), 16);
            for (long i = 0; i < size; i++) {
                readByte(in);
            }
            readLine(in);
            if (size == 0) {
                return;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = readByte(in); b != '\n'; b = readByte(in)) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the connection was closed");
        }
        return b;
    }
}
