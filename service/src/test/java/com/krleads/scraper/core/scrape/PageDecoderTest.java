package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageDecoderTest {
    private static final Charset CP949 = Charset.forName("x-windows-949");
    private static final String OUTSIDE_KS_X_1001 = "똠방각하 햏 뷁 쌰";

    @ParameterizedTest
    @ValueSource(strings = {"cp949", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
            "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", " EUC-KR ", "KS_C_5601-1987"})
    void everyEucKrLabelMeansWindows949(String label) {
        assertThat(EncodingLabels.lookup(label)).isEqualTo(CP949);
        PageDecoder.Decoded decoded = PageDecoder.decode(OUTSIDE_KS_X_1001.getBytes(CP949), label);
        assertThat(decoded.text()).isEqualTo(OUTSIDE_KS_X_1001);
        assertThat(decoded.replacements()).isZero();
    }

    @Test
    void latinLabelsMeanWindows1252AndUnknownLabelsNothing() {
        assertThat(EncodingLabels.lookup("iso-8859-1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(EncodingLabels.lookup("us-ascii")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(EncodingLabels.lookup("no-such-encoding")).isNull();
        assertThat(EncodingLabels.lookup("")).isNull();
    }

    @Test
    void theByteOrderMarkWinsOverContentType() {
        byte[] body = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "한글".getBytes(StandardCharsets.UTF_8));
        PageDecoder.Decoded decoded = PageDecoder.decode(body, "euc-kr");
        assertThat(decoded.text()).isEqualTo("한글");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void contentTypeWinsOverMeta() {
        byte[] body = ("<meta charset=\"utf-8\">" + OUTSIDE_KS_X_1001).getBytes(CP949);
        assertThat(PageDecoder.decode(body, "cp949").text()).endsWith(OUTSIDE_KS_X_1001);
    }

    @Test
    void metaIsReadOnlyInTheFirst1024BytesAndNotInComments() {
        String late = " ".repeat(PageDecoder.PRESCAN_BYTES) + "<meta charset=\"euc-kr\">";
        assertThat(PageDecoder.declaredInMeta(late.getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(PageDecoder.declaredInMeta("<!-- <meta charset=\"euc-kr\"> -->".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(PageDecoder.declaredInMeta("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=ksc5601'>"
                .getBytes(StandardCharsets.US_ASCII))).isEqualTo(CP949);
        assertThat(PageDecoder.declaredInMeta("<meta charset=utf-16>".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void undeclaredPagesAreUtf8WhenValidElseWindows949() {
        assertThat(PageDecoder.decode("한글 페이지".getBytes(StandardCharsets.UTF_8), null).text()).isEqualTo("한글 페이지");
        PageDecoder.Decoded cp949 = PageDecoder.decode(OUTSIDE_KS_X_1001.getBytes(CP949), null);
        assertThat(cp949.text()).isEqualTo(OUTSIDE_KS_X_1001);
        assertThat(cp949.charset()).isEqualTo(CP949);
    }

    @Test
    void eachUndecodableSequenceBecomesOneCountedReplacement() {
        byte[] body = concat(concat("가".getBytes(CP949), new byte[] {(byte) 0xff, 'x', (byte) 0x80}), "나".getBytes(CP949));
        PageDecoder.Decoded decoded = PageDecoder.decode(body, "euc-kr");
        assertThat(decoded.text()).isEqualTo("가\uFFFDx\uFFFD나");
        assertThat(decoded.replacements()).isEqualTo(2);
    }

    @Test
    void aTruncatedUtf8SequenceAtTheEndIsCountedToo() {
        byte[] body = concat("끝".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xeb, (byte) 0x81});
        PageDecoder.Decoded decoded = PageDecoder.decode(body, "utf-8");
        assertThat(decoded.text()).startsWith("끝").endsWith("\uFFFD");
        assertThat(decoded.replacements()).isPositive();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
