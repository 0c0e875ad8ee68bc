package com.usdtagent.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTargetTest {

    @Test
    void keepsAJdbcUrlAsItIs() {
        JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://db.example:6543/market?user=app&password=s3cret&ssl=true");

        assertThat(target.url()).isEqualTo("jdbc:postgresql://db.example:6543/market?user=app&password=s3cret&ssl=true");
        assertThat(target.user()).isNull();
        assertThat(target.password()).isNull();
        assertThat(target.toString()).doesNotContain("s3cret").contains("password=***", "ssl=true");
    }

    @Test
    void turnsAPostgresUrlIntoJdbcWithDecodedCredentials() {
        JdbcTarget target = JdbcTarget.parse("postgres://app%40corp:p%40ss%3Aw+rd@db.example:6543/market?sslmode=require");

        assertThat(target.url()).isEqualTo("jdbc:postgresql://db.example:6543/market?sslmode=require");
        assertThat(target.user()).isEqualTo("app@corp");
        assertThat(target.password()).isEqualTo("p@ss:w+rd");
        assertThat(target.toString()).doesNotContain("p@ss").contains("app@corp");
    }

    @Test
    void defaultsThePortAndAcceptsThePostgresqlScheme() {
        JdbcTarget target = JdbcTarget.parse("postgresql://app:secret@db.example/market");

        assertThat(target.url()).isEqualTo("jdbc:postgresql://db.example:5432/market");
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.password()).isEqualTo("secret");
    }

    @Test
    void acceptsAUserWithoutPasswordAndNoCredentials() {
        assertThat(JdbcTarget.parse("postgres://app@localhost/market"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://localhost:5432/market", "app", null));
        assertThat(JdbcTarget.parse("postgres://localhost:5433/market"))
                .isEqualTo(new JdbcTarget("jdbc:postgresql://localhost:5433/market", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "mysql://app:s3cret@db.example/market",
            "jdbc:mysql://db.example/market?password=s3cret",
            "postgres://app:s3cret@db.example",
            "postgres://app:s3cret@db.example/",
            "postgres://app:s3c ret@db.example/market",
            "postgres://app:s3cret%zz@db.example/market"})
    void refusesOtherUrlsWithoutShowingThePassword(String databaseUrl) {
        assertThatThrownBy(() -> JdbcTarget.parse(databaseUrl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3c")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> JdbcTarget.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
