package dev.app09.testkit.junit;

import dev.app09.core.model.TenantSnapshot;
import dev.app09.testkit.server.FakeGraphServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link FakeGraphServer} before the test class and stops it after; before each test it
 * {@linkplain FakeGraphServer#reset() resets} the server (faults, journal, writes), keeping the
 * tenant served last. Register it in a static field; test methods may also take the server as a
 * parameter. {@code @Nested} test classes share the server of the class that declares the field.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FakeGraphExtension graph = FakeGraphExtension.create();
 *
 * &#64;Test
 * void reads_payroll() {
 *     graph.serve(FakeTenant.create().application("Payroll", app -&gt; app.secret()).build());
 *     // call graph.baseUrl() + "/v1.0/applications"
 * }
 * </pre>
 */
public final class FakeGraphExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private @Nullable FakeGraphServer server;
    /** The class whose run started the server: {@code @Nested} classes reuse it, and only it stops it. */
    private @Nullable String owner;

    private FakeGraphExtension() {
    }

    /** @return an extension to register in a static field with {@code @RegisterExtension} */
    public static FakeGraphExtension create() {
        return new FakeGraphExtension();
    }

    /**
     * @return the running server
     * @throws IllegalStateException outside a test class run, or when the extension is not in a
     *     static field
     */
    public FakeGraphServer server() {
        FakeGraphServer running = server;
        if (running == null) {
            throw new IllegalStateException("the fake Graph runs only while the test class runs: register"
                    + " FakeGraphExtension in a static field with @RegisterExtension");
        }
        return running;
    }

    /**
     * Serves a tenant (kept across tests until another is served).
     *
     * @param tenant the tenant
     * @return the running server
     */
    public FakeGraphServer serve(TenantSnapshot tenant) {
        return server().serve(tenant);
    }

    /** @return the server's root URL, under which {@code /v1.0} and {@code /beta} live */
    public String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            server = FakeGraphServer.start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FakeGraphServer running = server;
        if (running != null && context.getUniqueId().equals(owner)) {
            server = null;
            owner = null;
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeGraphServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }
}
