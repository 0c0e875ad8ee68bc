package com.usdtagent.http;

import com.usdtagent.application.account.LogIn;
import com.usdtagent.application.account.LookUpAccount;
import com.usdtagent.application.account.RegisterAccount;
import com.usdtagent.application.account.SessionTokens;
import com.usdtagent.application.account.ShowMyAccount;
import com.usdtagent.application.account.SignedIn;
import com.usdtagent.application.account.UserJson;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.shared.BusinessException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** {@code /api/auth/register}, {@code /api/auth/login}, {@code /api/me} and an admin's {@code /api/admin/users}. */
final class AccountRoutes {

    /** Checked by the use case, which names every field that fails, the phone number's too. */
    record RegisterRequest(String username, String phone, String password, String role) {

        @Override
        public String toString() {
            return "RegisterRequest[redacted]";
        }
    }

    record LogInRequest(@NotNull String login, @NotNull String password) {

        @Override
        public String toString() {
            return "LogInRequest[redacted]";
        }
    }

    record UsersView(List<UserJson> users) {
    }

    record SignedInView(String token, String refreshToken, long expiresIn, UserJson user) {
        static SignedInView of(SignedIn signedIn) {
            SessionTokens tokens = signedIn.tokens();
            return new SignedInView(tokens.access().value(), tokens.refreshToken(), tokens.expiresIn(),
                    UserJson.of(signedIn.user()));
        }
    }

    /** The caller's own account: the only view with a phone number, null for the configured admin. */
    record MyAccountView(String id, String username, String role, String phone) {
        static MyAccountView of(UserAccount account) {
            return new MyAccountView(account.id().toString(), account.username().value(), account.role().wireName(),
                    account.phone() == null ? null : account.phone().e164());
        }
    }

    private final RegisterAccount registerAccount;
    private final LogIn logIn;
    private final ShowMyAccount showMyAccount;
    private final LookUpAccount lookUpAccount;
    private final RequestBodies requestBodies;
    private final ClientAddresses clientAddresses;

    AccountRoutes(RegisterAccount registerAccount, LogIn logIn, ShowMyAccount showMyAccount,
                  LookUpAccount lookUpAccount, RequestBodies requestBodies, ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
        this.registerAccount = registerAccount;
        this.logIn = logIn;
        this.showMyAccount = showMyAccount;
        this.lookUpAccount = lookUpAccount;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/auth/register", this::register);
        routes.post("/api/auth/login", this::logIn);
        routes.get("/api/me", this::me);
        routes.get("/api/admin/users", this::lookUp);
    }

    private void register(Context ctx) {
        RegisterRequest request = requestBodies.read(ctx, RegisterRequest.class);
        Role role = "user".equals(request.role()) ? Role.USER : "agent".equals(request.role()) ? Role.AGENT : null;
        SignedIn signedIn = registerAccount.register(new RegisterAccount.Command(request.username(), request.phone(),
                request.password(), role, clientAddresses.of(ctx), ctx.userAgent()));
        ctx.status(HttpStatus.CREATED).json(SignedInView.of(signedIn));
    }

    private void logIn(Context ctx) {
        LogInRequest request = requestBodies.read(ctx, LogInRequest.class);
        ctx.json(SignedInView.of(logIn.logIn(new LogIn.Command(request.login(), request.password(),
                clientAddresses.of(ctx), ctx.userAgent()))));
    }

    /** An exact username, answered as a list: empty when nobody has it. */
    private void lookUp(Context ctx) {
        String username = Params.query(ctx, "username")
                .orElseThrow(() -> BusinessException.invalidField("username", "is required"));
        ctx.json(new UsersView(lookUpAccount.byUsername(BearerAuthentication.caller(ctx), username)
                .map(UserJson::of).stream().toList()));
    }

    private void me(Context ctx) {
        ctx.json(MyAccountView.of(showMyAccount.show(BearerAuthentication.caller(ctx))));
    }
}
