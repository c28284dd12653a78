package com.krleads.scraper.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Korean directory page in CP949 served on loopback, labelled the ways real sites label it:
 * {@code /header/<label>} names the charset in Content-Type only, {@code /meta-charset} and
 * {@code /meta-http-equiv} in the page only, {@code /undeclared} nowhere, {@code /bom} is UTF-8
 * with a byte order mark under a Content-Type that says euc-kr, and {@code /broken} carries
 * {@link #BROKEN_SEQUENCES} bytes that are valid in no Korean encoding.
 */
public final class KoreanSite implements AutoCloseable {
    /** Syllables outside KS X 1001: EUC-KR proper cannot encode them, windows-949 can. */
    public static final String NAME = "똠방각하 햏 뷁 쌰 상회";
    public static final String ADDRESS = "서울특별시 종로구 똠길 1";
    public static final int BROKEN_SEQUENCES = 2;
    private static final Charset CP949 = Charset.forName("x-windows-949");

    private final LoopbackHttpServer server;

    private KoreanSite(LoopbackHttpServer server) {
        this.server = server;
    }

    public static KoreanSite start() throws IOException {
        return new KoreanSite(LoopbackHttpServer.start("korean-site", Map.of("/", KoreanSite::handle)));
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    static String page(String head, String extra) {
        return "<!DOCTYPE html><html lang=\"ko\"><head>" + head + "<title>디렉터리</title></head><body>"
                + "<div class=\"listing\"><h2 class=\"name\">" + NAME + "</h2>"
                + "<p class=\"addr\">" + ADDRESS + "</p><span class=\"tel\">02-765-4321</span>" + extra + "</div>"
                + "</body></html>";
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/header/")) {
                send(exchange, "text/html; charset=" + path.substring("/header/".length()), page("", "").getBytes(CP949));
            } else if (path.equals("/meta-charset")) {
                send(exchange, "text/html", page("<meta charset=\"euc-kr\">", "").getBytes(CP949));
            } else if (path.equals("/meta-http-equiv")) {
                send(exchange, "text/html", page("<meta http-equiv=\"Content-Type\" "
                        + "content=\"text/html; charset=ks_c_5601-1987\">", "").getBytes(CP949));
            } else if (path.equals("/undeclared")) {
                send(exchange, "text/html", page("", "").getBytes(CP949));
            } else if (path.equals("/bom")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
                body.write(page("", "").getBytes(StandardCharsets.UTF_8));
                send(exchange, "text/html; charset=euc-kr", body.toByteArray());
            } else if (path.equals("/broken")) {
                String[] parts = page("", "<p class=\"desc\">BROKEN</p>").split("BROKEN");
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(parts[0].getBytes(CP949));
                body.write(new byte[] {'a', (byte) 0xff, 'b', (byte) 0x80, 'c'});
                body.write(parts[1].getBytes(CP949));
                send(exchange, "text/html; charset=euc-kr", body.toByteArray());
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.close();
    }
}
