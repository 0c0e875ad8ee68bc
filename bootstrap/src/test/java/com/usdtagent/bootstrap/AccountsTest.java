package com.usdtagent.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and tokens over real HTTP, against the real server and PostgreSQL. */
class AccountsTest {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void registerThenLogInWithUsernameOrPhoneAndSeeOnlyYourOwnPhone() {
        var register = node.post("/api/auth/register", """
                {"username":"Alice.Trader","phone":"+44 7911 000001","password":"correct horse","role":"user"}""", null);
        assertThat(register.status()).isEqualTo(201);
        var user = register.json().path("user");
        assertThat(user.path("username").asText()).isEqualTo("Alice.Trader");
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.has("phone")).isFalse();
        assertThat(register.body()).doesNotContain("7911");

        var byName = node.post("/api/auth/login", "{\"login\":\"alice.trader\",\"password\":\"correct horse\"}", null);
        var byPhone = node.post("/api/auth/login", "{\"login\":\"+447911000001\",\"password\":\"correct horse\"}", null);
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byPhone.status()).isEqualTo(200);
        assertThat(byPhone.json().path("user").path("id").asText()).isEqualTo(user.path("id").asText());

        var me = node.get("/api/me", byName.json().path("token").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(user.path("id").asText());
        assertThat(me.json().path("phone").asText()).isEqualTo("+447911000001");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCaseAndPhonesWhateverTheirFormatting() {
        node.register("Bob_Agent", "agent");
        var sameNameOtherCase = node.post("/api/auth/register", """
                {"username":"bob_agent","phone":"+44 7911 000002","password":"password-2","role":"user"}""", null);
        assertThat(sameNameOtherCase.status()).isEqualTo(409);
        assertThat(sameNameOtherCase.json().path("error").path("code").asText()).isEqualTo("CONFLICT");

        node.post("/api/auth/register", """
                {"username":"carol","phone":"+1 415 555 2671","password":"password-3","role":"agent"}""", null);
        var samePhoneOtherFormat = node.post("/api/auth/register", """
                {"username":"carol2","phone":"+1 (415) 555-2671","password":"password-3","role":"agent"}""", null);
        assertThat(samePhoneOtherFormat.status()).isEqualTo(409);
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        node.register("dave", "user");
        var wrongPassword = node.post("/api/auth/login", "{\"login\":\"dave\",\"password\":\"not his password\"}", null);
        var unknownUser = node.post("/api/auth/login", "{\"login\":\"nobody_here\",\"password\":\"not his password\"}", null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void badRegistrationsListEveryFailingFieldAndStoreNothing() {
        var bad = node.post("/api/auth/register",
                "{\"username\":\"x\",\"phone\":\"12345\",\"password\":\"short\",\"role\":\"admin\"}", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.json().path("error").path("details").findValuesAsText("field"))
                .containsExactlyInAnyOrder("username", "phone", "password", "role");

        var badPhone = node.post("/api/auth/register",
                "{\"username\":\"erin\",\"phone\":\"12345\",\"password\":\"password-5\",\"role\":\"user\"}", null);
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().path("error").path("details").findValuesAsText("field")).containsExactly("phone");

        var retried = node.post("/api/auth/register",
                "{\"username\":\"x_fixed\",\"phone\":\"+44 7911 000009\",\"password\":\"long enough\",\"role\":\"user\"}", null);
        assertThat(retried.status()).as("the refused attempt kept nothing").isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Admin_", "adm1n", "ADMIN.desk", "suppport", "Support_Team", "system_", "Syst3m",
            "moderator", "m0derat0r"})
    void aUsernameThatPassesForStaffIsRefused(String username) {
        var refused = register(username, "+44 7911 000101", "violet-harbour-42");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("details").findValuesAsText("field")).containsExactly("username");
    }

    @Test
    void aPasswordEqualToTheUsernameOrAmongTheMostUsedIsRefused() {
        var sameAsName = register("frank_trader", "+44 7911 000102", "Frank_Trader");
        var common = register("frank_trader", "+44 7911 000102", "iloveyou");
        var common2 = register("frank_trader", "+44 7911 000102", "Qwerty123");

        for (var refused : List.of(sameAsName, common, common2)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("error").path("details").findValuesAsText("field")).containsExactly("password");
        }
    }

    @Test
    void onlyImpossiblePhoneNumbersAreRefusedAndANationalFormAsksForTheCountryCode() {
        assertThat(register("grace_ok", "+44 7911 523411", "violet-harbour-42").status())
                .as("possible, though not assigned today").isEqualTo(201);

        var national = register("grace_national", "07911 523412", "violet-harbour-42");
        assertThat(national.status()).isEqualTo(400);
        assertThat(national.json().at("/error/details/0/field").asText()).isEqualTo("phone");
        assertThat(national.json().at("/error/details/0/message").asText()).contains("+").contains("country code");
    }

    private static HttpApi.Response register(String username, String phone, String password) {
        return node.post("/api/auth/register", """
                {"username":"%s","phone":"%s","password":"%s","role":"user"}""".formatted(username, phone, password), null);
    }

    @Test
    void theAdminFromTheEnvironmentCanSignIn() {
        var login = node.post("/api/auth/login",
                "{\"login\":\"" + TestNode.ADMIN_USERNAME + "\",\"password\":\"" + TestNode.ADMIN_PASSWORD + "\"}", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("user").path("role").asText()).isEqualTo("admin");
    }

    @Test
    void apiRoutesNeedAValidBearerToken() {
        assertThat(node.get("/api/me", null).status()).isEqualTo(401);
        assertThat(node.get("/api/me", "garbage").json().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentAreServed() {
        assertThat(node.get("/health", null).status()).isEqualTo(200);
        var metrics = node.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(node.get("/openapi.json", null).json().path("paths").has("/api/auth/register")).isTrue();
    }
}
