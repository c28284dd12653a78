package com.krleads.scraper.testing;

import java.util.ArrayList;
import java.util.List;

/** A listing page in the fixture site's markup ({@link FixtureSite#selectors()}), built in a test. */
public final class ListingPage {
    /** One listing; null fields are left out of the markup. */
    public record Item(String name, String category, String address, String tel, String email, String homepage) {
        public static Item named(String name, String tel) {
            return new Item(name, "한식", "서울특별시 중구 세종대로 110", tel, null, null);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private String next;

    public ListingPage add(Item item) {
        items.add(item);
        return this;
    }

    public ListingPage next(String href) {
        this.next = href;
        return this;
    }

    public String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"UTF-8\">"
                + "<title>목록</title></head><body><main>\n");
        for (Item item : items) {
            html.append("<div class=\"listing\">");
            element(html, "<h2 class=\"name\">", item.name(), "</h2>");
            element(html, "<span class=\"cat\">", item.category(), "</span>");
            element(html, "<p class=\"addr\">", item.address(), "</p>");
            element(html, "<span class=\"tel\">", item.tel(), "</span>");
            if (item.email() != null) {
                html.append("<a href=\"mailto:").append(item.email()).append("\">메일</a>");
            }
            if (item.homepage() != null) {
                html.append("<a class=\"homepage\" href=\"").append(item.homepage()).append("\">홈페이지</a>");
            }
            html.append("</div>\n");
        }
        if (next != null) {
            html.append("<a class=\"next\" href=\"").append(next).append("\">다음</a>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static void element(StringBuilder html, String open, String text, String close) {
        if (text != null) {
            html.append(open).append(escape(text)).append(close);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
