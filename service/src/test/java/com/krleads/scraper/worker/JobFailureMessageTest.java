package com.krleads.scraper.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JobFailureMessageTest {
    @Test
    void aDatabaseFailureIsNamedWithoutItsSql() {
        RuntimeException failure = new IllegalStateException("insert failed", new SQLException(
                "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 [statement:\"INSERT INTO leads ...\"]", "22021"));
        assertThat(JobFailureMessage.of(failure)).isEqualTo(JobFailureMessage.DATABASE);
    }

    @Test
    void classNamesAndControlCharactersAreTakenOut() {
        Exception failure = new Exception("page failed: http://directory.example.kr/list: "
                + "java.net.ConnectException: Connection refused\u0000 (after 3 attempts)", new ConnectException());
        assertThat(JobFailureMessage.of(failure))
                .isEqualTo("page failed: http://directory.example.kr/list: Connection refused (after 3 attempts)");
    }

    @Test
    void aFailureWithoutAMessageSaysSoWithoutItsClass() {
        assertThat(JobFailureMessage.of(new NullPointerException())).isEqualTo(JobFailureMessage.UNEXPECTED);
        assertThat(JobFailureMessage.of(new IOException("HTTP 503 from directory.example.kr")))
                .isEqualTo("HTTP 503 from directory.example.kr");
    }

    @Test
    void aLongMessageFitsTheColumn() {
        assertThat(JobFailureMessage.of(new Exception("x".repeat(10_000)))).hasSize(JobFailureMessage.MAX_LENGTH);
    }
}
