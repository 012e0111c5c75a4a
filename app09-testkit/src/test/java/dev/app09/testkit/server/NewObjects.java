package dev.app09.testkit.server;

import dev.app09.core.model.Application;
import dev.app09.testkit.TestClock;
import java.util.List;
import java.util.UUID;

/** Applications made for the tests that change a served tenant. */
final class NewObjects {

    private NewObjects() {
    }

    static Application renamed(Application app, String displayName) {
        return new Application(app.id(), app.appId(), displayName, app.createdDateTime(), app.signInAudience(),
                app.passwordCredentials(), app.keyCredentials(), app.federatedIdentityCredentials());
    }

    static Application newApplication(String displayName) {
        return new Application(UUID.randomUUID(), UUID.randomUUID(), displayName, TestClock.DEFAULT_INSTANT,
                "AzureADMyOrg", List.of(), List.of(), List.of());
    }
}
